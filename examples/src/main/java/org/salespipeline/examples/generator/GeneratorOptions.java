package org.salespipeline.examples.generator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What to generate.
 *
 * @param deals about how many new-business deals to open (expansion and renewal deals come on top,
 *     a few percent); at least 1
 * @param seed the seed: the same seed, deal count and {@code asOf} give the same pipeline
 * @param asOf the simulated "now": the last event happens before it and the engine's clock is left
 *     there
 * @param historyDays how many days of history before {@code asOf}; at least 30
 */
public record GeneratorOptions(int deals, long seed, Instant asOf, int historyDays) {
  /** The demo's default size. */
  public static final int DEFAULT_DEALS = 10_000;

  /** The demo's default seed. */
  public static final long DEFAULT_SEED = 42;

  /** Two years. */
  public static final int DEFAULT_HISTORY_DAYS = 730;

  /**
   * @throws IllegalArgumentException for fewer than one deal or less than 30 days of history
   */
  public GeneratorOptions {
    if (deals < 1) {
      throw new IllegalArgumentException("deals must be at least 1, was " + deals);
    }
    if (historyDays < 30) {
      throw new IllegalArgumentException("historyDays must be at least 30, was " + historyDays);
    }
    asOf = asOf.truncatedTo(ChronoUnit.SECONDS);
  }

  /** The defaults: 10,000 deals, seed 42, two years of history up to now. */
  public static GeneratorOptions defaults() {
    return new GeneratorOptions(DEFAULT_DEALS, DEFAULT_SEED, Instant.now(), DEFAULT_HISTORY_DAYS);
  }

  /** A copy with another deal count. */
  public GeneratorOptions withDeals(int deals) {
    return new GeneratorOptions(deals, seed, asOf, historyDays);
  }

  /** A copy with another seed. */
  public GeneratorOptions withSeed(long seed) {
    return new GeneratorOptions(deals, seed, asOf, historyDays);
  }

  /** A copy with another "now". */
  public GeneratorOptions withAsOf(Instant asOf) {
    return new GeneratorOptions(deals, seed, asOf, historyDays);
  }

  /** The first instant of the history. */
  public Instant start() {
    return asOf.minus(historyDays, ChronoUnit.DAYS);
  }
}
