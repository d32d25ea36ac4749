package org.salespipeline.forecast.bookings;

/**
 * Puts the read columns in creation-day order (a stable counting sort, linear in deals plus days)
 * so that every pass over "the deals created before T" is a sequential prefix of the arrays.
 */
final class CreationSort {
  private CreationSort() {}

  /** The permutation: position j holds the deal read as {@code perm[j]}. */
  static int[] permutation(int[] created) {
    int n = created.length;
    if (n == 0) {
      return new int[0];
    }
    int min = Integer.MAX_VALUE;
    int max = Integer.MIN_VALUE;
    for (int d : created) {
      min = Math.min(min, d);
      max = Math.max(max, d);
    }
    int[] start = new int[max - min + 2];
    for (int d : created) {
      start[d - min + 1]++;
    }
    for (int k = 1; k < start.length; k++) {
      start[k] += start[k - 1];
    }
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[start[created[i] - min]++] = i;
    }
    return perm;
  }

  static int[] gather(int[] values, int[] perm) {
    int[] out = new int[perm.length];
    for (int j = 0; j < perm.length; j++) {
      out[j] = values[perm[j]];
    }
    return out;
  }

  /** The offsets of compressed rows after the permutation. */
  static int[] offsets(int[] offset, int[] perm) {
    int[] out = new int[perm.length + 1];
    for (int j = 0; j < perm.length; j++) {
      out[j + 1] = out[j] + offset[perm[j] + 1] - offset[perm[j]];
    }
    return out;
  }

  /**
   * The values of compressed rows in the new order; {@code values} may be longer than the rows (a
   * growable column's backing array), the result holds exactly the rows.
   */
  static int[] rows(int[] values, int[] offset, int[] newOffset, int[] perm) {
    int[] out = new int[newOffset[perm.length]];
    for (int j = 0; j < perm.length; j++) {
      int from = offset[perm[j]];
      System.arraycopy(values, from, out, newOffset[j], offset[perm[j] + 1] - from);
    }
    return out;
  }

  static long[] rows(long[] values, int[] offset, int[] newOffset, int[] perm) {
    long[] out = new long[newOffset[perm.length]];
    for (int j = 0; j < perm.length; j++) {
      int from = offset[perm[j]];
      System.arraycopy(values, from, out, newOffset[j], offset[perm[j] + 1] - from);
    }
    return out;
  }

  /** Like the int rows, narrowing each value to a byte (the values must fit one). */
  static byte[] byteRows(int[] values, int[] offset, int[] newOffset, int[] perm) {
    byte[] out = new byte[newOffset[perm.length]];
    for (int j = 0; j < perm.length; j++) {
      int to = newOffset[j];
      for (int k = offset[perm[j]]; k < offset[perm[j] + 1]; k++) {
        out[to++] = (byte) values[k];
      }
    }
    return out;
  }
}
