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

  static int[] rows(int[] values, int[] offset, int[] newOffset, int[] perm) {
    int[] out = new int[values.length];
    for (int j = 0; j < perm.length; j++) {
      int from = offset[perm[j]];
      System.arraycopy(values, from, out, newOffset[j], offset[perm[j] + 1] - from);
    }
    return out;
  }

  static long[] rows(long[] values, int[] offset, int[] newOffset, int[] perm) {
    long[] out = new long[values.length];
    for (int j = 0; j < perm.length; j++) {
      int from = offset[perm[j]];
      System.arraycopy(values, from, out, newOffset[j], offset[perm[j] + 1] - from);
    }
    return out;
  }

  static byte[] rows(byte[] values, int[] offset, int[] newOffset, int[] perm) {
    byte[] out = new byte[values.length];
    for (int j = 0; j < perm.length; j++) {
      int from = offset[perm[j]];
      System.arraycopy(values, from, out, newOffset[j], offset[perm[j] + 1] - from);
    }
    return out;
  }
}
