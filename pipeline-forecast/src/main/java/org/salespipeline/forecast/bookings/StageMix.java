package org.salespipeline.forecast.bookings;

/**
 * Relative win factors by stage and time in stage, on top of the age hazard: deals open at past
 * origins are grouped by (stage, time-in-stage bucket) and each group's wins within the period are
 * compared with what the age model expected of them, relative to all groups together (the level is
 * left to the period calibration). A group's factor is (wins + K) / (R x expected + K), R the
 * overall wins / expected ratio and K = {@link #PRIOR_EVENTS}: a group with few deals stays near 1
 * (the pooled estimate), a large one moves to its own rate (empirical-Bayes shrinkage).
 *
 * <p>Time-in-stage buckets: a deal still in the stage it was created in forms one group per stage
 * (its time in stage is its age, which the hazard already models); a deal that has moved falls in
 * under 14 days, 14 to 41, or 42 and more days in its current stage. Generic defaults.
 */
final class StageMix {
  /** Prior strength of "no stage effect" in each group, in expected wins. A generic default. */
  static final double PRIOR_EVENTS = 5.0;

  static final int TIME_BUCKETS = 4;

  private StageMix() {}

  static int groups(DealColumns c) {
    return (c.stages + 1) * TIME_BUCKETS;
  }

  /** The group of a deal open at the start of {@code t}. */
  static int group(DealColumns c, int deal, int t) {
    long s = c.stageAt(deal, t);
    int stage = (int) (s >> 32);
    int since = (int) s;
    int inStage = t - since;
    int bucket = since <= c.created[deal] ? 0 : inStage < 14 ? 1 : inStage < 42 ? 2 : 3;
    return (stage + 1) * TIME_BUCKETS + bucket;
  }

  /** Factors from summed {expected, wins} per group; all 1 when nothing was expected. */
  static double[] factors(double[] expected, double[] wins) {
    double e = 0;
    double w = 0;
    for (int g = 0; g < expected.length; g++) {
      e += expected[g];
      w += wins[g];
    }
    double[] f = new double[expected.length];
    double ratio = e > 0 ? w / e : 1;
    for (int g = 0; g < f.length; g++) {
      f[g] = (wins[g] + PRIOR_EVENTS) / (ratio * expected[g] + PRIOR_EVENTS);
    }
    return f;
  }
}
