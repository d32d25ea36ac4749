package org.salespipeline.forecast.insight;

import java.util.Arrays;

/** Growable primitive columns and the few order statistics the report needs. */
final class Columns {
  private Columns() {}

  /** A growable long column. */
  static final class Longs {
    long[] a = new long[1024];
    int size;

    void add(long v) {
      if (size == a.length) {
        a = Arrays.copyOf(a, size * 2);
      }
      a[size++] = v;
    }

    long get(int i) {
      return a[i];
    }

    /** Makes room for at least {@code capacity} values, for callers that store into {@link #a}. */
    void reserve(int capacity) {
      if (capacity > a.length) {
        a = Arrays.copyOf(a, Math.max(capacity, a.length * 2));
      }
    }
  }

  /** A growable int column. */
  static final class Ints {
    int[] a = new int[1024];
    int size;

    void add(int v) {
      if (size == a.length) {
        a = Arrays.copyOf(a, size * 2);
      }
      a[size++] = v;
    }

    int get(int i) {
      return a[i];
    }

    /** Makes room for at least {@code capacity} values, for callers that store into {@link #a}. */
    void reserve(int capacity) {
      if (capacity > a.length) {
        a = Arrays.copyOf(a, Math.max(capacity, a.length * 2));
      }
    }
  }

  /**
   * Counters laid out as rows (an owner, a period, a source...) of {@code width} cells. The rows
   * are sized up front and grown explicitly ({@link #ensureRows}) when a new row key appears, so
   * that {@link #add} is a plain array update.
   */
  static final class Grid {
    final int width;
    long[] a;

    Grid(int rows, int width) {
      this.width = width;
      this.a = new long[Math.max(1, rows) * width];
    }

    /** Adds v to a cell of a row below the sized row count. */
    void add(int row, int cell, long v) {
      a[row * width + cell] += v;
    }

    /** Makes room for at least {@code rows} rows. */
    void ensureRows(int rows) {
      if ((long) rows * width > a.length) {
        a = Arrays.copyOf(a, Math.max(a.length * 2, rows * width));
      }
    }

    long get(int row, int cell) {
      int i = row * width + cell;
      return i < a.length ? a[i] : 0;
    }
  }

  /**
   * The median of {@code v[from, to)}: the mean of the two middle values for an even count.
   * Reorders that range. 0 for an empty range.
   */
  static double median(long[] v, int from, int to) {
    int n = to - from;
    if (n == 0) {
      return 0;
    }
    int mid = from + n / 2;
    long upper = select(v, from, to - 1, mid);
    if ((n & 1) == 1) {
      return upper;
    }
    long lower = Long.MIN_VALUE;
    for (int i = from; i < mid; i++) {
      lower = Math.max(lower, v[i]);
    }
    return (lower + (double) upper) / 2;
  }

  /** Quickselect: places the k-th smallest of v[lo..hi] at k, smaller ones before it. */
  static long select(long[] v, int lo, int hi, int k) {
    while (hi > lo) {
      if (hi - lo < 16) {
        Arrays.sort(v, lo, hi + 1);
        return v[k];
      }
      int m = lo + (hi - lo) / 2;
      long pivot = medianOf3(v[lo], v[m], v[hi]);
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (v[i] < pivot) {
          i++;
        }
        while (v[j] > pivot) {
          j--;
        }
        if (i <= j) {
          long t = v[i];
          v[i] = v[j];
          v[j] = t;
          i++;
          j--;
        }
      }
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        return v[k];
      }
    }
    return v[k];
  }

  private static long medianOf3(long a, long b, long c) {
    return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
  }

  /** The median of the first n values, leaving them as they are. */
  static double median(long[] values, int n) {
    return median(Arrays.copyOf(values, n), 0, n);
  }

  /**
   * Medians of {@code values} grouped by {@code keys} (each in [0, groups), or negative for none);
   * index {@code groups} of the result holds {@code overall}, the median of all n values, which the
   * caller computes once for the several groupings of the same values. Linear time; a grouping
   * where every value is in one group reuses the overall median.
   */
  static double[] groupedMedians(long[] values, int[] keys, int n, int groups, double overall) {
    double[] out = new double[groups + 1];
    out[groups] = overall;
    int[] start = new int[groups + 1];
    for (int i = 0; i < n; i++) {
      if (keys[i] >= 0) {
        start[keys[i] + 1]++;
      }
    }
    for (int g = 0; g < groups; g++) {
      if (start[g + 1] == n) {
        // every value in one group (one pipeline, one source...): its median is the overall one
        out[g] = n == 0 ? 0 : overall;
        return out;
      }
    }
    for (int g = 0; g < groups; g++) {
      start[g + 1] += start[g];
    }
    long[] copy = new long[start[groups]];
    int[] fill = Arrays.copyOf(start, groups);
    for (int i = 0; i < n; i++) {
      if (keys[i] >= 0) {
        copy[fill[keys[i]]++] = values[i];
      }
    }
    for (int g = 0; g < groups; g++) {
      out[g] = median(copy, start[g], start[g + 1]);
    }
    return out;
  }
}
