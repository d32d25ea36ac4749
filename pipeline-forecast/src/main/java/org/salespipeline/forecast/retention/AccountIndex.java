package org.salespipeline.forecast.retention;

/**
 * Dense indexes 0, 1, 2... for account ids given as UUID halves, in order of first sight, computed
 * for all of them at once after the read: an open-addressing table of ints (the position of an id's
 * first sight + 1, 0 for empty) sized once for the number of ids, so it never grows.
 *
 * <p>Why at once rather than one look-up per account during the read: a million accounts need a
 * table of several MB, so nearly every look-up is a cache miss. Done in one loop over the ids, each
 * iteration first touches the slot of an id a few places ahead, so the misses of several look-ups
 * overlap instead of following one another. Stateless: each call builds its own table.
 */
final class AccountIndex {
  // why: far enough ahead that a touched slot has arrived when its look-up runs, near enough that
  // it is still in the cache (not tuned: 16 is a guess in that range)
  private static final int AHEAD = 16;

  private AccountIndex() {}

  /**
   * Gives each of the first {@code n} ids ({@code high[i]}, {@code low[i]}) its dense index in
   * {@code out[i]}: equal ids get the same index, and indexes are numbered in order of first sight.
   *
   * @return the number of distinct ids
   */
  static int dense(long[] high, long[] low, int n, int[] out) {
    int bits = 4;
    while ((1 << bits) < 2L * n) {
      bits++;
    }
    int[] table = new int[1 << bits];
    int mask = table.length - 1;
    int distinct = 0;
    int touched = 0;
    for (int r = 0; r < n; r++) {
      int ahead = r + AHEAD;
      if (ahead < n) {
        touched += table[slot(high[ahead], low[ahead], bits)];
      }
      long hi = high[r];
      long lo = low[r];
      int i = slot(hi, lo, bits);
      int s;
      int index = -1;
      while ((s = table[i]) != 0) {
        if (low[s - 1] == lo && high[s - 1] == hi) {
          index = out[s - 1];
          break;
        }
        i = (i + 1) & mask;
      }
      if (index < 0) {
        table[i] = r + 1;
        index = distinct++;
      }
      out[r] = index;
    }
    sink = touched;
    return distinct;
  }

  // why: the touched slots' sum is kept so the JIT cannot drop the touching loads
  @SuppressWarnings("unused")
  private static volatile int sink;

  /** Fibonacci hashing: the top {@code bits} bits of the mixed halves. */
  private static int slot(long hi, long lo, int bits) {
    long h = (hi * 0x9E37_79B9_7F4A_7C15L) ^ lo;
    return (int) ((h * 0xC2B2_AE3D_27D4_EB4FL) >>> (64 - bits));
  }
}
