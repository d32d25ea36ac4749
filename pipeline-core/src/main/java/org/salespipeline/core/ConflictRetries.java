package org.salespipeline.core;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How often the engine retries a command that asked for no version check ({@code expectedVersion}
 * empty) when another writer changed the deal between its read and its commit ({@link
 * ConcurrentDealModificationException}). Each retry reloads the deal and drafts the command again;
 * before it the engine waits a random time between zero and the backoff of that attempt ("full
 * jitter"), where the backoff doubles from {@link #firstBackoff()} up to {@link #maxBackoff()}.
 *
 * <p>A command that gives an expected version is never retried: its caller asked to fail on a
 * conflict. Creates, imports and retention changes are never retried either.
 *
 * <p>Immutable and thread-safe.
 */
public final class ConflictRetries {
  private static final ConflictRetries DEFAULTS =
      new ConflictRetries(8, Duration.ofMillis(1), Duration.ofMillis(64));
  private static final ConflictRetries NONE = new ConflictRetries(1, Duration.ZERO, Duration.ZERO);

  private final int maxAttempts;
  private final Duration firstBackoff;
  private final Duration maxBackoff;

  private ConflictRetries(int maxAttempts, Duration firstBackoff, Duration maxBackoff) {
    this.maxAttempts = maxAttempts;
    this.firstBackoff = firstBackoff;
    this.maxBackoff = maxBackoff;
  }

  /** Eight attempts in all, backoff from 1 ms doubling up to 64 ms: the engine's default. */
  public static ConflictRetries defaults() {
    return DEFAULTS;
  }

  /** One attempt: every conflict surfaces to the caller, as before retries existed. */
  public static ConflictRetries none() {
    return NONE;
  }

  /**
   * Custom retries.
   *
   * @param maxAttempts attempts in all, the first included: 1 to 100
   * @param firstBackoff the upper bound of the wait before the second attempt, zero or positive
   * @param maxBackoff the largest upper bound any wait doubles up to, at least {@code firstBackoff}
   * @throws ConfigurationException naming the value that is out of range
   */
  public static ConflictRetries of(int maxAttempts, Duration firstBackoff, Duration maxBackoff) {
    if (maxAttempts < 1 || maxAttempts > 100) {
      throw new ConfigurationException(
          "conflictRetries maxAttempts must be 1 to 100, was " + maxAttempts);
    }
    if (firstBackoff == null || firstBackoff.isNegative()) {
      throw new ConfigurationException(
          "conflictRetries firstBackoff must be zero or positive, was " + firstBackoff);
    }
    if (maxBackoff == null || maxBackoff.compareTo(firstBackoff) < 0) {
      throw new ConfigurationException(
          "conflictRetries maxBackoff must be at least firstBackoff "
              + firstBackoff
              + ", was "
              + maxBackoff);
    }
    return new ConflictRetries(maxAttempts, firstBackoff, maxBackoff);
  }

  /** Attempts in all, the first included; 1 means no retry. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** The upper bound of the wait before the second attempt. */
  public Duration firstBackoff() {
    return firstBackoff;
  }

  /** The largest upper bound of a wait. */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /**
   * The upper bound of the wait before attempt {@code attempt + 1}: {@code firstBackoff *
   * 2^(attempt - 1)}, at most {@code maxBackoff}.
   *
   * @param attempt the attempt that just failed, from 1
   */
  public long backoffBoundNanos(int attempt) {
    long first = firstBackoff.toNanos();
    long max = maxBackoff.toNanos();
    int shift = Math.min(Math.max(attempt - 1, 0), 40);
    long bound = first > (max >> shift) ? max : first << shift;
    return Math.min(bound, max);
  }

  /** A random wait between zero (inclusive) and {@link #backoffBoundNanos} (exclusive). */
  long jitteredBackoffNanos(int attempt, RandomGenerator random) {
    long bound = backoffBoundNanos(attempt);
    return bound <= 0 ? 0 : random.nextLong(bound);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConflictRetries r
        && r.maxAttempts == maxAttempts
        && r.firstBackoff.equals(firstBackoff)
        && r.maxBackoff.equals(maxBackoff);
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxAttempts, firstBackoff, maxBackoff);
  }

  @Override
  public String toString() {
    return "ConflictRetries{maxAttempts="
        + maxAttempts
        + ", firstBackoff="
        + firstBackoff
        + ", maxBackoff="
        + maxBackoff
        + "}";
  }
}
