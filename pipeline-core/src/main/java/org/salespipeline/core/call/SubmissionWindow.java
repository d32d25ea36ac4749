package org.salespipeline.core.call;

import java.time.Instant;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.ValidationException;

/**
 * When calls for a period may be submitted: from {@code opens} (inclusive) until {@code deadline}
 * (exclusive). From the deadline on a call is late; from {@code locks} on the period's calls are
 * final. Late and locked calls are both refused ({@link CallRefusedException}); the difference
 * tells the submitter whether the host may still extend the deadline. Immutable.
 *
 * @param opens the first instant calls are taken
 * @param deadline the first instant a call is late, after {@code opens}
 * @param locks the first instant the period is locked, not before {@code deadline}
 */
public record SubmissionWindow(Instant opens, Instant deadline, Instant locks) {

  /** Why a call falls outside the window. */
  public enum Refusal {
    /** Before the window opens. */
    NOT_OPEN,
    /** At or after the deadline, before the lock. */
    LATE,
    /** At or after the lock. */
    LOCKED
  }

  /**
   * @throws ValidationException if an instant is null or they are out of order
   */
  public SubmissionWindow {
    if (opens == null || deadline == null || locks == null) {
      throw new ValidationException(
          FieldProblem.of(
              opens == null ? "opens" : deadline == null ? "deadline" : "locks",
              null,
              "must not be null"));
    }
    if (!deadline.isAfter(opens)) {
      throw new ValidationException(
          FieldProblem.of("deadline", deadline, "must be after the window opens at " + opens));
    }
    if (locks.isBefore(deadline)) {
      throw new ValidationException(
          FieldProblem.of("locks", locks, "must not be before the deadline " + deadline));
    }
  }

  /** A window that locks at its deadline. */
  public static SubmissionWindow of(Instant opens, Instant deadline) {
    return new SubmissionWindow(opens, deadline, deadline);
  }

  /** Why a call at the instant is refused; empty if it is taken. */
  public java.util.Optional<Refusal> refusalAt(Instant at) {
    if (at.isBefore(opens)) {
      return java.util.Optional.of(Refusal.NOT_OPEN);
    }
    if (!at.isBefore(locks)) {
      return java.util.Optional.of(Refusal.LOCKED);
    }
    if (!at.isBefore(deadline)) {
      return java.util.Optional.of(Refusal.LATE);
    }
    return java.util.Optional.empty();
  }
}
