package org.salespipeline.forecast.bookings;

import java.util.Arrays;

/** An append-only long array. */
final class GrowableLongs {
  private long[] values;
  private int size;

  GrowableLongs(int capacity) {
    values = new long[Math.max(capacity, 16)];
  }

  void add(long v) {
    if (size == values.length) {
      values = Arrays.copyOf(values, values.length + (values.length >> 1));
    }
    values[size++] = v;
  }

  int size() {
    return size;
  }

  /** The backing array itself (no copy), valid up to {@link #size()}; only for a finished read. */
  long[] raw() {
    return values;
  }

  long[] toArray() {
    return Arrays.copyOf(values, size);
  }
}
