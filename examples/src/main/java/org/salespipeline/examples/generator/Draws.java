package org.salespipeline.examples.generator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/** Random draws from one seeded source, with the shapes a sales pipeline has. Not thread-safe. */
final class Draws {
  private final SplittableRandom random;

  Draws(long seed) {
    this.random = new SplittableRandom(seed);
  }

  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  double uniform(double from, double to) {
    return from + (to - from) * random.nextDouble();
  }

  int between(int from, int toInclusive) {
    return from + random.nextInt(toInclusive - from + 1);
  }

  <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  /** One of the items, item i with weight {@code weights[i]}. */
  <T> T pick(List<T> items, double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double x = random.nextDouble() * total;
    for (int i = 0; i < items.size(); i++) {
      x -= weights[i];
      if (x < 0) {
        return items.get(i);
      }
    }
    return items.get(items.size() - 1);
  }

  double gaussian() {
    // why: Box-Muller keeps the draw sequence ours (java.util.Random's cache would not be seeded).
    double u1 = 1.0 - random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** A lognormal draw with the given median and shape. */
  double lognormal(double median, double sigma) {
    return median * Math.exp(sigma * gaussian());
  }

  /** A duration of about {@code medianDays} days, lognormal, at least an hour. */
  Duration days(double medianDays, double sigma) {
    double days = lognormal(medianDays, sigma);
    return Duration.ofSeconds(Math.max(3600, (long) (days * 86_400)));
  }

  /** An instant between two instants. */
  Instant within(Instant from, Instant to) {
    long span = Math.max(1, Duration.between(from, to).getSeconds());
    return from.plusSeconds((long) (random.nextDouble() * span));
  }

  /** A fraction of the way between two instants. */
  static Instant at(Instant from, Instant to, double fraction) {
    long span = Duration.between(from, to).getSeconds();
    return from.plusSeconds((long) (span * fraction));
  }
}
