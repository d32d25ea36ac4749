package org.salespipeline.forecast.bookings;

import java.time.LocalDate;
import org.salespipeline.core.ValidationException;
import org.salespipeline.core.calendar.FiscalCalendar;
import org.salespipeline.core.calendar.FiscalPeriod;
import org.salespipeline.core.calendar.PeriodKind;
import org.salespipeline.forecast.ForecastPeriod;

/**
 * The sequence of past periods like a given one: calendar months for a month, calendar quarters for
 * a quarter, otherwise back-to-back periods of the same number of days. An origin moves with its
 * period: the same number of days after the period's start (clamped into a shorter period), or the
 * same number of days before it.
 *
 * <p>With a fiscal calendar, a period that is one of its fiscal months or quarters steps back
 * through the calendar's months or quarters instead, and its place in the cycle is its fiscal month
 * of the quarter or fiscal quarter of the year.
 */
final class PeriodGrid {
  enum Kind {
    MONTH,
    QUARTER,
    DAYS,
    FISCAL_MONTH,
    FISCAL_QUARTER
  }

  private final Kind kind;
  private final ForecastPeriod period;
  private final FiscalCalendar fiscal;

  /**
   * @param fiscal the host's fiscal calendar, or null for calendar months and quarters
   */
  PeriodGrid(ForecastPeriod period, FiscalCalendar fiscal) {
    this.period = period;
    this.fiscal = fiscal;
    LocalDate s = period.start();
    if (fiscal != null && isFiscal(period, PeriodKind.MONTH)) {
      kind = Kind.FISCAL_MONTH;
    } else if (fiscal != null && isFiscal(period, PeriodKind.QUARTER)) {
      kind = Kind.FISCAL_QUARTER;
    } else if (fiscal != null) {
      kind = Kind.DAYS;
    } else if (s.getDayOfMonth() == 1 && period.end().equals(s.plusMonths(1))) {
      kind = Kind.MONTH;
    } else if (s.getDayOfMonth() == 1
        && (s.getMonthValue() - 1) % 3 == 0
        && period.end().equals(s.plusMonths(3))) {
      kind = Kind.QUARTER;
    } else {
      kind = Kind.DAYS;
    }
  }

  private boolean isFiscal(ForecastPeriod p, PeriodKind k) {
    FiscalPeriod f = fiscalOrNull(p.start(), k);
    return f != null && f.end().equals(p.end()) && f.start().equals(p.start());
  }

  private FiscalPeriod fiscalOrNull(LocalDate day, PeriodKind k) {
    try {
      return fiscal.periodOf(day, k);
    } catch (ValidationException outsideTable) {
      return null;
    }
  }

  Kind kind() {
    return kind;
  }

  /** Periods per seasonal cycle: 3 months to a quarter, 4 quarters to a year; 0 for day grids. */
  int cycle() {
    return switch (kind) {
      case MONTH, FISCAL_MONTH -> 3;
      case QUARTER, FISCAL_QUARTER -> 4;
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
      case FISCAL_MONTH, FISCAL_QUARTER -> fiscalBack(k);
    };
  }

  private ForecastPeriod fiscalBack(int k) {
    PeriodKind pk = kind == Kind.FISCAL_MONTH ? PeriodKind.MONTH : PeriodKind.QUARTER;
    LocalDate start = period.start();
    LocalDate end = period.end();
    for (int i = 0; i < k; i++) {
      FiscalPeriod before = fiscalOrNull(start.minusDays(1), pk);
      if (before == null) {
        // why: before a table calendar's first year, fall back to periods of the same length
        int days = (int) (end.toEpochDay() - start.toEpochDay());
        end = start;
        start = start.minusDays(days);
      } else {
        end = before.end();
        start = before.start();
      }
    }
    return ForecastPeriod.of(start, end);
  }

  /** The origin in {@code past} that stands where {@code origin} stands in this grid's period. */
  int originIn(ForecastPeriod past, int origin) {
    int offset = origin - period.startDay();
    if (offset >= 0) {
      return past.startDay() + Math.min(offset, past.days() - 1);
    }
    return past.startDay() + offset;
  }

  /** The position of a period of this grid in its cycle (0-based), or 0 for day grids. */
  int positionInCycle(ForecastPeriod p) {
    return switch (kind) {
      case MONTH -> (p.start().getMonthValue() - 1) % 3;
      case QUARTER -> (p.start().getMonthValue() - 1) / 3;
      case DAYS -> 0;
      case FISCAL_MONTH -> fiscalPosition(p.start(), PeriodKind.QUARTER, PeriodKind.MONTH);
      case FISCAL_QUARTER -> fiscalPosition(p.start(), PeriodKind.YEAR, PeriodKind.QUARTER);
    };
  }

  private int fiscalPosition(LocalDate day, PeriodKind outer, PeriodKind inner) {
    FiscalPeriod o = fiscalOrNull(day, outer);
    if (o == null) {
      return 0;
    }
    int n = 0;
    for (FiscalPeriod f : fiscal.within(o, inner)) {
      if (f.contains(day)) {
        return n;
      }
      n++;
    }
    return 0;
  }
}
