package org.salespipeline.examples.generator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock that stands still until set. The generator and the importers build the engine with one
 * and set it to each event's past time, so that history carries the times things happened.
 *
 * <p>Thread-safe (the instant is volatile), but meant to be driven from one thread.
 */
public final class MutableClock extends Clock {
  private final ZoneId zone;
  private volatile Instant now;

  /** A UTC clock standing at {@code start}. */
  public MutableClock(Instant start) {
    this(start, ZoneOffset.UTC);
  }

  private MutableClock(Instant start, ZoneId zone) {
    this.now = Objects.requireNonNull(start, "start");
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  /** Sets the time. */
  public void set(Instant instant) {
    this.now = Objects.requireNonNull(instant, "instant");
  }

  /** Moves the time on (or back, for a negative duration). */
  public void advance(Duration duration) {
    this.now = now.plus(duration);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** A clock in another zone that does not follow this one's later changes. */
  @Override
  public Clock withZone(ZoneId zone) {
    return new MutableClock(now, zone);
  }
}
