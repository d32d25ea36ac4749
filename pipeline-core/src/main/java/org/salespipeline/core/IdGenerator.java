package org.salespipeline.core;

import java.time.Clock;
import java.util.UUID;

/**
 * Makes ids for new records. Implementations must be thread-safe and never repeat an id.
 *
 * <p>The default, {@link #timeOrdered(Clock)}, makes version 7 UUIDs (RFC 9562): 48 bits of
 * milliseconds since the epoch followed by random bits, so ids sort by creation time.
 */
@FunctionalInterface
public interface IdGenerator {

  /** A new, never repeated id. */
  UUID next();

  /** Time-ordered version 7 UUIDs from the given clock. */
  static IdGenerator timeOrdered(Clock clock) {
    return new TimeOrderedIdGenerator(clock);
  }
}
