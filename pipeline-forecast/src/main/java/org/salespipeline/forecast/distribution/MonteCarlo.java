package org.salespipeline.forecast.distribution;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.ValidationException;

/**
 * Monte Carlo simulation of pipeline revenue over primitive arrays.
 *
 * <p>Trials run in blocks of {@value #BLOCK} with a seed per block derived from the master seed by
 * {@link SplittableRandom}, so results are identical for any number of threads. Every trial draws
 * exactly one uniform per deal, in deal order: two runs with the same seed and the same number of
 * deals use common random numbers, so raising any {@code p_i} or {@code a_i} never lowers any
 * trial's sum, hence never lowers a quantile. The inner loop is branch-free: a 32-bit uniform is
 * compared with {@code p_i 2^32} through the sign of their difference, which masks the amount; one
 * 64-bit output of the generator serves two deals, so probabilities are resolved to 2^-32 (about
 * 2.3e-10, far below any sampling error of a feasible number of trials).
 *
 * <p>Immutable and thread-safe.
 */
public final class MonteCarlo {
  /** Trials per block (the unit of seeding and of parallel work). */
  public static final int BLOCK = 256;

  private static final double TWO_32 = 0x1.0p32;
  private static final long LOW_32 = 0xFFFFFFFFL;
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private final int trials;
  private final long seed;
  private final int threads;

  private MonteCarlo(int trials, long seed, int threads) {
    this.trials = trials;
    this.seed = seed;
    this.threads = threads;
  }

  /**
   * A simulation.
   *
   * @param trials number of trials, at least 1
   * @param seed master seed; equal seeds give equal results
   * @param threads worker threads, at least 1 (1 runs on the caller's thread)
   * @throws ValidationException if trials or threads are below 1
   */
  public static MonteCarlo of(int trials, long seed, int threads) {
    if (trials < 1) {
      throw new ValidationException(FieldProblem.of("trials", trials, "must be at least 1"));
    }
    if (threads < 1) {
      throw new ValidationException(FieldProblem.of("threads", threads, "must be at least 1"));
    }
    return new MonteCarlo(trials, seed, threads);
  }

  /** The number of trials. */
  public int trials() {
    return trials;
  }

  /**
   * The revenue of every trial, in trial order.
   *
   * @param amounts amounts in minor units, not negative; not modified
   * @param probabilities win probabilities in [0, 1]; not modified
   * @return a new array of {@link #trials()} sums
   */
  public long[] trialSums(long[] amounts, double[] probabilities) {
    Deals.moments(amounts, probabilities); // validation only, no copies
    int n = amounts.length;
    long[] thr = new long[n];
    for (int i = 0; i < n; i++) {
      // p = 1 gives 2^32, above every 32-bit uniform; p = 0 gives 0, below none
      thr[i] = (long) (probabilities[i] * TWO_32);
    }
    long[] out = new long[trials];
    int blocks = (trials + BLOCK - 1) / BLOCK;
    long[] blockSeeds = new long[blocks];
    SplittableRandom master = new SplittableRandom(seed);
    for (int b = 0; b < blocks; b++) {
      blockSeeds[b] = master.nextLong();
    }
    if (threads == 1 || blocks == 1) {
      for (int b = 0; b < blocks; b++) {
        runBlock(b, blockSeeds[b], amounts, thr, out);
      }
    } else {
      ForkJoinPool pool = new ForkJoinPool(threads);
      try {
        pool.submit(
                () ->
                    IntStream.range(0, blocks)
                        .parallel()
                        .forEach(b -> runBlock(b, blockSeeds[b], amounts, thr, out)))
            .join();
      } finally {
        pool.shutdown();
      }
    }
    return out;
  }

