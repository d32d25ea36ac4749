package org.salespipeline.core;

import java.util.Objects;
import java.util.Optional;

/**
 * Why a deal closed.
 *
 * @param status won, lost or disqualified
 * @param reason a short reason, for example {@code price}, {@code no budget}, {@code chose
 *     competitor}
 * @param detail free text, for example the competitor's name
 */
public record CloseReason(DealStatus status, String reason, Optional<String> detail) {
  public CloseReason {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
    if (status == DealStatus.OPEN) {
      throw new ValidationException(FieldProblem.of("status", status, "must be a closed status"));
    }
  }
}
