package org.salespipeline.forecast.retention;

import java.util.UUID;
import org.salespipeline.core.AccountId;

/**
 * Dense indexes 0, 1, 2... for account ids, in order of first sight: an open-addressing table over
 * the ids' two UUID halves, so a million accounts cost three primitive arrays rather than a million
 * map entries and boxes. Not thread-safe.
 */
final class AccountIndex {
  private long[] high = new long[1 << 12];
  private long[] low = new long[1 << 12];
  private int[] slot = new int[1 << 12];
  private int size;

  /** The index of the id, adding it as the next one when new. */
  int indexOf(AccountId id) {
    UUID u = id.value();
    long hi = u.getMostSignificantBits();
    long lo = u.getLeastSignificantBits();
    int mask = slot.length - 1;
    int i = mix(hi, lo) & mask;
    while (true) {
      int s = slot[i];
      if (s == 0) {
        break;
      }
      if (high[i] == hi && low[i] == lo) {
        return s - 1;
      }
      i = (i + 1) & mask;
    }
    int index = size++;
    high[i] = hi;
    low[i] = lo;
    slot[i] = index + 1;
    if (size * 2 > slot.length) {
      grow();
    }
    return index;
  }

  int size() {
    return size;
  }

  private void grow() {
    long[] oldHigh = high;
    long[] oldLow = low;
    int[] oldSlot = slot;
    int capacity = oldSlot.length * 2;
    high = new long[capacity];
    low = new long[capacity];
    slot = new int[capacity];
    int mask = capacity - 1;
    for (int j = 0; j < oldSlot.length; j++) {
      if (oldSlot[j] != 0) {
        int i = mix(oldHigh[j], oldLow[j]) & mask;
        while (slot[i] != 0) {
          i = (i + 1) & mask;
        }
        high[i] = oldHigh[j];
        low[i] = oldLow[j];
        slot[i] = oldSlot[j];
      }
    }
  }

  private static int mix(long hi, long lo) {
    long h = (hi ^ Long.rotateLeft(lo, 29)) * 0x9E37_79B9_7F4A_7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
