package org.salespipeline.forecast.bookings;

import java.time.LocalDate;
import org.salespipeline.forecast.ForecastPeriod;

/**
 * The sequence of past periods like a given one: calendar months for a month, calendar quarters for
 * a quarter, otherwise back-to-back periods of the same number of days. An origin moves with its
 * period: the same number of days after the period's start (clamped into a shorter period), or the
 * same number of days before it.
 */
final class PeriodGrid {
  enum Kind {
    MONTH,
    QUARTER,
    DAYS
  }

  private final Kind kind;
  private final ForecastPeriod period;

  PeriodGrid(ForecastPeriod period) {
    this.period = period;
    LocalDate s = period.start();
    if (s.getDayOfMonth() == 1 && period.end().equals(s.plusMonths(1))) {
      kind = Kind.MONTH;
    } else if (s.getDayOfMonth() == 1
        && (s.getMonthValue() - 1) % 3 == 0
        && period.end().equals(s.plusMonths(3))) {
      kind = Kind.QUARTER;
    } else {
      kind = Kind.DAYS;
    }
  }

  Kind kind() {
    return kind;
  }

  /** Periods per seasonal cycle: 3 months to a quarter, 4 quarters to a year; 0 for day grids. */
  int cycle() {
    return switch (kind) {
      case MONTH -> 3;
      case QUARTER -> 4;
      case DAYS -> 0;
    };
  }

  /** The period {@code k} steps before this grid's period (k = 0 is the period itself). */
  ForecastPeriod back(int k) {
    return switch (kind) {
      case MONTH ->
          ForecastPeriod.of(
              period.start().minusMonths(k), period.start().minusMonths(k).plusMonths(1));
      case QUARTER ->
          ForecastPeriod.of(
              period.start().minusMonths(3L * k), period.start().minusMonths(3L * k).plusMonths(3));
      case DAYS ->
          ForecastPeriod.of(
              period.start().minusDays((long) k * period.days()),
              period.end().minusDays((long) k * period.days()));
    };
  }

  /** The origin in {@code past} that stands where {@code origin} stands in this grid's period. */
  int originIn(ForecastPeriod past, int origin) {
    int offset = origin - period.startDay();
    if (offset >= 0) {
      return past.startDay() + Math.min(offset, past.days() - 1);
    }
    return past.startDay() + offset;
  }

  /** The position of the grid's period in its cycle (0-based), or 0 for day grids. */
  static int positionInCycle(ForecastPeriod p, Kind kind) {
    return switch (kind) {
      case MONTH -> (p.start().getMonthValue() - 1) % 3;
      case QUARTER -> (p.start().getMonthValue() - 1) / 3;
      case DAYS -> 0;
    };
  }
}
