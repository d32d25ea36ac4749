package org.salespipeline.core.calendar;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.ValidationException;

/**
 * One period of a {@link FiscalCalendar}: the dates {@code start <= d < end}, its label (for
 * example {@code Q3 FY2027}) and kind. Immutable. Two periods are equal when every component is.
 *
 * @param start the first day, not null
 * @param end the first day after the period, after {@code start}
 * @param label the display label, unique among the calendar's periods of this kind; not blank
 * @param kind the kind, not null
 */
public record FiscalPeriod(LocalDate start, LocalDate end, String label, PeriodKind kind) {

  /**
   * @throws ValidationException if a component is null, the label blank, or {@code end} not after
   *     {@code start}
   */
  public FiscalPeriod {
    if (start == null || end == null || kind == null) {
      String field = start == null ? "start" : end == null ? "end" : "kind";
      throw new ValidationException(FieldProblem.of(field, null, "must not be null"));
    }
    if (label == null || label.isBlank()) {
      throw new ValidationException(FieldProblem.of("label", label, "must not be blank"));
    }
    if (!end.isAfter(start)) {
      throw new ValidationException(FieldProblem.of("end", end, "must be after start " + start));
    }
  }

  /** Whether the date lies in the period. */
  public boolean contains(LocalDate date) {
    return !date.isBefore(start) && date.isBefore(end);
  }

  /** The length in days. */
  public int days() {
    return (int) ChronoUnit.DAYS.between(start, end);
  }

  /** The last day of the period (inclusive), for APIs such as {@code Quota} that take one. */
  public LocalDate lastDay() {
    return end.minusDays(1);
  }

  @Override
  public String toString() {
    return label + " [" + start + ", " + end + ")";
  }
}
