package org.salespipeline.forecast.retention;

import java.util.Arrays;
import java.util.UUID;
import org.salespipeline.core.AccountId;

/**
 * Dense indexes 0, 1, 2... for account ids, in order of first sight: an open-addressing table of
 * ints (index + 1, 0 for empty) over the ids' UUID halves, which are kept by index in two long
 * arrays. A million accounts cost three primitive arrays rather than a million map entries and
 * boxes, and a new id (the usual case: histories list an account's events together) touches one int
 * of the table. Not thread-safe.
 */
final class AccountIndex {
  private static final int INITIAL_BITS = 12;
  private int[] table = new int[1 << INITIAL_BITS];
  private int bits = INITIAL_BITS;
  private long[] high = new long[1 << (INITIAL_BITS - 1)];
  private long[] low = new long[1 << (INITIAL_BITS - 1)];
  private int size;

  /** The index of the id, adding it as the next one when new. */
  int indexOf(AccountId id) {
    UUID u = id.value();
    long hi = u.getMostSignificantBits();
    long lo = u.getLeastSignificantBits();
    int mask = table.length - 1;
    int i = slot(hi, lo, bits);
    int s;
    while ((s = table[i]) != 0) {
      if (low[s - 1] == lo && high[s - 1] == hi) {
        return s - 1;
      }
      i = (i + 1) & mask;
    }
    int index = size++;
    if (index == high.length) {
      high = Arrays.copyOf(high, index * 2);
      low = Arrays.copyOf(low, index * 2);
    }
    high[index] = hi;
    low[index] = lo;
    table[i] = index + 1;
    if (size * 2 > table.length) {
      grow();
    }
    return index;
  }

  int size() {
    return size;
  }

  private void grow() {
    bits++;
    int[] next = new int[1 << bits];
    int mask = next.length - 1;
    for (int index = 0; index < size; index++) {
      int i = slot(high[index], low[index], bits);
      while (next[i] != 0) {
        i = (i + 1) & mask;
      }
      next[i] = index + 1;
    }
    table = next;
  }

  /** Fibonacci hashing: the top {@code bits} bits of the mixed halves. */
  private static int slot(long hi, long lo, int bits) {
    long h = (hi * 0x9E37_79B9_7F4A_7C15L) ^ lo;
    return (int) ((h * 0xC2B2_AE3D_27D4_EB4FL) >>> (64 - bits));
  }
}
