package org.salespipeline.forecast.retention;

import java.util.Arrays;
import java.util.Objects;
import org.salespipeline.forecast.ForecastPeriod;

/**
 * The accounts whose first win fell in one period, followed through that period and the later ones:
 * how many are still customers and their recurring revenue at the end of each. An account is never
 * counted before its first win. Immutable.
 */
public final class RetentionCohort {
  private final int index;
  private final ForecastPeriod period;
  private final long accounts;
  private final long[] logos;
  private final long[] revenueMinor;

  RetentionCohort(
      int index, ForecastPeriod period, long accounts, long[] logos, long[] revenueMinor) {
    this.index = index;
    this.period = Objects.requireNonNull(period, "period");
    this.accounts = accounts;
    this.logos = logos.clone();
    this.revenueMinor = revenueMinor.clone();
  }

  /** The index of the cohort's period among the analysed periods. */
  public int index() {
    return index;
  }

  /** The period of the first wins. */
  public ForecastPeriod period() {
    return period;
  }

  /** The number of analysed periods: the valid {@code p} of {@link #logos(int)} and the rates. */
  public int periods() {
    return logos.length;
  }

  /** Accounts first won in the period. */
  public long accounts() {
    return accounts;
  }

  /**
   * Accounts of the cohort that are customers at the end of the analysed period {@code p}; 0 for a
   * period before the cohort's.
   */
  public long logos(int p) {
    return logos[p];
  }

  /** The cohort's recurring revenue at the end of period {@code p}, in minor units. */
  public long revenueMinor(int p) {
    return revenueMinor[p];
  }

  /** Logos at the end of {@code p} as a share of the cohort; NaN before the cohort's period. */
  public double logoRetention(int p) {
    return p < index || accounts == 0 ? Double.NaN : (double) logos[p] / accounts;
  }

  /**
   * Revenue at the end of {@code p} as a share of the revenue at the end of the cohort's own period
   * (net revenue retention of the cohort); NaN before it.
   */
  public double revenueRetention(int p) {
    long base = revenueMinor[index];
    return p < index || base == 0 ? Double.NaN : (double) revenueMinor[p] / base;
  }

  @Override
  public String toString() {
    return "RetentionCohort["
        + period
        + ", accounts "
        + accounts
        + ", logos "
        + Arrays.toString(logos)
        + "]";
  }
}
