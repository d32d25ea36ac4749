package org.salespipeline.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.ValidationException;

class FiscalCalendarTest {

  @Test
  void theDefaultIsTheCalendarYear() {
    FiscalCalendar cal = FiscalCalendar.gregorian();
    FiscalPeriod q = cal.periodOf(LocalDate.of(2026, 8, 15), PeriodKind.QUARTER);
    assertThat(q.start()).isEqualTo(LocalDate.of(2026, 7, 1));
    assertThat(q.end()).isEqualTo(LocalDate.of(2026, 10, 1));
    assertThat(q.label()).isEqualTo("Q3 FY2026");
    assertThat(cal.month(2026, 2).label()).isEqualTo("M02 FY2026");
    assertThat(cal.month(2026, 2).days()).isEqualTo(28);
  }

  @Test
  void aFebruaryYearIsNamedByTheYearItEndsIn() {
    FiscalCalendar cal = FiscalCalendar.gregorian(Month.FEBRUARY);
    FiscalPeriod q3 = cal.quarter(2027, 3);
    assertThat(q3.start()).isEqualTo(LocalDate.of(2026, 8, 1));
    assertThat(q3.end()).isEqualTo(LocalDate.of(2026, 11, 1));
    assertThat(q3.label()).isEqualTo("Q3 FY2027");
    assertThat(cal.fiscalYearOf(LocalDate.of(2027, 1, 31))).isEqualTo(2027);
    assertThat(cal.fiscalYearOf(LocalDate.of(2027, 2, 1))).isEqualTo(2028);
    FiscalCalendar byStart = cal.withNaming(FiscalYearNaming.START_YEAR);
    assertThat(byStart.periodOf(LocalDate.of(2026, 8, 1), PeriodKind.QUARTER).label())
        .isEqualTo("Q3 FY2026");
    assertThat(byStart.quarter(2026, 3).start()).isEqualTo(q3.start());
  }

  @Test
  void theNrfCalendarEndsOnTheSaturdayNearestJanuary31() {
    FiscalCalendar nrf =
        FiscalCalendar.retail(
                RetailPattern.FOUR_FIVE_FOUR,
                DayOfWeek.SUNDAY,
                Month.JANUARY,
                YearEndRule.NEAREST_MONTH_END)
            .withNaming(FiscalYearNaming.START_YEAR);
    // NRF fiscal 2023: January 29, 2023 to February 3, 2024, 53 weeks
    FiscalPeriod y2023 = nrf.year(2023);
    assertThat(y2023.start()).isEqualTo(LocalDate.of(2023, 1, 29));
    assertThat(y2023.end()).isEqualTo(LocalDate.of(2024, 2, 4));
    assertThat(y2023.days()).isEqualTo(371);
    FiscalPeriod y2024 = nrf.year(2024);
    assertThat(y2024.start()).isEqualTo(LocalDate.of(2024, 2, 4));
    assertThat(y2024.days()).isEqualTo(364);
    List<FiscalPeriod> months = nrf.within(y2024, PeriodKind.MONTH);
    assertThat(months)
        .extracting(p -> p.days() / 7)
        .containsExactly(4, 5, 4, 4, 5, 4, 4, 5, 4, 4, 5, 4);
    assertThat(nrf.within(y2023, PeriodKind.MONTH).get(11).days()).isEqualTo(35);
    assertThat(nrf.within(y2023, PeriodKind.WEEK)).hasSize(53);
    assertThat(nrf.periodOf(LocalDate.of(2024, 2, 3), PeriodKind.WEEK).label())
        .isEqualTo("W53 FY2023");
  }

  @Test
  void aLastSaturdayRuleKeepsTheYearEndInsideTheMonth() {
    FiscalCalendar cal =
        FiscalCalendar.retail(
            RetailPattern.FOUR_FOUR_FIVE,
            DayOfWeek.SUNDAY,
            Month.DECEMBER,
            YearEndRule.LAST_IN_MONTH);
    FiscalPeriod y = cal.year(2026);
    assertThat(y.lastDay()).isEqualTo(LocalDate.of(2026, 12, 26));
    assertThat(y.lastDay().getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
    assertThat(cal.within(cal.quarter(2026, 1), PeriodKind.MONTH))
        .extracting(p -> p.days() / 7)
        .containsExactly(4, 4, 5);
  }

  @Test
  void anExplicitTableRefusesDatesOutsideIt() {
    List<LocalDate> starts = new ArrayList<>();
    LocalDate d = LocalDate.of(2026, 1, 4);
    for (int i = 0; i <= 12; i++) {
      starts.add(d);
      d = d.plusWeeks(i % 3 == 2 ? 5 : 4);
    }
    FiscalCalendar cal = FiscalCalendar.table(2026, starts, DayOfWeek.SUNDAY);
    assertThat(cal.month(2026, 3).days()).isEqualTo(35);
    assertThat(cal.periodOf(LocalDate.of(2026, 1, 4), PeriodKind.QUARTER).label())
        .isEqualTo("Q1 FY2026");
    assertThatThrownBy(() -> cal.periodOf(LocalDate.of(2025, 12, 31), PeriodKind.MONTH))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("outside the calendar's table");
    assertThatThrownBy(() -> cal.year(2027))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.concerns("fiscalYear")).isTrue());
  }

  @Test
  void badInputNamesTheField() {
    assertThatThrownBy(
            () -> FiscalCalendar.table(2026, List.of(LocalDate.of(2026, 1, 1)), DayOfWeek.MONDAY))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.concerns("monthStarts")).isTrue());
    assertThatThrownBy(() -> FiscalCalendar.gregorian().quarter(2026, 5))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.concerns("quarter")).isTrue());
    assertThatThrownBy(() -> FiscalCalendar.gregorian(null))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.concerns("firstMonth")).isTrue());
    FiscalCalendar retail =
        FiscalCalendar.retail(
            RetailPattern.FIVE_FOUR_FOUR, DayOfWeek.MONDAY, Month.MARCH, YearEndRule.LAST_IN_MONTH);
    assertThatThrownBy(() -> retail.withWeekStart(DayOfWeek.SUNDAY))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.concerns("weekStart")).isTrue());
  }

  @Test
  void periodsListConsecutivePeriods() {
    FiscalCalendar cal = FiscalCalendar.gregorian(Month.APRIL);
    List<FiscalPeriod> qs = cal.periods(PeriodKind.QUARTER, LocalDate.of(2026, 5, 5), 3);
    assertThat(qs)
        .extracting(FiscalPeriod::label)
        .containsExactly("Q1 FY2027", "Q2 FY2027", "Q3 FY2027");
    assertThat(
            cal.periodsBetween(
                PeriodKind.YEAR, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)))
        .extracting(FiscalPeriod::label)
        .containsExactly("FY2026", "FY2027");
    assertThat(cal.next(qs.get(2)).label()).isEqualTo("Q4 FY2027");
    assertThat(cal.previous(qs.get(0)).label()).isEqualTo("Q4 FY2026");
  }
}
