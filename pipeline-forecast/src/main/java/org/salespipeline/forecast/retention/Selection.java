package org.salespipeline.forecast.retention;

import java.util.Arrays;

/**
 * The k-th smallest of a long array in linear expected time, for a median without a full sort: a
 * quickselect with three-way partitioning (runs of equal values, common in whole-day durations, end
 * it at once), falling back to a sort if the pivots keep failing.
 */
final class Selection {
  private Selection() {}

  /**
   * The value that would be at {@code k} if the first {@code n} values were sorted. Reorders them
   * so that every value before {@code k} is at most it and every value after is at least it.
   *
   * @throws IllegalArgumentException if {@code k} is not in {@code [0, n)}
   */
  static long select(long[] values, int n, int k) {
    if (k < 0 || k >= n) {
      throw new IllegalArgumentException("k " + k + " not in [0, " + n + ")");
    }
    int lo = 0;
    int hi = n - 1;
    int rounds = 0;
    while (lo < hi) {
      if (++rounds > 64) {
        // why: pivots this bad mean adversarial input; a sort bounds the cost at n log n
        Arrays.sort(values, lo, hi + 1);
        return values[k];
      }
      long pivot = medianOfThree(values[lo], values[(lo + hi) >>> 1], values[hi]);
      // [lo, lt) < pivot, [lt, i) == pivot, (gt, hi] > pivot
      int lt = lo;
      int i = lo;
      int gt = hi;
      while (i <= gt) {
        long v = values[i];
        if (v < pivot) {
          values[i++] = values[lt];
          values[lt++] = v;
        } else if (v > pivot) {
          values[i] = values[gt];
          values[gt--] = v;
        } else {
          i++;
        }
      }
      if (k < lt) {
        hi = lt - 1;
      } else if (k > gt) {
        lo = gt + 1;
      } else {
        return pivot;
      }
    }
    return values[k];
  }

  private static long medianOfThree(long a, long b, long c) {
    return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
  }
}
