package org.salespipeline.examples.generator;

import java.time.Instant;
import java.util.PriorityQueue;

/**
 * The steps of the simulation in time order: each runs with the engine's clock set to its instant.
 * Steps after the end ({@code asOf}) are dropped, which is how deals stay open today. Ties run in
 * the order they were scheduled, so a seed gives one history. Not thread-safe.
 */
final class Timeline {
  private record Step(long at, long order, String what, Runnable action) {}

  private final PriorityQueue<Step> steps =
      new PriorityQueue<>(
          (a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.order, b.order));
  private final MutableClock clock;
  private final Instant end;
  private long order;
  private long run;

  Timeline(MutableClock clock, Instant end) {
    this.clock = clock;
    this.end = end;
  }

  /** Schedules a step; one at or after the end is dropped (it has not happened yet). */
  void at(Instant at, String what, Runnable action) {
    if (at.isBefore(end)) {
      steps.add(new Step(at.getEpochSecond(), order++, what, action));
    }
  }

  /** Whether a step at this instant would run. */
  boolean happens(Instant at) {
    return at.isBefore(end);
  }

  /**
   * Runs every step in time order, reporting the simulated instant after each.
   *
   * @throws IllegalStateException naming the step if one fails
   */
  void run(java.util.function.Consumer<Instant> afterEach) {
    while (!steps.isEmpty()) {
      Step step = steps.poll();
      Instant at = Instant.ofEpochSecond(step.at);
      clock.set(at);
      try {
        step.action.run();
      } catch (RuntimeException e) {
        throw new IllegalStateException(
            "generator step '" + step.what + "' at " + at + " failed", e);
      }
      run++;
      afterEach.accept(at);
    }
    clock.set(end);
  }

  /** How many steps ran. */
  long stepsRun() {
    return run;
  }
}
