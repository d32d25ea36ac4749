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

  /**
   * Time-ordered version 7 UUIDs whose random bits come from a seed, so that generated data (tests,
   * demos) gets the same ids on every run. Not for production: two generators with the same seed
   * and clock make the same ids.
   */
  static IdGenerator timeOrdered(Clock clock, long seed) {
    return new TimeOrderedIdGenerator(clock, new java.util.SplittableRandom(seed)::nextLong);
  }
}
