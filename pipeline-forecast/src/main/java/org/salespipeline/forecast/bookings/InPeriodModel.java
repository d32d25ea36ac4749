package org.salespipeline.forecast.bookings;

/**
 * The probability that a deal open at day T wins within a window of days, from a discrete-time
 * competing-risks hazard (win, loss) by deal age with a multiplicative win factor per position in
 * the quarter (first, second, third month), all learned from the deals' first lives before T.
 * Immutable once fitted.
 *
 * <p>Estimation: deal-days at risk and events are counted per age bucket and calendar position,
 * over the days from the workspace's first recorded close up to T (before the first close nothing
 * was recorded as closing, which says nothing about the hazard: such days are left-truncated).
 * Hazard and calendar factors are fitted alternately (a Poisson proportional-hazards fit). Thin
 * buckets shrink towards the pooled hazard with a prior worth {@link #PRIOR_EVENTS} events;
 * calendar factors shrink towards 1 with a prior worth {@link #CALENDAR_PRIOR_EVENTS} events
 * (empirical-Bayes style; both are generic defaults, not fitted to any data set).
 */
final class InPeriodModel {
  /** Prior strength of the pooled hazard in each age bucket, in events. */
  static final double PRIOR_EVENTS = 2.0;

  /** Prior strength of "no calendar effect" in each calendar position, in events. */
  static final double CALENDAR_PRIOR_EVENTS = 20.0;

  /** Alternating fit rounds; the product hazard x factor settles in a few. */
  private static final int ROUNDS = 8;

  /** Bucket upper bounds in days of age: weekly to 8 weeks, fortnightly to 16, 4-weekly to 52. */
  private static final int[] BOUNDS = buildBounds();

  private static final int[] BUCKET_OF_AGE = buildBucketOfAge();

  private static final int POSITIONS = 3;

  private final double[] winHazard;
  private final double[] lossHazard;
  private final double[] calendar;
  private final boolean empty;
  private final Calendar positions;
  private final long wins;

  private InPeriodModel(
      double[] winHazard,
      double[] lossHazard,
      double[] calendar,
      boolean empty,
      Calendar positions,
      long wins) {
    this.winHazard = winHazard;
    this.lossHazard = lossHazard;
    this.calendar = calendar;
    this.empty = empty;
    this.positions = positions;
    this.wins = wins;
  }

  private static int[] buildBounds() {
    GrowableInts b = new GrowableInts(32);
    for (int a = 7; a <= 56; a += 7) {
      b.add(a);
    }
    for (int a = 70; a <= 112; a += 14) {
      b.add(a);
    }
    for (int a = 140; a <= 364; a += 28) {
      b.add(a);
    }
    return b.toArray();
  }

  static int bucket(int age) {
    return age < BUCKET_OF_AGE.length ? BUCKET_OF_AGE[age] : BOUNDS.length;
  }

  private static int[] buildBucketOfAge() {
    int[] out = new int[BOUNDS[BOUNDS.length - 1] + 1];
    int b = 0;
    for (int age = 0; age < out.length; age++) {
      while (b < BOUNDS.length && BOUNDS[b] <= age) {
        b++;
      }
      out[age] = b;
    }
    return out;
  }

  private static final int BUCKETS = BOUNDS.length + 1;

  /** Whether the history before T held no close to learn from (every probability is then 0). */
  boolean empty() {
    return empty;
  }

  /** Wins the model learned from. */
  long wins() {
    return wins;
  }

  /** The learned factor of a calendar position (0, 1, 2: month of the quarter). */
  double calendarFactor(int position) {
    return calendar[position];
  }

