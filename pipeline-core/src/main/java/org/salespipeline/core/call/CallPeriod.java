package org.salespipeline.core.call;

import java.time.LocalDate;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.ValidationException;

/**
 * The period a call or an adjustment is about: the dates {@code start <= d < end}, as a fiscal
 * calendar produced them. Stored as the two dates, so a later change of calendar never alters a
 * stored call. Immutable.
 *
 * @param start the first day, not null
 * @param end the first day after the period, after {@code start}
 */
public record CallPeriod(LocalDate start, LocalDate end) {

  /**
   * @throws ValidationException if a date is null or {@code end} is not after {@code start}
   */
  public CallPeriod {
    if (start == null || end == null) {
      throw new ValidationException(
          FieldProblem.of(start == null ? "period.start" : "period.end", null, "must not be null"));
    }
    if (!end.isAfter(start)) {
      throw new ValidationException(
          FieldProblem.of("period.end", end, "must be after the period's start " + start));
    }
  }

  /** The period from {@code start} (inclusive) to {@code end} (exclusive). */
  public static CallPeriod of(LocalDate start, LocalDate end) {
    return new CallPeriod(start, end);
  }

  /** Whether the date lies in the period. */
  public boolean contains(LocalDate date) {
    return !date.isBefore(start) && date.isBefore(end);
  }

  @Override
  public String toString() {
    return start + ".." + end;
  }
}
