package org.salespipeline.core;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import java.util.function.LongSupplier;

/** RFC 9562 version 7 UUIDs; monotonic within one generator even when the clock stands still. */
final class TimeOrderedIdGenerator implements IdGenerator {
  private final Clock clock;
  private final LongSupplier random;
  private long lastMillis = -1;
  private long sequence;

  TimeOrderedIdGenerator(Clock clock) {
    this(clock, new SecureRandom()::nextLong);
  }

  /** Random bits from the supplier; it is only called under this generator's lock. */
  TimeOrderedIdGenerator(Clock clock, LongSupplier random) {
    this.clock = clock;
    this.random = random;
  }

  @Override
  public synchronized UUID next() {
    long millis = clock.millis();
    if (millis <= lastMillis) {
      // why: a 12-bit counter in rand_a keeps ids ordered when many are made in one millisecond.
      millis = lastMillis;
      sequence++;
      if (sequence > 0xFFF) {
        millis++;
        sequence = 0;
      }
    } else {
      sequence = 0;
    }
    lastMillis = millis;
    long msb = (millis << 16) | 0x7000L | sequence;
    long lsb = (random.getAsLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }
}
