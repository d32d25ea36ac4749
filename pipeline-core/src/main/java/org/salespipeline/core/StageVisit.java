package org.salespipeline.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One stay of a deal in a stage, derived from its history.
 *
 * @param stage the stage key
 * @param enteredAt when the deal entered it
 * @param leftAt when it left, or empty while it is still there
 */
public record StageVisit(String stage, Instant enteredAt, Optional<Instant> leftAt) {
  public StageVisit {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(enteredAt, "enteredAt");
    Objects.requireNonNull(leftAt, "leftAt");
  }

  /** How long the stay lasted, or has lasted until {@code now} if it is still going on. */
  public Duration duration(Instant now) {
    return Duration.between(enteredAt, leftAt.orElse(now));
  }
}
