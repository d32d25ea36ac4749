package org.salespipeline.forecast.bookings;

/**
 * Deals ordered by creation day (a counting sort, linear in deals plus days), so that every deal
 * created before a day is a prefix. Immutable.
 */
final class CreationOrder {
  private final int firstDay;
  private final int[] start;
  private final int[] deals;

  CreationOrder(DealColumns c) {
    firstDay = c.firstDay;
    int days = c.deals == 0 ? 1 : c.lastDay - c.firstDay + 2;
    start = new int[days + 1];
    for (int i = 0; i < c.deals; i++) {
      start[c.created[i] - firstDay + 1]++;
    }
    for (int d = 1; d <= days; d++) {
      start[d] += start[d - 1];
    }
    deals = new int[c.deals];
    int[] next = java.util.Arrays.copyOf(start, days);
    for (int i = 0; i < c.deals; i++) {
      deals[next[c.created[i] - firstDay]++] = i;
    }
  }

  int firstDay() {
    return firstDay;
  }

  /** Position of the first deal created on or after {@code day}. */
  int startOf(int day) {
    int k = day - firstDay;
    if (k <= 0) {
      return 0;
    }
    return k >= start.length ? deals.length : start[k];
  }

  /** The number of deals created before {@code day}. */
  int endBefore(int day) {
    return startOf(day);
  }

  int deal(int position) {
    return deals[position];
  }
}
