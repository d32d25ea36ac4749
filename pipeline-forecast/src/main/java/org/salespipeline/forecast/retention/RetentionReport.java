package org.salespipeline.forecast.retention;

import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * What {@link RetentionMetrics} found: per period, its waterfall, revenue and logo retention; per
 * cohort of first win, its logos and revenue through the later periods; time to onboard; churn
 * reasons ranked. Immutable.
 */
public final class RetentionReport {
  private final Currency currency;
  private final List<RetentionPeriod> periods;
  private final List<RetentionCohort> cohorts;
  private final List<ChurnReason> churnReasons;
  private final long accounts;
  private final long onboarded;
  private final double meanDaysToOnboard;
  private final double medianDaysToOnboard;

  RetentionReport(
      Currency currency,
      List<RetentionPeriod> periods,
      List<RetentionCohort> cohorts,
      List<ChurnReason> churnReasons,
      long accounts,
      long onboarded,
      double meanDaysToOnboard,
      double medianDaysToOnboard) {
    this.currency = Objects.requireNonNull(currency, "currency");
    this.periods = List.copyOf(periods);
    this.cohorts = List.copyOf(cohorts);
    this.churnReasons = List.copyOf(churnReasons);
    this.accounts = accounts;
    this.onboarded = onboarded;
    this.meanDaysToOnboard = meanDaysToOnboard;
    this.medianDaysToOnboard = medianDaysToOnboard;
  }

  /** The currency of every amount. */
  public Currency currency() {
    return currency;
  }

  /** One entry per analysed period, in the order given. */
  public List<RetentionPeriod> periods() {
    return periods;
  }

  /** One cohort per analysed period: the accounts first won in it. */
  public List<RetentionCohort> cohorts() {
    return cohorts;
  }

  /** Churn reasons, most often given first (ties by revenue lost, then by reason). */
  public List<ChurnReason> churnReasons() {
    return churnReasons;
  }

  /** Accounts with recurring revenue history. */
  public long accounts() {
    return accounts;
  }

  /** Onboardings completed (started and completed in the history). */
  public long onboarded() {
    return onboarded;
  }

  /** Mean days from onboarding started to completed; NaN when none completed. */
  public double meanDaysToOnboard() {
    return meanDaysToOnboard;
  }

  /** Median days from onboarding started to completed; NaN when none completed. */
  public double medianDaysToOnboard() {
    return medianDaysToOnboard;
  }
}
