package org.salespipeline.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.ValidationException;

/**
 * How a company cuts time into fiscal years, quarters, months and weeks, and labels them ({@code
 * FY2027}, {@code Q3 FY2027}, {@code M07 FY2027}, {@code W05 FY2027}). Three kinds:
 *
 * <ul>
 *   <li>{@link #gregorian(Month)}: twelve calendar months from any start month; {@link
 *       #gregorian()} is the calendar year and the library's default everywhere.
 *   <li>{@link #retail(RetailPattern, DayOfWeek, Month, YearEndRule)}: 4-4-5, 4-5-4 or 5-4-4 weeks
 *       per quarter. The year ends on the day before the week-start day, placed in or near the end
 *       month by the {@link YearEndRule}, so a year has 52 or 53 weeks; the 53rd week goes to the
 *       last month of the year.
 *   <li>{@link #table(int, List, DayOfWeek)}: explicit month boundaries, twelve months per fiscal
 *       year; dates outside the table are refused.
 * </ul>
 *
 * <p>Periods of one kind tile the timeline: every date belongs to exactly one year, quarter, month
 * and week, each the half-open span {@code [start, end)}. Quarters are three consecutive fiscal
 * months and years four quarters. Weeks run seven days from the week-start day and are numbered
 * within the fiscal year their first day lies in (in a retail calendar they align with the year; in
 * the others the week holding the year's first day belongs to the year before when it starts before
 * it).
 *
 * <p>Fiscal year numbers: by default the calendar year of the fiscal year's last month ({@link
 * FiscalYearNaming#END_YEAR}); {@link #withNaming(FiscalYearNaming)} switches to the year of its
 * first month. Every method that takes a fiscal year number reads it in the calendar's naming.
 *
 * <p>Immutable and thread-safe.
 */
public final class FiscalCalendar {
  private static final int MONTHS = 12;

  private final Layout layout;
  private final FiscalYearNaming naming;
  private final DayOfWeek weekStart;

  private FiscalCalendar(Layout layout, FiscalYearNaming naming, DayOfWeek weekStart) {
    this.layout = layout;
    this.naming = naming;
    this.weekStart = weekStart;
  }

  /** The calendar year (January to December), weeks from Monday; the library's default. */
  public static FiscalCalendar gregorian() {
    return gregorian(Month.JANUARY);
  }

  /**
   * Twelve calendar months from {@code firstMonth}, weeks from Monday, years named by the year of
   * their last month: with {@code FEBRUARY}, February 2026 to January 2027 is FY2027.
   *
   * @throws ValidationException if the month is null
   */
  public static FiscalCalendar gregorian(Month firstMonth) {
    require("firstMonth", firstMonth);
    return new FiscalCalendar(
        new Gregorian(firstMonth), FiscalYearNaming.END_YEAR, DayOfWeek.MONDAY);
  }

  /**
   * A retail calendar: every quarter has the weeks of the pattern, the year ends on the day before
   * {@code weekStart} as placed by {@code rule} in {@code endMonth}. The NRF 4-5-4 calendar is
   * {@code retail(FOUR_FIVE_FOUR, SUNDAY, JANUARY, NEAREST_MONTH_END)} (its years are named by
   * their start: add {@code .withNaming(START_YEAR)}).
   *
   * @throws ValidationException if an argument is null
   */
  public static FiscalCalendar retail(
      RetailPattern pattern, DayOfWeek weekStart, Month endMonth, YearEndRule rule) {
    require("pattern", pattern);
    require("weekStart", weekStart);
    require("endMonth", endMonth);
    require("rule", rule);
    return new FiscalCalendar(
        new Retail(pattern, weekStart, endMonth, rule), FiscalYearNaming.END_YEAR, weekStart);
  }

