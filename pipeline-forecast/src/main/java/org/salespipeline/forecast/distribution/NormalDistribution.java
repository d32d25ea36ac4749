package org.salespipeline.forecast.distribution;

import org.salespipeline.forecast.internal.Gaussian;

/**
 * Normal approximation N(mu, sigma^2) clamped to the support's range, with its Berry-Esseen bound.
 */
final class NormalDistribution implements RevenueDistribution {
  private final double mean;
  private final double sd;
  private final double lo;
  private final double hi;
  private final double bound;

  NormalDistribution(Deals d) {
    this.mean = d.mean;
    this.sd = d.sd();
    this.lo = d.offset;
    this.hi = d.max;
    this.bound = d.berryEsseen();
  }

  @Override
  public Engine engine() {
    return Engine.NORMAL;
  }

  @Override
  public double mean() {
    return mean;
  }

  @Override
  public double standardDeviation() {
    return sd;
  }

  @Override
  public double cdf(double x) {
    if (x < lo) {
      return 0;
    }
    if (x >= hi || sd == 0) {
      return x >= mean ? 1 : 0;
    }
    return Gaussian.cdf((x - mean) / sd);
  }

  @Override
  public double probabilityAtLeast(double x) {
    if (x <= lo) {
      return 1;
    }
    if (x > hi) {
      return 0;
    }
    if (sd == 0) {
      return x <= mean ? 1 : 0;
    }
    return Gaussian.cdf((mean - x) / sd);
  }

  @Override
  public double quantile(double q) {
    Deals.checkLevel(q);
    if (sd == 0) {
      return mean;
    }
    return Math.min(hi, Math.max(lo, mean + sd * Gaussian.quantile(q)));
  }

  /** The Berry-Esseen bound {@code 0.56 sum rho_i / sigma^3}, at most 1. */
  @Override
  public double errorBound() {
    return bound;
  }
}
