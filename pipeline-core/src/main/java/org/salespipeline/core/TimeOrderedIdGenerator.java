package org.salespipeline.core;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/** RFC 9562 version 7 UUIDs; monotonic within one generator even when the clock stands still. */
final class TimeOrderedIdGenerator implements IdGenerator {
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private long lastMillis = -1;
  private long sequence;

  TimeOrderedIdGenerator(Clock clock) {
    this.clock = clock;
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
    long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }
}