  /**
   * An explicit calendar: {@code monthStarts} holds the first day of each fiscal month and, last,
   * the day after the final month; twelve months make a fiscal year, the first numbered {@code
   * firstFiscalYear} (the naming of {@link #withNaming} does not renumber a table). Dates before
   * the first or from the last boundary on are refused.
   *
   * @param firstFiscalYear the number of the first year, as shown in labels
   * @param monthStarts 12k + 1 strictly increasing dates, k at least 1, not null
   * @param weekStart the first day of a week, not null
   * @throws ValidationException if a date is null, the dates do not increase, or their count is not
   *     12k + 1
   */
  public static FiscalCalendar table(
      int firstFiscalYear, List<LocalDate> monthStarts, DayOfWeek weekStart) {
    require("monthStarts", monthStarts);
    require("weekStart", weekStart);
    int n = monthStarts.size();
    if (n < MONTHS + 1 || (n - 1) % MONTHS != 0) {
      throw new ValidationException(
          FieldProblem.of(
              "monthStarts",
              n + " dates",
              "must hold 12 month starts per fiscal year plus the day after the last month"
                  + " (13, 25, 37, ... dates)"));
    }
    LocalDate[] b = new LocalDate[n];
    for (int i = 0; i < n; i++) {
      b[i] = monthStarts.get(i);
      if (b[i] == null) {
        throw new ValidationException(
            FieldProblem.of("monthStarts[" + i + "]", null, "must not be null"));
      }
      if (i > 0 && !b[i].isAfter(b[i - 1])) {
        throw new ValidationException(
            FieldProblem.of("monthStarts[" + i + "]", b[i], "must be after " + b[i - 1]));
      }
    }
    return new FiscalCalendar(new Table(firstFiscalYear, b), FiscalYearNaming.END_YEAR, weekStart);
  }

  /**
   * This calendar with years numbered by another rule.
   *
   * @throws ValidationException if null
   */
  public FiscalCalendar withNaming(FiscalYearNaming naming) {
    require("naming", naming);
    return new FiscalCalendar(layout, naming, weekStart);
  }

  /**
   * This calendar with weeks starting on another day. A retail calendar's weeks are tied to its
   * year end, so it refuses a different day.
   *
   * @throws ValidationException if null, or a retail calendar is given another day
   */
  public FiscalCalendar withWeekStart(DayOfWeek day) {
    require("weekStart", day);
    if (layout instanceof Retail && day != weekStart) {
      throw new ValidationException(
          FieldProblem.of(
              "weekStart",
              day,
              "of a retail calendar is fixed at " + weekStart + " by its year end"));
    }
    return new FiscalCalendar(layout, naming, day);
  }

  /** How fiscal years are numbered. */
  public FiscalYearNaming naming() {
    return naming;
  }

  /** The first day of a week. */
  public DayOfWeek weekStart() {
    return weekStart;
  }

  /**
   * The number of the fiscal year the date lies in, in this calendar's naming.
   *
   * @throws ValidationException if the date is null or outside a table calendar
   */
  public int fiscalYearOf(LocalDate date) {
    require("date", date);
    return display(layout.yearOf(date));
  }

  /**
   * The period of the kind that holds the date.
   *
   * @throws ValidationException if an argument is null or the date is outside a table calendar
   */
  public FiscalPeriod periodOf(LocalDate date, PeriodKind kind) {
    require("date", date);
    require("kind", kind);
    if (kind == PeriodKind.WEEK) {
      return week(date.with(TemporalAdjusters.previousOrSame(weekStart)));
    }
    int y = layout.yearOf(date);
    LocalDate[] m = layout.monthStarts(y);
    int month = 0;
    while (!date.isBefore(m[month + 1])) {
      month++;
    }
    return switch (kind) {
      case YEAR -> new FiscalPeriod(m[0], m[MONTHS], "FY" + display(y), PeriodKind.YEAR);
      case QUARTER -> quarter(y, m, month / 3);
      default -> month(y, m, month);
    };
  }

  /**
   * The fiscal year with the number, in this calendar's naming.
   *
   * @throws ValidationException if the year lies outside a table calendar
   */
  public FiscalPeriod year(int fiscalYear) {
    int y = internal(fiscalYear);
    LocalDate[] m = layout.monthStarts(y);
    return new FiscalPeriod(m[0], m[MONTHS], "FY" + fiscalYear, PeriodKind.YEAR);
  }

  /**
   * A quarter of a fiscal year.
   *
   * @param quarter 1 to 4
   * @throws ValidationException if the quarter is not 1 to 4 or the year lies outside a table
   */
  public FiscalPeriod quarter(int fiscalYear, int quarter) {
    if (quarter < 1 || quarter > 4) {
      throw new ValidationException(FieldProblem.of("quarter", quarter, "must be 1 to 4"));
    }
    int y = internal(fiscalYear);
    return quarter(y, layout.monthStarts(y), quarter - 1);
  }

  /**
   * A fiscal month of a fiscal year.
   *
   * @param month 1 to 12, counted from the fiscal year's first month
   * @throws ValidationException if the month is not 1 to 12 or the year lies outside a table
   */
  public FiscalPeriod month(int fiscalYear, int month) {
    if (month < 1 || month > MONTHS) {
      throw new ValidationException(FieldProblem.of("month", month, "must be 1 to 12"));
    }
    int y = internal(fiscalYear);
    return month(y, layout.monthStarts(y), month - 1);
  }

