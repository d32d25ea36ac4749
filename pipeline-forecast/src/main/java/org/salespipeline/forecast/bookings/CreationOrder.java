package org.salespipeline.forecast.bookings;

/**
 * Where each creation day starts in the columns, which {@link HistoryReader} leaves in creation-day
 * order: every deal created before a day is a prefix. Immutable.
 */
final class CreationOrder {
  private final int firstDay;
  private final int[] start;
  private final int deals;

  CreationOrder(DealColumns c) {
    firstDay = c.firstDay;
    deals = c.deals;
    int days = c.deals == 0 ? 1 : c.lastDay - c.firstDay + 2;
    start = new int[days + 1];
    for (int i = 0; i < c.deals; i++) {
      if (i > 0 && c.created[i] < c.created[i - 1]) {
        throw new IllegalStateException("columns are not in creation order");
      }
      start[c.created[i] - firstDay + 1]++;
    }
    for (int d = 1; d <= days; d++) {
      start[d] += start[d - 1];
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
    return k >= start.length ? deals : start[k];
  }

  /** The number of deals created before {@code day}. */
  int endBefore(int day) {
    return startOf(day);
  }

  /** The deal at a position: the columns are already in creation order. */
  int deal(int position) {
    return position;
  }
}
