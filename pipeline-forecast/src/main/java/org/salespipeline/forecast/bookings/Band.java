package org.salespipeline.forecast.bookings;

/**
 * The P10-P90 band of a forecast's still-to-win part R, calibrated on the method's own rolling-
 * origin errors: log ratios r = ln((actual - won so far) / R) of past origins. The band is
 * lognormal around R: centre = sum r / (n + N0) (the mean error shrunk towards none), spread^2 =
 * (sum (r - mean)^2 + N0 s0^2) / (n - 1 + N0), where s0 is the prior spread (pipeline and
 * new-business variance plus a common shock, see {@link #SHOCK}) that dominates while the error
 * history is short. P10 and P90 lie z = 1.2816 spreads below and above the centre: the prior spread
 * already stands for the whole predictive uncertainty before errors are known, so the band is not
 * widened further; the coverage it achieved on past origins is reported beside it.
 */
final class Band {
  /** Weight of the prior spread and of "no bias", in periods. A generic default. */
  static final double N0 = 2.0;

  /**
   * The common relative shock assumed until the workspace's own errors are known: deals share
   * shocks (a bad quarter hits all of them), which independent-deal sums miss. A generic default.
   */
  static final double SHOCK = 0.2;

  private static final double Z80 = 1.2815515655446004;

  private Band() {}

  /** Prior log-spread from the variance of the remaining part and its expected value. */
  static double priorSpread(double remaining, double variance) {
    if (remaining <= 0) {
      return Math.sqrt(Math.log1p(SHOCK * SHOCK));
    }
    double rel = variance / (remaining * remaining) + SHOCK * SHOCK;
    return Math.sqrt(Math.log1p(rel));
  }

  /** The residual of one past origin (log ratio, guarded against zeros by {@code floor}). */
  static double residual(double actualRemaining, double forecastRemaining, double floor) {
    return Math.log(
        (Math.max(actualRemaining, 0) + floor) / (Math.max(forecastRemaining, 0) + floor));
  }

  /**
   * {centre, low factor, high factor}: P50 = R exp(centre), P10 = R exp(low), P90 = R exp(high).
   */
  static double[] factors(double[] residuals, int n, double prior) {
    double sum = 0;
    for (int k = 0; k < n; k++) {
      sum += residuals[k];
    }
    double mean = n > 0 ? sum / n : 0;
    double ss = 0;
    for (int k = 0; k < n; k++) {
      ss += (residuals[k] - mean) * (residuals[k] - mean);
    }
    double centre = sum / (n + N0);
    double spread = Math.sqrt((ss + N0 * prior * prior) / (Math.max(n - 1, 0) + N0));
    double z = Z80;
    return new double[] {centre, centre - z * spread, centre + z * spread};
  }
}
