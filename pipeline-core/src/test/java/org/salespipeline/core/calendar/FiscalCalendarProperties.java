package org.salespipeline.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The invariants of every calendar kind, start and naming. */
class FiscalCalendarProperties {

  @Provide
  Arbitrary<FiscalCalendar> calendars() {
    Arbitrary<FiscalCalendar> gregorian =
        Combinators.combine(
                Arbitraries.of(Month.class),
                Arbitraries.of(DayOfWeek.class),
                Arbitraries.of(FiscalYearNaming.class))
            .as((m, d, n) -> FiscalCalendar.gregorian(m).withWeekStart(d).withNaming(n));
    Arbitrary<FiscalCalendar> retail =
        Combinators.combine(
                Arbitraries.of(RetailPattern.class),
                Arbitraries.of(DayOfWeek.class),
                Arbitraries.of(Month.class),
                Arbitraries.of(YearEndRule.class),
                Arbitraries.of(FiscalYearNaming.class))
            .as((p, d, m, r, n) -> FiscalCalendar.retail(p, d, m, r).withNaming(n));
    Arbitrary<FiscalCalendar> table =
        Combinators.combine(
                Arbitraries.integers().between(0, 2_000),
                Arbitraries.integers().between(20, 40),
                Arbitraries.integers().between(20, 40).list().ofSize(12 * 40),
                Arbitraries.of(DayOfWeek.class))
            .as(
                (startOffset, years, lengths, day) -> {
                  List<LocalDate> starts = new ArrayList<>();
                  LocalDate d = LocalDate.of(1990, 1, 1).plusDays(startOffset);
                  starts.add(d);
                  for (int i = 0; i < 12 * years; i++) {
                    d = d.plusDays(lengths.get(i));
                    starts.add(d);
                  }
                  return FiscalCalendar.table(1990 + startOffset / 365, starts, day);
                });
    return Arbitraries.oneOf(gregorian, retail, table);
  }

  private static boolean covered(FiscalCalendar cal, LocalDate d) {
    try {
      cal.fiscalYearOf(d);
      cal.fiscalYearOf(d.plusDays(400));
      cal.fiscalYearOf(d.minusDays(400));
      cal.periodOf(d.minusDays(400), PeriodKind.WEEK);
      return true;
    } catch (org.salespipeline.core.ValidationException e) {
      return false;
    }
  }

  /**
   * Every date lies in exactly one period of each kind: the period holding it holds it, and the
   * periods holding its first and last days are that same period; the next period starts where it
   * ends (no gap, no overlap).
   */
  @Property(tries = 400)
  void periodsTileTheTimeline(
      @ForAll("calendars") FiscalCalendar cal,
      @ForAll @IntRange(min = 0, max = 30_000) int dayPick) {
    LocalDate d = LocalDate.of(1990, 1, 1).plusDays(dayPick);
    if (!covered(cal, d)) {
      return;
    }
    for (PeriodKind kind : PeriodKind.values()) {
      FiscalPeriod p = cal.periodOf(d, kind);
      assertThat(p.contains(d)).isTrue();
      assertThat(p.kind()).isEqualTo(kind);
      assertThat(cal.periodOf(p.start(), kind)).isEqualTo(p);
      assertThat(cal.periodOf(p.lastDay(), kind)).isEqualTo(p);
      if (covered(cal, p.end())) {
        assertThat(cal.next(p).start()).isEqualTo(p.end());
      }
      if (covered(cal, p.start().minusDays(1))) {
        assertThat(cal.previous(p).end()).isEqualTo(p.start());
      }
    }
    assertThat(cal.periodOf(d, PeriodKind.WEEK).days()).isEqualTo(7);
    assertThat(cal.periodOf(d, PeriodKind.WEEK).start().getDayOfWeek()).isEqualTo(cal.weekStart());
  }

  /** A year is four quarters, a quarter three months, each tiling its parent exactly. */
  @Property(tries = 300)
  void quartersAreMadeOfTheirMonths(
      @ForAll("calendars") FiscalCalendar cal,
      @ForAll @IntRange(min = 0, max = 30_000) int dayPick) {
    LocalDate d = LocalDate.of(1990, 1, 1).plusDays(dayPick);
    if (!covered(cal, d)) {
      return;
    }
    FiscalPeriod year = cal.periodOf(d, PeriodKind.YEAR);
    List<FiscalPeriod> quarters = cal.within(year, PeriodKind.QUARTER);
    assertThat(quarters).hasSize(4);
    assertTiles(year, quarters);
    for (FiscalPeriod q : quarters) {
      List<FiscalPeriod> months = cal.within(q, PeriodKind.MONTH);
      assertThat(months).hasSize(3);
      assertTiles(q, months);
      assertThat(q.label()).endsWith(year.label());
      months.forEach(m -> assertThat(m.label()).endsWith(year.label()));
    }
    assertThat(cal.fiscalYearOf(d)).isEqualTo(Integer.parseInt(year.label().substring(2)));
  }

  /** A retail year is 52 or 53 whole weeks, aligned with its weeks, and months are whole weeks. */
  @Property(tries = 300)
  void retailYearsAreWholeWeeks(
      @ForAll RetailPattern pattern,
      @ForAll DayOfWeek weekStart,
      @ForAll Month end,
      @ForAll YearEndRule rule,
      @ForAll @IntRange(min = 1900, max = 2200) int year) {
    FiscalCalendar cal = FiscalCalendar.retail(pattern, weekStart, end, rule);
    FiscalPeriod y = cal.year(year);
    assertThat(y.days()).isIn(364, 371);
    assertThat(y.start().getDayOfWeek()).isEqualTo(weekStart);
    assertThat(cal.within(y, PeriodKind.WEEK)).hasSize(y.days() / 7);
    for (FiscalPeriod m : cal.within(y, PeriodKind.MONTH)) {
      assertThat(m.days() % 7).isZero();
    }
    if (rule == YearEndRule.LAST_IN_MONTH) {
      assertThat(y.lastDay().getMonth()).isEqualTo(end);
    }
  }

  /** Labels are unique per kind over any run of consecutive periods. */
  @Property(tries = 200)
  void labelsAreUniquePerKind(
      @ForAll("calendars") FiscalCalendar cal,
      @ForAll @IntRange(min = 0, max = 30_000) int dayPick) {
    LocalDate d = LocalDate.of(1990, 1, 1).plusDays(dayPick);
    for (PeriodKind kind : PeriodKind.values()) {
      Set<String> labels = new HashSet<>();
      int n = 0;
      LocalDate at = d;
      while (n < 120 && covered(cal, at)) {
        FiscalPeriod p = cal.periodOf(at, kind);
        assertThat(labels.add(p.label())).as("%s repeated", p.label()).isTrue();
        at = p.end();
        n++;
      }
    }
  }

  private static void assertTiles(FiscalPeriod outer, List<FiscalPeriod> parts) {
    assertThat(parts.get(0).start()).isEqualTo(outer.start());
    assertThat(parts.get(parts.size() - 1).end()).isEqualTo(outer.end());
    for (int i = 1; i < parts.size(); i++) {
      assertThat(parts.get(i).start()).isEqualTo(parts.get(i - 1).end());
    }
  }
}
