package org.salespipeline.examples.generator;

import java.time.Clock;
import java.util.SplittableRandom;
import java.util.UUID;
import org.salespipeline.core.IdGenerator;

/**
 * Time-ordered version 7 UUIDs whose random bits come from a seed, so that a generated pipeline has
 * the same ids on every run with the same seed. Not for production: ids of two generators with the
 * same seed collide. Thread-safe.
 */
public final class SeededIdGenerator implements IdGenerator {
  private final Clock clock;
  private final SplittableRandom random;
  private long lastMillis = -1;
  private long sequence;

  /** Ids from the clock's milliseconds and random bits from the seed. */
  public SeededIdGenerator(Clock clock, long seed) {
    this.clock = clock;
    this.random = new SplittableRandom(seed);
  }

  @Override
  public synchronized UUID next() {
    long millis = clock.millis();
    if (millis <= lastMillis) {
      // why: the clock stands still while many records are made at one simulated instant.
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
