package org.salespipeline.benchmarks.forecast;

import org.salespipeline.forecast.distribution.MonteCarlo;
import org.salespipeline.forecast.distribution.RevenueDistribution;
import org.salespipeline.forecast.distribution.RevenueDistributions;

/**
 * One-off accuracy check for the distribution floor: the default engine's P10/P50/P90 on the
 * benchmark pipeline against Monte Carlo references of {@code args[0]} trials (default 1e6) on two
 * threads, one per seed for {@code args[1]} seeds (default 1), in sigma and in probability. It also
 * prints how finely such a reference can resolve each quantile: the standard error of a Monte Carlo
 * quantile, {@code sqrt(q (1 - q) / T) / f(x_q)} (the asymptotic variance of a sample quantile; f
 * from the default engine's cdf over +-0.01 sigma), in sigma. Run with {@code java -cp
 * benchmarks.jar org.salespipeline.benchmarks.forecast.HybridAccuracyCheck 1000000 4}.
 */
public final class HybridAccuracyCheck {
  private HybridAccuracyCheck() {}

  /** Prints the comparison. */
  public static void main(String[] args) {
    int trials = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    double[] p = new double[100_000];
    long[] a = DistributionBenchmark.pipeline(p)[0];
    RevenueDistribution auto = RevenueDistributions.auto(a, p);
    RevenueDistribution normal = RevenueDistributions.normal(a, p);
    double sigma = auto.standardDeviation();
    System.out.printf(
        "engine=%s errorBound=%.4f normalBE=%.4f sigma=%.0f%n",
        auto.engine(), auto.errorBound(), normal.errorBound(), sigma);
    double[] levels = {0.1, 0.5, 0.9};
    for (double q : levels) {
      double x = auto.quantile(q);
      double h = 0.01 * sigma;
      double density = (auto.cdf(x + h) - auto.cdf(x - h)) / (2 * h);
      String resolution =
          density > 0
              ? String.format(
                  "+-%.4f sigma (one standard error)",
                  Math.sqrt(q * (1 - q) / trials) / density / sigma)
              : "not at all: the cdf is flat there, so every point of the gap is a quantile";
      System.out.printf(
          "q=%.1f default=%.0f; a %d-trial reference resolves it to %s; normal approximation"
              + " off by %.4f sigma%n",
          q, x, trials, resolution, Math.abs(normal.quantile(q) - x) / sigma);
    }
    for (int k = 0; k < seeds; k++) {
      long seed = 123 + k;
      long t0 = System.nanoTime();
      RevenueDistribution mc = MonteCarlo.of(trials, seed, 2).distribution(a, p);
      long t1 = System.nanoTime();
      StringBuilder line =
          new StringBuilder(String.format("seed %d (%.1f s):", seed, (t1 - t0) / 1e9));
      for (double q : levels) {
        double x = auto.quantile(q);
        line.append(
            String.format(
                "  q=%.1f mc=%.0f |diff|=%.4f sigma F_mc(default)=%.4f",
                q, mc.quantile(q), Math.abs(x - mc.quantile(q)) / sigma, mc.cdf(x)));
      }
      System.out.println(line);
    }
  }
}