  /**
   * {@code count} consecutive periods of the kind, the first holding {@code first}.
   *
   * @param count 0 or more
   * @throws ValidationException if an argument is null, the count negative, or a period falls
   *     outside a table calendar
   */
  public List<FiscalPeriod> periods(PeriodKind kind, LocalDate first, int count) {
    require("kind", kind);
    require("first", first);
    if (count < 0) {
      throw new ValidationException(FieldProblem.of("count", count, "must not be negative"));
    }
    List<FiscalPeriod> out = new ArrayList<>(count);
    LocalDate d = first;
    for (int i = 0; i < count; i++) {
      FiscalPeriod p = periodOf(d, kind);
      out.add(p);
      d = p.end();
    }
    return List.copyOf(out);
  }

  /**
   * The periods of the kind that hold a day of {@code [from, to)}, in order.
   *
   * @throws ValidationException if a date is null, {@code to} is not after {@code from}, or a
   *     period falls outside a table calendar
   */
  public List<FiscalPeriod> periodsBetween(PeriodKind kind, LocalDate from, LocalDate to) {
    require("kind", kind);
    require("from", from);
    require("to", to);
    if (!to.isAfter(from)) {
      throw new ValidationException(FieldProblem.of("to", to, "must be after from " + from));
    }
    List<FiscalPeriod> out = new ArrayList<>();
    LocalDate d = from;
    while (d.isBefore(to)) {
      FiscalPeriod p = periodOf(d, kind);
      out.add(p);
      d = p.end();
    }
    return List.copyOf(out);
  }

  /**
   * The periods of the kind that start within {@code outer}, in order: the months of a quarter, the
   * quarters of a year, the weeks starting in a month.
   *
   * @throws ValidationException if an argument is null
   */
  public List<FiscalPeriod> within(FiscalPeriod outer, PeriodKind kind) {
    require("outer", outer);
    require("kind", kind);
    List<FiscalPeriod> out = new ArrayList<>();
    FiscalPeriod p = periodOf(outer.start(), kind);
    if (p.start().isBefore(outer.start())) {
      p = periodOf(p.end(), kind);
    }
    while (p.start().isBefore(outer.end())) {
      out.add(p);
      if (!p.end().isBefore(outer.end())) {
        break;
      }
      p = periodOf(p.end(), kind);
    }
    return List.copyOf(out);
  }

  /**
   * The period of the same kind that follows.
   *
   * @throws ValidationException if null or outside a table calendar
   */
  public FiscalPeriod next(FiscalPeriod period) {
    require("period", period);
    return periodOf(period.end(), period.kind());
  }

  /**
   * The period of the same kind that precedes.
   *
   * @throws ValidationException if null or outside a table calendar
   */
  public FiscalPeriod previous(FiscalPeriod period) {
    require("period", period);
    return periodOf(period.start().minusDays(1), period.kind());
  }

  private FiscalPeriod quarter(int y, LocalDate[] m, int q) {
    return new FiscalPeriod(
        m[3 * q], m[3 * q + 3], "Q" + (q + 1) + " FY" + display(y), PeriodKind.QUARTER);
  }

  private FiscalPeriod month(int y, LocalDate[] m, int k) {
    return new FiscalPeriod(
        m[k], m[k + 1], String.format("M%02d FY%d", k + 1, display(y)), PeriodKind.MONTH);
  }

  private FiscalPeriod week(LocalDate start) {
    int y = layout.yearOf(start);
    LocalDate first = layout.monthStarts(y)[0].with(TemporalAdjusters.nextOrSame(weekStart));
    long number = ChronoUnit.DAYS.between(first, start) / 7 + 1;
    return new FiscalPeriod(
        start, start.plusDays(7), String.format("W%02d FY%d", number, display(y)), PeriodKind.WEEK);
  }

  private int display(int endYear) {
    return naming == FiscalYearNaming.START_YEAR ? endYear - layout.startOffset() : endYear;
  }

  private int internal(int fiscalYear) {
    return naming == FiscalYearNaming.START_YEAR ? fiscalYear + layout.startOffset() : fiscalYear;
  }

  private static void require(String field, Object value) {
    if (value == null) {
      throw new ValidationException(FieldProblem.of(field, null, "must not be null"));
    }
  }

  @Override
  public String toString() {
    return layout + ", weeks from " + weekStart + ", years named by " + naming;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FiscalCalendar c
        && c.layout.equals(layout)
        && c.naming == naming
        && c.weekStart == weekStart;
  }

