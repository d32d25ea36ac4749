package org.salespipeline.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.ValidationException;
import org.salespipeline.core.calendar.FiscalCalendar;
import org.salespipeline.core.calendar.PeriodKind;
import org.salespipeline.core.calendar.RetailPattern;
import org.salespipeline.core.calendar.YearEndRule;

class FiscalForecastPeriodTest {

  @Test
  void theGregorianCalendarGivesCalendarMonthsAndQuarters() {
    FiscalCalendar cal = FiscalCalendar.gregorian();
    assertThat(ForecastPeriod.of(cal, PeriodKind.MONTH, LocalDate.of(2026, 3, 9), 12))
        .isEqualTo(ForecastPeriod.months(YearMonth.of(2026, 3), 12));
    assertThat(ForecastPeriod.of(cal.quarter(2026, 2))).isEqualTo(ForecastPeriod.quarter(2026, 2));
  }

  @Test
  void retailQuartersAreThirteenWeeks() {
    FiscalCalendar cal =
        FiscalCalendar.retail(
            RetailPattern.FIVE_FOUR_FOUR, DayOfWeek.MONDAY, Month.JUNE, YearEndRule.LAST_IN_MONTH);
    List<ForecastPeriod> qs =
        ForecastPeriod.of(cal, PeriodKind.QUARTER, LocalDate.of(2026, 7, 1), 3);
    assertThat(qs).hasSize(3).allSatisfy(q -> assertThat(q.days()).isIn(91, 98));
    assertThat(qs.get(1).start()).isEqualTo(qs.get(0).end());
    assertThatThrownBy(() -> ForecastPeriod.of(null, PeriodKind.MONTH, LocalDate.of(2026, 1, 1), 1))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.concerns("calendar")).isTrue());
  }

  @Test
  void aNegativeCountIsRefusedNamingTheCount() {
    assertThatThrownBy(
            () ->
                ForecastPeriod.of(
                    FiscalCalendar.gregorian(), PeriodKind.MONTH, LocalDate.of(2026, 1, 1), -1))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.concerns("count")).isTrue());
    assertThat(
            ForecastPeriod.of(
                FiscalCalendar.gregorian(), PeriodKind.MONTH, LocalDate.of(2026, 1, 1), 0))
        .isEmpty();
  }
}
