package org.salespipeline.forecast.bookings;

import java.time.LocalDate;
import org.salespipeline.core.calendar.FiscalCalendar;
import org.salespipeline.core.calendar.PeriodKind;
import org.salespipeline.forecast.ForecastPeriod;

/**
 * The length of a backtest's forecast period: a month or a quarter, of the calendar or of the
 * forecaster's {@linkplain BookingsForecaster.Builder#calendar fiscal calendar}.
 */
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

  /**
   * The period of this length that contains {@code day} in a fiscal calendar.
   *
   * @param day a day, not null
   * @param calendar the fiscal calendar, or null for {@link #containing(LocalDate)}
   * @return the fiscal month or quarter containing it
   * @throws org.salespipeline.core.ValidationException if the day lies outside a table calendar
   */
  public ForecastPeriod containing(LocalDate day, FiscalCalendar calendar) {
    if (calendar == null) {
      return containing(day);
    }
    return ForecastPeriod.of(
        calendar.periodOf(day, this == MONTH ? PeriodKind.MONTH : PeriodKind.QUARTER));
  }
}