  @Override
  public int hashCode() {
    return Objects.hash(layout, naming, weekStart);
  }

  /**
   * The year structure. Years are numbered internally by the calendar year of their last month;
   * {@code monthStarts(y)} holds 13 dates, the last being the next year's first day.
   */
  private interface Layout {
    LocalDate[] monthStarts(int y);

    /** 1 when the year's first month lies in the calendar year before its last month. */
    int startOffset();

    default int yearOf(LocalDate date) {
      int y = date.getYear();
      while (monthStarts(y)[0].isAfter(date)) {
        y--;
      }
      while (!monthStarts(y)[MONTHS].isAfter(date)) {
        y++;
      }
      return y;
    }
  }

  private record Gregorian(Month first) implements Layout {
    @Override
    public LocalDate[] monthStarts(int y) {
      LocalDate start = LocalDate.of(first == Month.JANUARY ? y : y - 1, first, 1);
      LocalDate[] m = new LocalDate[MONTHS + 1];
      for (int k = 0; k <= MONTHS; k++) {
        m[k] = start.plusMonths(k);
      }
      return m;
    }

    @Override
    public int startOffset() {
      return first == Month.JANUARY ? 0 : 1;
    }

    @Override
    public String toString() {
      return "Gregorian from " + first;
    }
  }

  private record Retail(RetailPattern pattern, DayOfWeek weekStart, Month end, YearEndRule rule)
      implements Layout {

    /** The last day of the year whose end month lies in calendar year y. */
    LocalDate lastDay(int y) {
      LocalDate monthEnd = LocalDate.of(y, end, 1).with(TemporalAdjusters.lastDayOfMonth());
      DayOfWeek weekEnd = weekStart.minus(1);
      LocalDate before = monthEnd.with(TemporalAdjusters.previousOrSame(weekEnd));
      if (rule == YearEndRule.LAST_IN_MONTH) {
        return before;
      }
      LocalDate after = monthEnd.with(TemporalAdjusters.nextOrSame(weekEnd));
      return ChronoUnit.DAYS.between(before, monthEnd) <= ChronoUnit.DAYS.between(monthEnd, after)
          ? before
          : after;
    }

    @Override
    public LocalDate[] monthStarts(int y) {
      LocalDate start = lastDay(y - 1).plusDays(1);
      LocalDate next = lastDay(y).plusDays(1);
      LocalDate[] m = new LocalDate[MONTHS + 1];
      m[0] = start;
      for (int k = 1; k < MONTHS; k++) {
        m[k] = m[k - 1].plusWeeks(pattern.weeks((k - 1) % 3 + 1));
      }
      // why: the last month takes whatever remains, 4 or 5 pattern weeks plus a 53rd week if any
      m[MONTHS] = next;
      return m;
    }

    @Override
    public int startOffset() {
      return end == Month.DECEMBER ? 0 : 1;
    }

    @Override
    public String toString() {
      return "retail " + pattern + " ending " + rule + " of " + end;
    }
  }

  private record Table(int firstYear, LocalDate[] bounds) implements Layout {
    @Override
    public LocalDate[] monthStarts(int y) {
      int from = (y - firstYear) * MONTHS;
      if (y < firstYear || from + MONTHS >= bounds.length) {
        throw new ValidationException(
            FieldProblem.of(
                "fiscalYear",
                y,
                "is outside the calendar's table, which holds FY"
                    + firstYear
                    + " to FY"
                    + (firstYear + (bounds.length - 1) / MONTHS - 1)));
      }
      LocalDate[] m = new LocalDate[MONTHS + 1];
      System.arraycopy(bounds, from, m, 0, MONTHS + 1);
      return m;
    }

    @Override
    public int yearOf(LocalDate date) {
      if (date.isBefore(bounds[0]) || !date.isBefore(bounds[bounds.length - 1])) {
        throw new ValidationException(
            FieldProblem.of(
                "date",
                date,
                "is outside the calendar's table, which covers "
                    + bounds[0]
                    + " to "
                    + bounds[bounds.length - 1].minusDays(1)));
      }
      int k = 0;
      while (!date.isBefore(bounds[(k + 1) * MONTHS])) {
        k++;
      }
      return firstYear + k;
    }

    @Override
    public int startOffset() {
      return 0;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Table t
          && t.firstYear == firstYear
          && java.util.Arrays.equals(t.bounds, bounds);
    }

    @Override
    public int hashCode() {
      return 31 * firstYear + java.util.Arrays.hashCode(bounds);
    }

    @Override
    public String toString() {
      return "table from " + bounds[0] + " (FY" + firstYear + ")";
    }
  }
}
