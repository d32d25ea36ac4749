package org.salespipeline.forecast.distribution;

/**
 * The distribution of pipeline revenue {@code S = sum a_i B_i}, {@code B_i ~ Bernoulli(p_i)}
 * independent, in minor units of the reporting currency. Implementations are immutable and
 * thread-safe and never return NaN.
 *
 * <p>Quantiles lie within {@code [sum of amounts with p = 1, sum of amounts with p > 0]}.
 */
public interface RevenueDistribution {

  /** The engine that computed this distribution. */
  Engine engine();

  /** The mean {@code sum a_i p_i} (exact moments, whatever the engine). */
  double mean();

  /** The standard deviation {@code sqrt(sum a_i^2 p_i q_i)}. */
  double standardDeviation();

  /** {@code P(S <= x)}. */
  double cdf(double x);

  /** {@code P(S >= x)}, for example the probability of making quota. */
  double probabilityAtLeast(double x);

  /**
   * The q-quantile: the smallest x with {@code cdf(x) >= q} (for discrete engines a value S can
   * take).
   *
   * @param q in (0, 1)
   * @throws org.salespipeline.core.ValidationException if q is outside (0, 1) or NaN
   */
  double quantile(double q);

  /**
   * A bound on {@code sup |F - F_exact|} for this engine: 0 for exact, the Berry-Esseen bound for
   * normal (and for the Gaussian part of the hybrid), the 95% DKW radius for Monte Carlo.
   */
  double errorBound();

  /** The 10th percentile (pessimistic case). */
  default double p10() {
    return quantile(0.1);
  }

  /** The median. */
  default double p50() {
    return quantile(0.5);
  }

  /** The 90th percentile (optimistic case). */
  default double p90() {
    return quantile(0.9);
  }
}
