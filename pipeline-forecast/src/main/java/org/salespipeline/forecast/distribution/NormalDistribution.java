package org.salespipeline.forecast.distribution;

import org.salespipeline.forecast.internal.Gaussian;

/**
 * Normal approximation N(mu, sigma^2) clamped to the support's range, with its Berry-Esseen bound.
 *
 * <p>{@link #cdf} is non-decreasing and {@link #probabilityAtLeast} non-increasing in x to the last
 * bit, and {@link #quantile} non-decreasing in q: they go through {@link #phi(double)}, a monotone
 * version of the standard normal CDF, and its exact inverse {@link #phiInverse(double)}.
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
    return phi((x - mean) / sd);
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
    return phi((mean - x) / sd);
  }

  @Override
  public double quantile(double q) {
    Deals.checkLevel(q);
    if (sd == 0) {
      return mean;
    }
    return Math.min(hi, Math.max(lo, mean + sd * phiInverse(q)));
  }

  /** The Berry-Esseen bound {@code 0.56 sum rho_i / sigma^3}, at most 1. */
  @Override
  public double errorBound() {
    return bound;
  }

  private static final double CELLS_PER_UNIT = 0x1p20;

  /**
   * Phi(z), non-decreasing in z to the last bit, within about 1e-14 of {@link Gaussian#cdf}.
   *
   * <p>why: the rational approximation behind {@link Gaussian#cdf} is accurate to about 1e-14 but
   * not monotone at the level of rounding (two neighbouring z can give values one ulp apart the
   * wrong way), so a CDF built on it could fall as x grows. Here Phi is evaluated only on a grid of
   * step 2^-20, where neighbouring values differ by far more than the rounding, and linearly
   * interpolated in between; the interpolation error is at most h^2 / 8 max|Phi''| < 3e-14, and
   * every floating-point step (subtraction, product by a power of two, multiply-add, min) is
   * monotone, so the result is.
   */
  static double phi(double z) {
    if (Double.isNaN(z)) {
      return z;
    }
    if (z <= -40) {
      return 0;
    }
    if (z >= 40) {
      return 1;
    }
    double cell = Math.floor(z * CELLS_PER_UNIT);
    double z0 = cell / CELLS_PER_UNIT;
    double z1 = (cell + 1) / CELLS_PER_UNIT;
    double f0 = Gaussian.cdf(z0);
    double f1 = Gaussian.cdf(z1);
    double w = (z - z0) * CELLS_PER_UNIT;
    return Math.min(f1, f0 + w * (f1 - f0));
  }

  /**
   * The inverse of {@link #phi(double)} for q in (0, 1): the z of the grid cell {@code [z_k,
   * z_k+1]} with {@code phi(z_k) < q <= phi(z_k+1)}, linearly interpolated within it.
   * Non-decreasing in q, since the cell index is and the interpolation within a cell is (and stays
   * within the cell); {@link Gaussian#quantile} only supplies the starting cell.
   */
  static double phiInverse(double q) {
    double g = Gaussian.quantile(q);
    // levels so close to 0 or 1 that the rational approximation overflows (NaN) start at the
    // matching end of the grid
    double guess = Double.isNaN(g) ? (q < 0.5 ? -40 : 40) : Math.max(-40, Math.min(40, g));
    double k = Math.floor(guess * CELLS_PER_UNIT);
    while (k > -40 * CELLS_PER_UNIT && Gaussian.cdf(k / CELLS_PER_UNIT) >= q) {
      k--;
    }
    while (k < 40 * CELLS_PER_UNIT && Gaussian.cdf((k + 1) / CELLS_PER_UNIT) < q) {
      k++;
    }
    double z0 = k / CELLS_PER_UNIT;
    double z1 = (k + 1) / CELLS_PER_UNIT;
    double f0 = Gaussian.cdf(z0);
    double f1 = Gaussian.cdf(z1);
    if (!(f1 > f0)) {
      return z1;
    }
    return Math.min(z1, z0 + (q - f0) / (f1 - f0) / CELLS_PER_UNIT);
  }
}
