package org.salespipeline.core.store;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;
import org.salespipeline.core.event.DealEvent;

/**
 * Which history events to stream: those at or after {@link #from()} and at or before {@link
 * #until()}. Streams are ordered by deal id, then sequence, so each deal's history arrives whole
 * and in order.
 */
@Value.Immutable
public abstract class EventQuery {
  public static Builder builder() {
    return new Builder();
  }

  /** Every event. */
  public static EventQuery all() {
    return builder().build();
  }

  /** Every event up to and including the instant: the history as it was known then. */
  public static EventQuery until(Instant until) {
    return builder().until(until).build();
  }

  /** Inclusive lower bound. */
  public abstract Optional<Instant> from();

  /** Inclusive upper bound. */
  public abstract Optional<Instant> until();

  /** Whether the event is within the bounds. */
  public boolean matches(DealEvent event) {
    return from().map(f -> !event.at().isBefore(f)).orElse(true)
        && until().map(u -> !event.at().isAfter(u)).orElse(true);
  }

  /** Builds queries; not thread-safe. */
  public static class Builder extends ImmutableEventQuery.Builder {}
}
