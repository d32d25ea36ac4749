package org.salespipeline.forecast.distribution;

import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.ProgressListener;
import org.salespipeline.core.ValidationException;

/**
 * Entry points of the distribution engines. Every method validates its input (equal lengths,
 * amounts not negative, probabilities in [0, 1] and not NaN), throws {@link ValidationException}
 * otherwise, and never modifies the arrays. An empty pipeline gives a point mass at 0.
 *
 * <p>Thread-safe: no state.
 */
public final class RevenueDistributions {
  /** The default tolerance of {@link #auto(long[], double[])} on {@code sup |F - F_exact|}. */
  public static final double DEFAULT_TOLERANCE = 0.005;

  /** At most this many uncertain deals go to the exact engine by default. */
  public static final int EXACT_LIMIT = 16;

  private RevenueDistributions() {}

  /**
   * The exact distribution by convolution over the distinct sums.
   *
   * @throws ValidationException also when the sums would have more than 2^22 distinct values
   */
  public static RevenueDistribution exact(long[] amounts, double[] probabilities) {
    return ExactDistribution.of(Deals.of(amounts, probabilities));
  }

  /** The normal approximation, its {@code errorBound()} the Berry-Esseen bound. */
  public static RevenueDistribution normal(long[] amounts, double[] probabilities) {
    return new NormalDistribution(Deals.moments(amounts, probabilities));
  }

  /** Large deals exact on a lattice, the rest one Gaussian kernel. */
  public static RevenueDistribution hybrid(long[] amounts, double[] probabilities) {
    return HybridDistribution.of(Deals.of(amounts, probabilities));
  }

  /**
   * The engine picked from the error bound with the {@link #DEFAULT_TOLERANCE}.
   *
   * @see #auto(long[], double[], double)
   */
  public static RevenueDistribution auto(long[] amounts, double[] probabilities) {
    return auto(amounts, probabilities, DEFAULT_TOLERANCE);
  }

  /**
   * Picks the engine: exact for at most {@value #EXACT_LIMIT} uncertain deals, else normal when its
   * Berry-Esseen bound is within {@code tolerance}, else hybrid.
   *
   * @param tolerance the acceptable {@code sup |F - F_exact|}, in (0, 1)
   */
  public static RevenueDistribution auto(long[] amounts, double[] probabilities, double tolerance) {
    if (!(tolerance > 0 && tolerance < 1)) {
      throw new ValidationException(FieldProblem.of("tolerance", tolerance, "must be in (0, 1)"));
    }
    Deals m = Deals.moments(amounts, probabilities);
    if (m.berryEsseen() <= tolerance && uncertain(probabilities, amounts) > EXACT_LIMIT) {
      return new NormalDistribution(m);
    }
    Deals d = Deals.of(amounts, probabilities);
    return d.a.length <= EXACT_LIMIT ? ExactDistribution.of(d) : HybridDistribution.of(d);
  }

  private static int uncertain(double[] p, long[] a) {
    int n = 0;
    for (int i = 0; i < p.length && n <= EXACT_LIMIT; i++) {
      if (a[i] > 0 && p[i] > 0 && p[i] < 1) {
        n++;
      }
    }
    return n;
  }

  /**
   * Monte Carlo with the given trials and seed on one thread.
   *
   * @see MonteCarlo
   */
  public static RevenueDistribution monteCarlo(
      long[] amounts, double[] probabilities, int trials, long seed) {
    return MonteCarlo.of(trials, seed, 1).distribution(amounts, probabilities);
  }

  /**
   * Monte Carlo with the given trials and seed on one thread, telling a listener its progress in
   * trials: {@code (0, trials)} first, then about every hundredth of the run, and {@code (trials,
   * trials)} after the last trial. The result is identical to {@link #monteCarlo(long[], double[],
   * int, long)} for the same seed.
   *
   * @param progress hears (trials done, trials in all), on the caller's thread; not null
   * @throws ValidationException on invalid input or a null listener
   */
  public static RevenueDistribution monteCarlo(
      long[] amounts, double[] probabilities, int trials, long seed, ProgressListener progress) {
    if (progress == null) {
      throw new ValidationException(FieldProblem.of("progress", null, "must not be null"));
    }
    return MonteCarlo.of(trials, seed, 1).distribution(amounts, probabilities, progress);
  }
}
