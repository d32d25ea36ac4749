package org.salespipeline.benchmarks.forecast;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.salespipeline.forecast.distribution.MonteCarlo;
import org.salespipeline.forecast.distribution.RevenueDistribution;
import org.salespipeline.forecast.distribution.RevenueDistributions;

/**
 * P10/P50/P90 of 100k deals of which 5 hold 25% of the amount: the default engine (picked by error
 * bound; hybrid here) against plain Monte Carlo of 1e4 trials (floor: 50x faster), and the normal
 * approximation for reference.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DistributionBenchmark {
  long[] amounts;
  double[] probabilities;

  /** 100k deals; the first five hold a quarter of the total amount. */
  static long[][] pipeline(double[] p) {
    int n = p.length;
    long[] a = new long[n];
    SplittableRandom r = new SplittableRandom(11);
    long small = 0;
    for (int i = 5; i < n; i++) {
      a[i] = 1_000_00 + r.nextInt(10_000_000);
      p[i] = r.nextDouble();
      small += a[i];
    }
    for (int i = 0; i < 5; i++) {
      a[i] = small / 15;
      p[i] = 0.3 + 0.1 * i;
    }
    return new long[][] {a};
  }

  @Setup
  public void setup() {
    probabilities = new double[100_000];
    amounts = pipeline(probabilities)[0];
  }

  static double[] quantiles(RevenueDistribution d) {
    return new double[] {d.p10(), d.p50(), d.p90()};
  }

  /** The API's default: engine chosen from the error bound. */
  @Benchmark
  public double[] autoEngine() {
    return quantiles(RevenueDistributions.auto(amounts, probabilities));
  }

  /** Normal approximation, for reference (0.28 Berry-Esseen bound here: not good enough). */
  @Benchmark
  public double[] normal() {
    return quantiles(RevenueDistributions.normal(amounts, probabilities));
  }

  /**
   * Baseline as FORECASTING.md defines it: a plain Monte Carlo of 1e4 trials, {@code if (u < p) sum
   * += a} over the same arrays with {@link SplittableRandom}, one thread, then the three quantiles
   * of the sorted sums.
   */
  @Benchmark
  public double[] baselineMonteCarlo10k() {
    SplittableRandom r = new SplittableRandom(1);
    long[] a = amounts;
    double[] p = probabilities;
    long[] sums = new long[10_000];
    for (int t = 0; t < sums.length; t++) {
      long s = 0;
      for (int i = 0; i < a.length; i++) {
        if (r.nextDouble() < p[i]) {
          s += a[i];
        }
      }
      sums[t] = s;
    }
    java.util.Arrays.sort(sums);
    return new double[] {sums[999], sums[4999], sums[8999]};
  }

  /** The library's own Monte Carlo engine with the same 1e4 trials, for reference. */
  @Benchmark
  public double[] engineMonteCarlo10k() {
    return quantiles(MonteCarlo.of(10_000, 1, 1).distribution(amounts, probabilities));
  }
}
