package org.salespipeline.forecast;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.ValidationException;

/**
 * A forecast period: the dates {@code start <= d < end}. Immutable.
 *
 * @param start the first day, not null
 * @param end the first day after the period, after {@code start}
 */
public record ForecastPeriod(LocalDate start, LocalDate end) {

  /**
   * @throws ValidationException if a date is null or {@code end} is not after {@code start}
   */
  public ForecastPeriod {
    if (start == null || end == null) {
      throw new ValidationException(
          FieldProblem.of(start == null ? "start" : "end", null, "must not be null"));
    }
    if (!end.isAfter(start)) {
      throw new ValidationException(FieldProblem.of("end", end, "must be after start " + start));
    }
  }

  /** A custom period from {@code start} (inclusive) to {@code end} (exclusive). */
  public static ForecastPeriod of(LocalDate start, LocalDate end) {
    return new ForecastPeriod(start, end);
  }

  /**
   * The dates of a fiscal period, for forecasts over a {@link
   * org.salespipeline.core.calendar.FiscalCalendar}; its label and kind are not kept.
   *
   * @throws ValidationException if null
   */
  public static ForecastPeriod of(org.salespipeline.core.calendar.FiscalPeriod period) {
    if (period == null) {
      throw new ValidationException(FieldProblem.of("period", null, "must not be null"));
    }
    return new ForecastPeriod(period.start(), period.end());
  }

  /**
   * {@code count} consecutive fiscal periods of the kind, the first holding {@code first}; with
   * {@link org.salespipeline.core.calendar.FiscalCalendar#gregorian()} and {@code MONTH}, the same
   * periods as {@link #months(YearMonth, int)}.
   *
   * @throws ValidationException as {@link org.salespipeline.core.calendar.FiscalCalendar#periods}
   */
  public static List<ForecastPeriod> of(
      org.salespipeline.core.calendar.FiscalCalendar calendar,
      org.salespipeline.core.calendar.PeriodKind kind,
      LocalDate first,
      int count) {
    if (calendar == null) {
      throw new ValidationException(FieldProblem.of("calendar", null, "must not be null"));
    }
    // why: the calendar checks count first, so a negative one is a ValidationException naming it
    return calendar.periods(kind, first, count).stream().map(ForecastPeriod::of).toList();
  }

  /** The calendar month. */
  public static ForecastPeriod month(YearMonth month) {
    return new ForecastPeriod(month.atDay(1), month.plusMonths(1).atDay(1));
  }

  /** The calendar quarter ({@code 1..4}) of a year. */
  public static ForecastPeriod quarter(int year, int quarter) {
    if (quarter < 1 || quarter > 4) {
      throw new ValidationException(FieldProblem.of("quarter", quarter, "must be 1 to 4"));
    }
    LocalDate s = LocalDate.of(year, 3 * (quarter - 1) + 1, 1);
    return new ForecastPeriod(s, s.plusMonths(3));
  }

  /** {@code count} consecutive calendar months starting with {@code first}. */
  public static List<ForecastPeriod> months(YearMonth first, int count) {
    List<ForecastPeriod> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(month(first.plusMonths(i)));
    }
    return List.copyOf(out);
  }

  /**
   * Hashes the two epoch days. The record's default hash combines {@link LocalDate#hashCode()}s,
   * which differ between the first days of consecutive months only in bits 6 and up, so a hash map
   * of monthly periods put them all in one bucket.
   */
  @Override
  public int hashCode() {
    return Long.hashCode(start.toEpochDay() * 1_000_003L + end.toEpochDay());
  }

  /** The first day as epoch day. */
  public int startDay() {
    return Math.toIntExact(start.toEpochDay());
  }

  /** The first day after the period as epoch day. */
  public int endDay() {
    return Math.toIntExact(end.toEpochDay());
  }

  /** The length in days. */
  public int days() {
    return endDay() - startDay();
  }

  /** Whether the date lies in the period. */
  public boolean contains(LocalDate date) {
    return !date.isBefore(start) && date.isBefore(end);
  }
}