  /**
   * Fits the model on the facts recorded before day {@code t}.
   *
   * @param c the columns
   * @param order deals by creation day (see {@link CreationOrder})
   * @param cal calendar positions by day
   * @param t the origin day
   */
  static InPeriodModel fit(DealColumns c, CreationOrder order, Calendar cal, int t) {
    // the earliest close known before t is the earliest close of all, if that lies before t
    int obsStart = c.firstCloseDay < t ? c.firstCloseDay : Integer.MAX_VALUE;
    double[] cals = {1, 1, 1};
    if (obsStart == Integer.MAX_VALUE) {
      return new InPeriodModel(new double[BUCKETS], new double[BUCKETS], cals, true, cal, 0);
    }
    double[][] exposure = new double[BUCKETS][POSITIONS];
    double[][] winCount = new double[BUCKETS][POSITIONS];
    double[] lossCount = new double[BUCKETS];
    int span = t - c.firstDay + 1;
    int[] closeW = new int[span + 1];
    int[] closeL = new int[span + 1];
    long totalWins = 0;
    for (int day = order.firstDay(); day < t; day++) {
      int from = order.startOf(day);
      int to = order.startOf(day + 1);
      if (from == to) {
        continue;
      }
      int maxAge = t - day;
      int running = to - from;
      for (int j = from; j < to; j++) {
        int i = order.deal(j);
        int close = c.firstClose[i];
        if (close < t) {
          if (c.firstWon[i]) {
            closeW[close - day]++;
          } else {
            closeL[close - day]++;
          }
        }
      }
      for (int a = 0; a < maxAge && running > 0; a++) {
        int w = closeW[a];
        int l = closeL[a];
        if (day + a >= obsStart) {
          int b = bucket(a);
          int p = cal.position(day + a);
          exposure[b][p] += running;
          winCount[b][p] += w;
          lossCount[b] += l;
          totalWins += w;
        }
        running -= w + l;
        closeW[a] = 0;
        closeL[a] = 0;
      }
    }
    double[] h = new double[BUCKETS];
    double[] l = new double[BUCKETS];
    double[] expBucket = new double[BUCKETS];
    double[] winBucket = new double[BUCKETS];
    double totalExposure = 0;
    double totalLosses = 0;
    double[] winPos = new double[POSITIONS];
    for (int b = 0; b < BUCKETS; b++) {
      for (int p = 0; p < POSITIONS; p++) {
        expBucket[b] += exposure[b][p];
        winBucket[b] += winCount[b][p];
        winPos[p] += winCount[b][p];
      }
      totalExposure += expBucket[b];
      totalLosses += lossCount[b];
    }
    if (totalExposure <= 0) {
      return new InPeriodModel(h, l, cals, true, cal, 0);
    }
    double pooledLoss = totalLosses / totalExposure;
    double lossStrength = pooledLoss > 0 ? PRIOR_EVENTS / pooledLoss : 0;
    for (int b = 0; b < BUCKETS; b++) {
      double denominator = expBucket[b] + lossStrength;
      l[b] =
          denominator > 0 ? (lossCount[b] + lossStrength * pooledLoss) / denominator : pooledLoss;
    }
    for (int round = 0; round < ROUNDS; round++) {
      double weighted = 0;
      double[] expCal = new double[BUCKETS];
      for (int b = 0; b < BUCKETS; b++) {
        for (int p = 0; p < POSITIONS; p++) {
          expCal[b] += exposure[b][p] * cals[p];
        }
        weighted += expCal[b];
      }
      double pooled = totalWins / weighted;
      double strength = pooled > 0 ? PRIOR_EVENTS / pooled : 0;
      for (int b = 0; b < BUCKETS; b++) {
        double denominator = expCal[b] + strength;
        h[b] = denominator > 0 ? (winBucket[b] + strength * pooled) / denominator : pooled;
      }
      for (int p = 0; p < POSITIONS; p++) {
        double expected = 0;
        for (int b = 0; b < BUCKETS; b++) {
          expected += exposure[b][p] * h[b];
        }
        cals[p] = (winPos[p] + CALENDAR_PRIOR_EVENTS) / (expected + CALENDAR_PRIOR_EVENTS);
      }
    }
    return new InPeriodModel(h, l, cals, false, cal, totalWins);
  }

  /**
   * The probability of winning on a day in {@code [windowStart, windowEnd)}, by age at {@code t}
   * (index 0 to {@code maxAge}), for a deal open at the start of {@code t <= windowStart}.
   */
  double[] windowProbabilities(int t, int windowStart, int windowEnd, int maxAge) {
    double[] out = new double[maxAge + 1];
    if (empty) {
      return out;
    }
    for (int age = 0; age <= maxAge; age++) {
      double survive = 1;
      double p = 0;
      for (int d = t; d < windowEnd; d++) {
        int b = bucket(age + d - t);
        double hw = Math.min(1, winHazard[b] * calendar[positions.position(d)]);
        double hl = lossHazard[b];
        if (d >= windowStart) {
          p += survive * hw;
        }
        survive *= Math.max(0, 1 - hw - hl);
      }
      out[age] = Math.min(1, p);
    }
    return out;
  }
}