  private void runBlock(int b, long blockSeed, long[] a, long[] thr, long[] out) {
    int from = b * BLOCK;
    int to = Math.min(trials, from + BLOCK);
    int n = a.length;
    int pairs = n & ~1;
    // why: SplitMix64 (Steele, Lea, Flood, OOPSLA 2014; the generator inside SplittableRandom),
    // one stream per trial started at a hashed state, inlined so states live in registers; each
    // output gives two 32-bit uniforms (halving the multiplies per deal); four trials share each
    // load of a[i] and thr[i] and give the CPU four independent chains
    int t = from;
    for (; t + 3 < to; t += 4) {
      long x0 = mix(blockSeed + t);
      long x1 = mix(blockSeed + t + 1);
      long x2 = mix(blockSeed + t + 2);
      long x3 = mix(blockSeed + t + 3);
      long s0 = 0;
      long s1 = 0;
      long s2 = 0;
      long s3 = 0;
      for (int i = 0; i < pairs; i += 2) {
        long a0 = a[i];
        long a1 = a[i + 1];
        long t0 = thr[i];
        long t1 = thr[i + 1];
        x0 += GOLDEN;
        x1 += GOLDEN;
        x2 += GOLDEN;
        x3 += GOLDEN;
        long r0 = mix(x0);
        long r1 = mix(x1);
        long r2 = mix(x2);
        long r3 = mix(x3);
        s0 += (a0 & (((r0 >>> 32) - t0) >> 63)) + (a1 & (((r0 & LOW_32) - t1) >> 63));
        s1 += (a0 & (((r1 >>> 32) - t0) >> 63)) + (a1 & (((r1 & LOW_32) - t1) >> 63));
        s2 += (a0 & (((r2 >>> 32) - t0) >> 63)) + (a1 & (((r2 & LOW_32) - t1) >> 63));
        s3 += (a0 & (((r3 >>> 32) - t0) >> 63)) + (a1 & (((r3 & LOW_32) - t1) >> 63));
      }
      if (pairs < n) {
        long al = a[pairs];
        long tl = thr[pairs];
        s0 += al & (((mix(x0 + GOLDEN) >>> 32) - tl) >> 63);
        s1 += al & (((mix(x1 + GOLDEN) >>> 32) - tl) >> 63);
        s2 += al & (((mix(x2 + GOLDEN) >>> 32) - tl) >> 63);
        s3 += al & (((mix(x3 + GOLDEN) >>> 32) - tl) >> 63);
      }
      out[t] = s0;
      out[t + 1] = s1;
      out[t + 2] = s2;
      out[t + 3] = s3;
    }
    for (; t < to; t++) {
      out[t] = oneTrial(mix(blockSeed + t), a, thr, pairs);
    }
  }

  /** One trial alone; draws exactly what the four-trial loop draws for the same trial. */
  private static long oneTrial(long x, long[] a, long[] thr, int pairs) {
    long s = 0;
    for (int i = 0; i < pairs; i += 2) {
      x += GOLDEN;
      long r = mix(x);
      s +=
          (a[i] & (((r >>> 32) - thr[i]) >> 63)) + (a[i + 1] & (((r & LOW_32) - thr[i + 1]) >> 63));
    }
    if (pairs < a.length) {
      s += a[pairs] & (((mix(x + GOLDEN) >>> 32) - thr[pairs]) >> 63);
    }
    return s;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * The empirical distribution of {@link #trialSums}.
   *
   * @throws ValidationException on invalid input
   */
  public RevenueDistribution distribution(long[] amounts, double[] probabilities) {
    Deals d = Deals.moments(amounts, probabilities);
    long[] sums = trialSums(amounts, probabilities);
    Arrays.sort(sums);
    return new Empirical(sums, d.mean, d.sd());
  }

  private static final class Empirical implements RevenueDistribution {
    private final long[] sorted;
    private final double mean;
    private final double sd;

    Empirical(long[] sorted, double mean, double sd) {
      this.sorted = sorted;
      this.mean = mean;
      this.sd = sd;
    }

    @Override
    public Engine engine() {
      return Engine.MONTE_CARLO;
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
      return (double) countAtMost(x) / sorted.length;
    }

    @Override
    public double probabilityAtLeast(double x) {
      return 1 - (double) countAtMost(Math.nextDown(x)) / sorted.length;
    }

    @Override
    public double quantile(double q) {
      Deals.checkLevel(q);
      int k = (int) Math.ceil(q * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, k))];
    }

    /** The 95% DKW radius {@code sqrt(ln(2 / 0.05) / (2 T))}. */
    @Override
    public double errorBound() {
      return Math.sqrt(Math.log(40) / (2.0 * sorted.length));
    }

    private int countAtMost(double x) {
      int lo = 0;
      int hi = sorted.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (sorted[mid] <= x) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }
  }
}
