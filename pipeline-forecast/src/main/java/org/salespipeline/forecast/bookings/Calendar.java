package org.salespipeline.forecast.bookings;

import java.time.LocalDate;

/**
 * The position of each day in its calendar quarter: 0, 1 or 2 for its first, second, third month.
 */
final class Calendar {
  private final int first;
  private final byte[] position;

  Calendar(int firstDay, int lastDay) {
    this.first = firstDay;
    int n = Math.max(lastDay - firstDay + 1, 1);
    position = new byte[n];
    for (int k = 0; k < n; k++) {
      position[k] = (byte) of(firstDay + k);
    }
  }

  private static int of(int day) {
    return (LocalDate.ofEpochDay(day).getMonthValue() - 1) % 3;
  }

  int position(int day) {
    int k = day - first;
    return k >= 0 && k < position.length ? position[k] : of(day);
  }
}
