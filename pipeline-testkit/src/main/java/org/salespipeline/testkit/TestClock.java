package org.salespipeline.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A UTC clock tests move by hand. Instants are truncated to microseconds, the precision stores
 * keep, so that what is written compares equal to what is read back. Thread-safe.
 */
final class TestClock extends Clock {
  /** A start with a microsecond part, so that a store dropping it is caught. */
  static final Instant START = Instant.parse("2026-03-02T09:00:00.123456Z");

  private final AtomicReference<Instant> now;

  private TestClock(Instant start) {
    this.now = new AtomicReference<>(start.truncatedTo(ChronoUnit.MICROS));
  }

  static TestClock start() {
    return new TestClock(START);
  }

  /** Moves the clock on; the result is kept at microsecond precision. */
  void advance(Duration duration) {
    now.updateAndGet(i -> i.plus(duration).truncatedTo(ChronoUnit.MICROS));
  }

  /** Moves the clock on by a little over a millisecond, so that events get distinct times. */
  void tick() {
    advance(Duration.ofNanos(1_234_567));
  }

  LocalDate today() {
    return LocalDate.ofInstant(instant(), ZoneOffset.UTC);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the test clock is UTC only");
  }

  @Override
  public Instant instant() {
    return now.get();
  }
}
