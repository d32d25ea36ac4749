package org.salespipeline.benchmarks.forecast;

import org.salespipeline.forecast.distribution.MonteCarlo;
import org.salespipeline.forecast.distribution.RevenueDistribution;
import org.salespipeline.forecast.distribution.RevenueDistributions;

/**
 * One-off accuracy check for the distribution floor: the default engine's P10/P50/P90 on the
 * benchmark pipeline against a Monte Carlo of {@code args[0]} trials (default 1e6) on two threads,
 * in sigma and in probability. Run with {@code java -cp benchmarks.jar
 * org.salespipeline.benchmarks.forecast.HybridAccuracyCheck 1000000}.
 */
public final class HybridAccuracyCheck {
  private HybridAccuracyCheck() {}

  /** Prints the comparison. */
  public static void main(String[] args) {
    int trials = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    double[] p = new double[100_000];
    long[] a = DistributionBenchmark.pipeline(p)[0];
    RevenueDistribution auto = RevenueDistributions.auto(a, p);
    RevenueDistribution normal = RevenueDistributions.normal(a, p);
    long t0 = System.nanoTime();
    RevenueDistribution mc = MonteCarlo.of(trials, 123, 2).distribution(a, p);
    long t1 = System.nanoTime();
    double sigma = auto.standardDeviation();
    System.out.printf(
        "engine=%s errorBound=%.4f normalBE=%.4f sigma=%.0f mc=%d trials in %.1f s%n",
        auto.engine(), auto.errorBound(), normal.errorBound(), sigma, trials, (t1 - t0) / 1e9);
    for (double q : new double[] {0.1, 0.5, 0.9}) {
      double x = auto.quantile(q);
      double m = mc.quantile(q);
      double nq = normal.quantile(q);
      System.out.printf(
          "q=%.1f auto=%.0f mc=%.0f |diff|=%.4f sigma  F_mc(auto)=%.4f   normal=%.0f"
              + " |diff|=%.4f sigma%n",
          q, x, m, Math.abs(x - m) / sigma, mc.cdf(x), nq, Math.abs(nq - m) / sigma);
    }
  }
}
