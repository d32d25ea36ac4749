package org.salespipeline.forecast.bookings;

import java.time.LocalDate;
import org.salespipeline.forecast.ForecastPeriod;

/** The length of a backtest's forecast period: a calendar month or a calendar quarter. */
public enum PeriodLength {
  /** The calendar month. */
  MONTH,
  /** The calendar quarter (January to March, April to June, ...). */
  QUARTER;

  /**
   * The period of this length that contains {@code day}.
   *
   * @param day a day, not null
   * @return the calendar month or quarter containing it
   */
  public ForecastPeriod containing(LocalDate day) {
    if (this == MONTH) {
      LocalDate s = day.withDayOfMonth(1);
      return ForecastPeriod.of(s, s.plusMonths(1));
    }
    LocalDate s = LocalDate.of(day.getYear(), 3 * ((day.getMonthValue() - 1) / 3) + 1, 1);
    return ForecastPeriod.of(s, s.plusMonths(3));
  }
}
