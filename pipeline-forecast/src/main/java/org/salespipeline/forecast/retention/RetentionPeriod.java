package org.salespipeline.forecast.retention;

import java.util.Objects;
import org.salespipeline.forecast.ForecastPeriod;

/**
 * The retention of one period: its waterfall, its logos and the ratios derived from them. Ratios
 * are NaN when the period starts without customers. Immutable.
 */
public final class RetentionPeriod {
  private final ForecastPeriod period;
  private final RetentionWaterfall waterfall;
  private final long startingLogos;
  private final long retainedLogos;
  private final long newLogos;
  private final long onboarded;
  private final double meanDaysToOnboard;

  RetentionPeriod(
      ForecastPeriod period,
      RetentionWaterfall waterfall,
      long startingLogos,
      long retainedLogos,
      long newLogos,
      long onboarded,
      double meanDaysToOnboard) {
    this.period = Objects.requireNonNull(period, "period");
    this.waterfall = Objects.requireNonNull(waterfall, "waterfall");
    this.startingLogos = startingLogos;
    this.retainedLogos = retainedLogos;
    this.newLogos = newLogos;
    this.onboarded = onboarded;
    this.meanDaysToOnboard = meanDaysToOnboard;
  }

  public ForecastPeriod period() {
    return period;
  }

  public RetentionWaterfall waterfall() {
    return waterfall;
  }

  /** Customers (accounts with recurring revenue) at the start. */
  public long startingLogos() {
    return startingLogos;
  }

  /** Starting customers still customers at the end. */
  public long retainedLogos() {
    return retainedLogos;
  }

  /** Starting customers without recurring revenue at the end. */
  public long churnedLogos() {
    return startingLogos - retainedLogos;
  }

  /** Accounts without revenue at the start and with some at the end. */
  public long newLogos() {
    return newLogos;
  }

  /** Gross revenue retention, in minor units: start minus contraction and churn. */
  public long grossRetainedMinor() {
    return waterfall.startMinor() - waterfall.contractionMinor() - waterfall.churnMinor();
  }

  /** Net revenue retention, in minor units: gross retained plus expansion. */
  public long netRetainedMinor() {
    return grossRetainedMinor() + waterfall.expansionMinor();
  }

  /** GRR: the share of the starting revenue kept, without expansion (0 to 1). */
  public double grossRevenueRetention() {
    return ratio(grossRetainedMinor(), waterfall.startMinor());
  }

  /** NRR: the share of the starting revenue kept, with expansion (may exceed 1). */
  public double netRevenueRetention() {
    return ratio(netRetainedMinor(), waterfall.startMinor());
  }

  /** Expansion as a share of the starting revenue: NRR minus GRR. */
  public double expansionShare() {
    return ratio(waterfall.expansionMinor(), waterfall.startMinor());
  }

  /** Starting customers retained, as a share (0 to 1). */
  public double logoRetention() {
    return ratio(retainedLogos, startingLogos);
  }

  /** Starting customers lost, as a share (0 to 1): one minus logo retention. */
  public double churnRate() {
    return ratio(churnedLogos(), startingLogos);
  }

  /** Onboardings completed in the period. */
  public long onboarded() {
    return onboarded;
  }

  /** Mean days from onboarding started to completed, of those completed here; NaN when none. */
  public double meanDaysToOnboard() {
    return meanDaysToOnboard;
  }

  private static double ratio(long part, long whole) {
    return whole == 0 ? Double.NaN : (double) part / whole;
  }

  @Override
  public String toString() {
    return "RetentionPeriod["
        + period
        + ", "
        + waterfall
        + ", logos "
        + retainedLogos
        + "/"
        + startingLogos
        + " + "
        + newLogos
        + "]";
  }
}
