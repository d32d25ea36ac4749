package org.salespipeline.forecast.distribution;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.ProgressListener;
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
    return trialSums(amounts, probabilities, ProgressListener.NONE);
  }

  /**
   * The revenue of every trial, in trial order, telling a listener how many trials are done: about
   * every hundredth of the run and at the end, always with increasing counts and never two calls at
   * once (with several threads, from whichever worker finished the blocks). The listener does not
   * change the result.
   *
   * @param amounts amounts in minor units, not negative; not modified
   * @param probabilities win probabilities in [0, 1]; not modified
   * @param progress hears (trials done, trials in all); not null
   * @return a new array of {@link #trials()} sums
   * @throws ValidationException on invalid input or a null listener
   */
  public long[] trialSums(long[] amounts, double[] probabilities, ProgressListener progress) {
    if (progress == null) {
      throw new ValidationException(FieldProblem.of("progress", null, "must not be null"));
    }
    Deals.moments(amounts, probabilities); // validation only, no copies
    return simulate(amounts, probabilities, progress);
  }

  /** The trial sums of validated input. */
  private long[] simulate(long[] amounts, double[] probabilities, ProgressListener progress) {
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
    int every = Math.max(1, blocks / 100);
    progress.progress(0, trials);
    if (threads == 1 || blocks == 1) {
      for (int b = 0; b < blocks; b++) {
        runBlock(b, blockSeeds[b], amounts, thr, out);
        if ((b + 1) % every == 0 || b + 1 == blocks) {
          progress.progress(Math.min(trials, (b + 1L) * BLOCK), trials);
        }
      }
    } else {
      AtomicInteger done = new AtomicInteger();
      long[] reported = {0};
      ForkJoinPool pool = new ForkJoinPool(threads);
      try {
        pool.submit(
                () ->
                    IntStream.range(0, blocks)
                        .parallel()
                        .forEach(
                            b -> {
                              runBlock(b, blockSeeds[b], amounts, thr, out);
                              int d = done.incrementAndGet();
                              if (d % every == 0 || d == blocks) {
                                report(progress, reported, d, blocks);
                              }
                            }))
            .join();
      } finally {
        pool.shutdown();
      }
    }
    return out;
  }

  /** Serialises the workers' reports and drops any that would go backwards. */
  private void report(ProgressListener progress, long[] reported, int blocksDone, int blocks) {
    long trialsDone = blocksDone == blocks ? trials : (long) blocksDone * BLOCK;
    synchronized (reported) {
      if (trialsDone > reported[0]) {
        reported[0] = trialsDone;
        progress.progress(trialsDone, trials);
      }
    }
  }

  private void runBlock(int b, long blockSeed, long[] a, long[] thr, long[] out) {
    int from = b * BLOCK;
    int m = Math.min(trials, from + BLOCK) - from;
    int n = a.length;
    int pairs = n & ~1;
    // why: SplitMix64 (Steele, Lea, Flood, OOPSLA 2014; the generator inside SplittableRandom),
    // one stream per trial started at a hashed state; each output gives two 32-bit uniforms
    // (halving the multiplies per deal). The loops run over the block's trials with the deal
    // fixed, in three simple loops (generate, then one masked add per half) because C2's
    // superword pass vectorizes each of them on its own but not their fusion; trial t still draws
    // exactly the sequence a trial-by-trial loop would, so results do not depend on the layout.
    long[] state = new long[m];
    long[] r = new long[m];
    long[] sums = new long[m];
    for (int t = 0; t < m; t++) {
      state[t] = mix(blockSeed + from + t);
    }
    for (int i = 0; i < pairs; i += 2) {
      draw(state, r, m);
      addHigh(r, sums, m, a[i], thr[i]);
      addLow(r, sums, m, a[i + 1], thr[i + 1]);
    }
    if (pairs < n) {
      draw(state, r, m);
      addHigh(r, sums, m, a[pairs], thr[pairs]);
    }
    System.arraycopy(sums, 0, out, from, m);
  }

  /** Advances every trial's generator by one step and stores its 64-bit output. */
  private static void draw(long[] state, long[] r, int m) {
    for (int t = 0; t < m; t++) {
      long z = state[t] + GOLDEN;
      state[t] = z;
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      r[t] = z ^ (z >>> 31);
    }
  }

  /** Adds {@code a} to every trial whose high 32-bit uniform is below {@code thr}, branch-free. */
  private static void addHigh(long[] r, long[] sums, int m, long a, long thr) {
    for (int t = 0; t < m; t++) {
      sums[t] += a & (((r[t] >>> 32) - thr) >> 63);
    }
  }

  /** Adds {@code a} to every trial whose low 32-bit uniform is below {@code thr}, branch-free. */
  private static void addLow(long[] r, long[] sums, int m, long a, long thr) {
    for (int t = 0; t < m; t++) {
      sums[t] += a & (((r[t] & LOW_32) - thr) >> 63);
    }
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
    return distribution(amounts, probabilities, ProgressListener.NONE);
  }

  /**
   * The empirical distribution of {@link #trialSums(long[], double[], ProgressListener)}, reporting
   * progress as it does.
   *
   * @throws ValidationException on invalid input or a null listener
   */
  public RevenueDistribution distribution(
      long[] amounts, double[] probabilities, ProgressListener progress) {
    if (progress == null) {
      throw new ValidationException(FieldProblem.of("progress", null, "must not be null"));
    }
    Deals d = Deals.moments(amounts, probabilities); // validates once for the run
    long[] sums = simulate(amounts, probabilities, progress);
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
      // the smallest k with (k + 1) / T >= q, the way cdf computes its levels; ceil(q T) in
      // floating point can land one off
      int t = sorted.length;
      int k = Math.max(0, Math.min(t - 1, (int) Math.ceil(q * t) - 1));
      while (k > 0 && (double) k / t >= q) {
        k--;
      }
      while (k < t - 1 && (double) (k + 1) / t < q) {
        k++;
      }
      return sorted[k];
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
