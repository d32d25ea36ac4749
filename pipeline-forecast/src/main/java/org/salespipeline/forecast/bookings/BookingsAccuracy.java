package org.salespipeline.forecast.bookings;

import java.util.Objects;

/**
 * How well one forecasting method did over a set of past periods, each forecast from what was known
 * at its origin. Immutable and thread-safe.
 *
 * <p>WAPE = sum |actual - forecast| / sum actual; bias = sum (forecast - actual) / sum actual;
 * coverage = share of periods whose actual lay inside the method's P10-P90 band ({@code NaN} when
 * the method had no band at those origins); mean width = (P90 - P10) / actual averaged over the
 * periods with a band and a positive actual ({@code NaN} when there is none). With no periods the
 * ratios are {@code NaN} and {@link #periods()} is 0.
 */
public final class BookingsAccuracy {
  private final String method;
  private final int periods;
  private final double wape;
  private final double bias;
  private final double coverage;
  private final double meanWidth;

  private BookingsAccuracy(
      String method, int periods, double wape, double bias, double coverage, double meanWidth) {
    this.method = Objects.requireNonNull(method, "method");
    if (periods < 0) {
      throw new IllegalArgumentException("periods must not be negative, was " + periods);
    }
    this.periods = periods;
    this.wape = wape;
    this.bias = bias;
    this.coverage = coverage;
    this.meanWidth = meanWidth;
  }

  /**
   * The accuracy figures of a method.
   *
   * @param method the method's name, not null
   * @param periods the number of periods scored, not negative
   * @param wape weighted absolute percentage error as a ratio
   * @param bias signed bias as a ratio (positive: over-forecast)
   * @param coverage share of periods inside P10-P90, or NaN
   * @param meanWidth average (P90 - P10) / actual, or NaN
   * @return the figures
   */
  public static BookingsAccuracy of(
      String method, int periods, double wape, double bias, double coverage, double meanWidth) {
    return new BookingsAccuracy(method, periods, wape, bias, coverage, meanWidth);
  }

  /** No history: zero periods, every ratio NaN. */
  static BookingsAccuracy none(String method) {
    return new BookingsAccuracy(method, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
  }

  /** The method: "pipeline", "persistence", "seasonal-naive" or "trailing-mean". */
  public String method() {
    return method;
  }

  /** The number of past periods scored; 0 when there was no history. */
  public int periods() {
    return periods;
  }

  /** Sum |actual - forecast| / sum actual; NaN without periods or with no actual revenue. */
  public double wape() {
    return wape;
  }

  /** Sum (forecast - actual) / sum actual; NaN without periods or with no actual revenue. */
  public double bias() {
    return bias;
  }

  /** Share of periods whose actual lay in P10-P90; NaN when no band was available. */
  public double coverage() {
    return coverage;
  }

  /** Average (P90 - P10) / actual; NaN when no band was available. */
  public double meanWidth() {
    return meanWidth;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BookingsAccuracy a
        && method.equals(a.method)
        && periods == a.periods
        && Double.compare(wape, a.wape) == 0
        && Double.compare(bias, a.bias) == 0
        && Double.compare(coverage, a.coverage) == 0
        && Double.compare(meanWidth, a.meanWidth) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(method, periods, wape, bias, coverage, meanWidth);
  }

  @Override
  public String toString() {
    return String.format(
        java.util.Locale.ROOT,
        "%s: %d periods, WAPE %.3f, bias %+.3f, coverage %.2f, width %.2f",
        method,
        periods,
        wape,
        bias,
        coverage,
        meanWidth);
  }
}
