package org.salespipeline.forecast.bookings;

import java.time.LocalDate;
import org.salespipeline.core.ValidationException;
import org.salespipeline.core.calendar.FiscalCalendar;
import org.salespipeline.core.calendar.FiscalPeriod;
import org.salespipeline.core.calendar.PeriodKind;

/**
 * The position of each day in its quarter: 0, 1 or 2 for its first, second, third month; calendar
 * quarters, or the fiscal quarters of a fiscal calendar (days outside a table calendar fall back to
 * calendar quarters).
 */
final class Calendar {
  private final int first;
  private final byte[] position;

  Calendar(int firstDay, int lastDay, FiscalCalendar fiscal) {
    this.first = firstDay;
    int n = Math.max(lastDay - firstDay + 1, 1);
    position = new byte[n];
    if (fiscal == null) {
      for (int k = 0; k < n; k++) {
        position[k] = (byte) of(firstDay + k);
      }
      return;
    }
    int k = 0;
    while (k < n) {
      LocalDate day = LocalDate.ofEpochDay(firstDay + k);
      FiscalPeriod quarter;
      try {
        quarter = fiscal.periodOf(day, PeriodKind.QUARTER);
      } catch (ValidationException outsideTable) {
        position[k] = (byte) of(firstDay + k);
        k++;
        continue;
      }
      int m = 0;
      for (FiscalPeriod month : fiscal.within(quarter, PeriodKind.MONTH)) {
        int from = (int) month.start().toEpochDay() - firstDay;
        int to = (int) month.end().toEpochDay() - firstDay;
        for (int j = Math.max(from, k); j < Math.min(to, n); j++) {
          position[j] = (byte) m;
        }
        m++;
      }
      k = Math.max(k + 1, (int) quarter.end().toEpochDay() - firstDay);
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
