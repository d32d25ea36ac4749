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

/**
 * Monte Carlo throughput, 100k deals x 1,000 trials = 1e8 deal-trials per operation, one thread
 * (floor: 1 G deal-trials/s/core, i.e. at most 100 ms per op), against the naive branching loop
 * with SplittableRandom.nextDouble() measured in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MonteCarloBenchmark {
  static final int DEALS = 100_000;
  static final int TRIALS = 1_000;

  long[] amounts;
  double[] probabilities;

  @Setup
  public void setup() {
    SplittableRandom r = new SplittableRandom(3);
    amounts = new long[DEALS];
    probabilities = new double[DEALS];
    for (int i = 0; i < DEALS; i++) {
      amounts[i] = 1 + r.nextInt(1_000_000);
      probabilities[i] = r.nextDouble();
    }
  }

  /** The library's engine on one thread. */
  @Benchmark
  public long[] engineOneThread() {
    return MonteCarlo.of(TRIALS, 9, 1).trialSums(amounts, probabilities);
  }

  /** The library's engine on two threads (same results as one thread). */
  @Benchmark
  public long[] engineTwoThreads() {
    return MonteCarlo.of(TRIALS, 9, 2).trialSums(amounts, probabilities);
  }

  /** Baseline: {@code if (u < p) s += a} with SplittableRandom. */
  @Benchmark
  public long[] baselineBranchingLoop() {
    SplittableRandom r = new SplittableRandom(9);
    long[] out = new long[TRIALS];
    for (int t = 0; t < TRIALS; t++) {
      long s = 0;
      for (int i = 0; i < DEALS; i++) {
        if (r.nextDouble() < probabilities[i]) {
          s += amounts[i];
        }
      }
      out[t] = s;
    }
    return out;
  }
}
