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
 *
 * <p>Overdue renewals (the renewal date passed, the account neither renewed nor churned) have their
 * own weight, learned the same way from the late outcomes (a renewal won, or a churn, after the
 * account's renewal date had passed) and shrunk towards {@link #FALLBACK_OVERDUE}; an overdue
 * account's weight is capped at the on-time weight of its state ({@link #overdueWeight(boolean)}),
 * so a late renewal never counts more than the same renewal on time.
 */
public final class RenewalWeights {
  /** Renewal chance of a healthy account before any outcome is recorded. A generic default. */
  public static final double FALLBACK_HEALTHY = 0.85;

  /** Renewal chance of an account at risk before any outcome is recorded. A generic default. */
  public static final double FALLBACK_AT_RISK = 0.5;

  /**
   * Renewal chance of an overdue renewal before any late outcome is recorded: a late renewal is
   * taken as a coin toss until the history says otherwise. A generic default.
   */
  public static final double FALLBACK_OVERDUE = 0.5;

  /** Weight of the fallbacks, in outcomes. A generic default. */
  public static final double PRIOR_OUTCOMES = 4.0;

  private final double healthy;
  private final double atRisk;
  private final int healthyOutcomes;
  private final int atRiskOutcomes;
  private final double overdue;
  private final int overdueOutcomes;

  private RenewalWeights(
      double healthy,
      double atRisk,
      int healthyOutcomes,
      int atRiskOutcomes,
      double overdue,
      int overdueOutcomes) {
    this.healthy = healthy;
    this.atRisk = atRisk;
    this.healthyOutcomes = healthyOutcomes;
    this.atRiskOutcomes = atRiskOutcomes;
    this.overdue = overdue;
    this.overdueOutcomes = overdueOutcomes;
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
    return learned(healthyRenewed, healthyOutcomes, atRiskRenewed, atRiskOutcomes, 0, 0);
  }

  /**
   * The weights learned from counted outcomes, late outcomes included.
   *
   * @param healthyRenewed renewals of accounts not at risk
   * @param healthyOutcomes renewals and churns of accounts not at risk
   * @param atRiskRenewed renewals of accounts at risk
   * @param atRiskOutcomes renewals and churns of accounts at risk
   * @param lateRenewed renewals won after the account's renewal date had passed
   * @param lateOutcomes renewals and churns after the account's renewal date had passed
   * @return the weights
   * @throws ValidationException if a count is negative or a renewed count exceeds its outcomes
   */
  public static RenewalWeights learned(
      int healthyRenewed,
      int healthyOutcomes,
      int atRiskRenewed,
      int atRiskOutcomes,
      int lateRenewed,
      int lateOutcomes) {
    check("healthyRenewed", healthyRenewed, healthyOutcomes);
    check("atRiskRenewed", atRiskRenewed, atRiskOutcomes);
    check("lateRenewed", lateRenewed, lateOutcomes);
    double h = shrink(healthyRenewed, healthyOutcomes, FALLBACK_HEALTHY);
    double r = Math.min(h, shrink(atRiskRenewed, atRiskOutcomes, FALLBACK_AT_RISK));
    double o = Math.min(h, shrink(lateRenewed, lateOutcomes, FALLBACK_OVERDUE));
    return new RenewalWeights(h, r, healthyOutcomes, atRiskOutcomes, o, lateOutcomes);
  }

  /** The fallback weights, used where no outcome is recorded. */
  public static RenewalWeights fallback() {
    return learned(0, 0, 0, 0, 0, 0);
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

  /**
   * The chance that a healthy account's overdue renewal is booked, in [0, {@link #healthy()}]:
   * learned from late outcomes, capped at the on-time weight.
   */
  public double overdue() {
    return overdue;
  }

  /**
   * The weight of an overdue renewal of an account in the given state: {@link #overdue()}, capped
   * at the on-time {@link #weight(boolean)} of that state.
   */
  public double overdueWeight(boolean atRisk) {
    return Math.min(overdue, weight(atRisk));
  }

  /** The late outcomes behind {@link #overdue()}. */
  public int overdueOutcomes() {
    return overdueOutcomes;
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
