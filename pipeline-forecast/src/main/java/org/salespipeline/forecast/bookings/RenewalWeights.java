package org.salespipeline.forecast.bookings;

import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.ValidationException;

/**
 * The chance that a renewal due in the period is booked, for a healthy account and for one at risk,
 * learned from the renewal outcomes recorded before the forecast (no look-ahead). Immutable and
 * thread-safe.
 *
 * <p>An outcome is a won renewal deal (renewed) or a move into CHURNED (churned); it counts as at
 * risk when the account's retention status just before it was AT_RISK, healthy otherwise. Each
 * weight is the observed renewal rate shrunk towards its fallback by {@link #PRIOR_OUTCOMES}
 * outcomes: {@code w = (renewed + PRIOR_OUTCOMES * fallback) / (outcomes + PRIOR_OUTCOMES)}. With
 * no history the fallbacks {@link #FALLBACK_HEALTHY} and {@link #FALLBACK_AT_RISK} are used as they
 * are. Both weights lie in [0, 1], and the at-risk weight is capped at the healthy one: an account
 * at risk never counts more than a healthy account of the same value.
 */
public final class RenewalWeights {
  /** Renewal chance of a healthy account before any outcome is recorded. A generic default. */
  public static final double FALLBACK_HEALTHY = 0.85;

  /** Renewal chance of an account at risk before any outcome is recorded. A generic default. */
  public static final double FALLBACK_AT_RISK = 0.5;

  /** Weight of the fallbacks, in outcomes. A generic default. */
  public static final double PRIOR_OUTCOMES = 4.0;

  private final double healthy;
  private final double atRisk;
  private final int healthyOutcomes;
  private final int atRiskOutcomes;

  private RenewalWeights(double healthy, double atRisk, int healthyOutcomes, int atRiskOutcomes) {
    this.healthy = healthy;
    this.atRisk = atRisk;
    this.healthyOutcomes = healthyOutcomes;
    this.atRiskOutcomes = atRiskOutcomes;
  }

  /**
   * The weights learned from counted outcomes.
   *
   * @param healthyRenewed renewals of accounts not at risk
   * @param healthyOutcomes renewals and churns of accounts not at risk
   * @param atRiskRenewed renewals of accounts at risk
   * @param atRiskOutcomes renewals and churns of accounts at risk
   * @return the weights
   * @throws ValidationException if a count is negative or a renewed count exceeds its outcomes
   */
  public static RenewalWeights learned(
      int healthyRenewed, int healthyOutcomes, int atRiskRenewed, int atRiskOutcomes) {
    check("healthyRenewed", healthyRenewed, healthyOutcomes);
    check("atRiskRenewed", atRiskRenewed, atRiskOutcomes);
    double h = shrink(healthyRenewed, healthyOutcomes, FALLBACK_HEALTHY);
    double r = Math.min(h, shrink(atRiskRenewed, atRiskOutcomes, FALLBACK_AT_RISK));
    return new RenewalWeights(h, r, healthyOutcomes, atRiskOutcomes);
  }

  /** The fallback weights, used where no outcome is recorded. */
  public static RenewalWeights fallback() {
    return learned(0, 0, 0, 0);
  }

  private static double shrink(int renewed, int outcomes, double fallback) {
    return (renewed + PRIOR_OUTCOMES * fallback) / (outcomes + PRIOR_OUTCOMES);
  }

  private static void check(String field, int renewed, int outcomes) {
    if (renewed < 0 || outcomes < 0 || renewed > outcomes) {
      throw new ValidationException(
          FieldProblem.of(
              field,
              renewed + " of " + outcomes,
              "renewed and outcome counts must be at least 0, with renewed at most the outcomes"));
    }
  }

  /** The chance that a healthy account's renewal is booked, in [0, 1]. */
  public double healthy() {
    return healthy;
  }

  /** The chance that an at-risk account's renewal is booked, in [0, {@link #healthy()}]. */
  public double atRisk() {
    return atRisk;
  }

  /** The weight of an account in the given state. */
  public double weight(boolean atRisk) {
    return atRisk ? this.atRisk : healthy;
  }

  /** The outcomes of healthy accounts behind {@link #healthy()}. */
  public int healthyOutcomes() {
    return healthyOutcomes;
  }

  /** The outcomes of accounts at risk behind {@link #atRisk()}. */
  public int atRiskOutcomes() {
    return atRiskOutcomes;
  }

  @Override
  public String toString() {
    return String.format(
        java.util.Locale.ROOT,
        "RenewalWeights[healthy %.3f of %d outcomes, at risk %.3f of %d]",
        healthy,
        healthyOutcomes,
        atRisk,
        atRiskOutcomes);
  }
}
