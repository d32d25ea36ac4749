package org.salespipeline.forecast.bookings;

import java.util.Arrays;

/** An append-only int array; the reader's building block for columns. */
final class GrowableInts {
  private int[] values;
  private int size;

  GrowableInts(int capacity) {
    values = new int[Math.max(capacity, 16)];
  }

  void add(int v) {
    if (size == values.length) {
      values = Arrays.copyOf(values, values.length + (values.length >> 1));
    }
    values[size++] = v;
  }

  int size() {
    return size;
  }

  /** The backing array itself (no copy), valid up to {@link #size()}; only for a finished read. */
  int[] raw() {
    return values;
  }

  int[] toArray() {
    return Arrays.copyOf(values, size);
  }
}
