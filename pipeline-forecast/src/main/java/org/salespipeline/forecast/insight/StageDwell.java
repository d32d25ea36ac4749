package org.salespipeline.forecast.insight;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The stage-time section: every stay in an open stage that ended during the pass (sum, count and an
 * hourly histogram per stage), its median and p90 per stage, and the time-in-stage figures of the
 * report. The median and p90 are what other sections measure open deals against.
 */
final class StageDwell {
  static final int HOUR_BUCKETS = 1 << 16;

  private final Layout layout;
  private final long[] staySum;
  private final long[] stayCount;
  private final int[][] stayHours;
  private final long[] medianSec;
  private final long[] p90Sec;

  StageDwell(Layout layout) {
    this.layout = layout;
    int s = layout.stageCount;
    staySum = new long[s];
    stayCount = new long[s];
    stayHours = new int[s][];
    for (int g = 0; g < s; g++) {
      if (layout.isOpen(g)) {
        stayHours[g] = new int[HOUR_BUCKETS];
      }
    }
    medianSec = new long[s];
    p90Sec = new long[s];
  }

  // ---- the pass ----

  /** A deal left open stage {@code g} after {@code seconds} in it (negative counts as 0). */
  void left(int g, long seconds) {
    long stay = Math.max(0, seconds);
    staySum[g] += stay;
    stayCount[g]++;
    stayHours[g][(int) Math.min(stay / 3600, HOUR_BUCKETS - 1)]++;
  }

  /** Computes the medians and p90s; call once after the pass. */
  void finish() {
    for (int g = 0; g < layout.stageCount; g++) {
      if (layout.isOpen(g) && stayCount[g] > 0) {
        medianSec[g] = quantileHours(stayHours[g], stayCount[g], 0.5) * 3600;
        p90Sec[g] = quantileHours(stayHours[g], stayCount[g], 0.9) * 3600;
      }
    }
  }

  private static long quantileHours(int[] hist, long n, double q) {
    long rank = Math.max(1, (long) Math.ceil(q * n));
    long cum = 0;
    for (int h = 0; h < hist.length; h++) {
      cum += hist[h];
      if (cum >= rank) {
        return h;
      }
    }
    return hist.length - 1;
  }

  // ---- the report ----

  /** Whether any deal has left stage {@code g}, so that its median and p90 mean something. */
  boolean measured(int g) {
    return stayCount[g] > 0;
  }

  /** The median stay in stage {@code g}, whole hours in seconds; 0 if not measured. */
  long medianSeconds(int g) {
    return medianSec[g];
  }

  /** The 90th percentile stay in stage {@code g}, whole hours in seconds; 0 if not measured. */
  long p90Seconds(int g) {
    return p90Sec[g];
  }

  /** Time in stage per open stage, with the open deals in it at {@code nowSec}. */
  List<StageTime> times(OpenDealTable open, long nowSec) {
    int stages = layout.stageCount;
    long[] openCount = new long[stages];
    long[] openValue = new long[stages];
    long[] ageSum = new long[stages];
    long[] beyondMedian = new long[stages];
    long[] beyondP90 = new long[stages];
    for (int r = 0; r < open.size; r++) {
      int g = open.stage.a[r];
      long age = nowSec - open.stageEntered.a[r];
      openCount[g]++;
      openValue[g] += open.amount.a[r];
      ageSum[g] += age;
      if (stayCount[g] > 0 && age > medianSec[g]) {
        beyondMedian[g]++;
      }
      if (stayCount[g] > 0 && age > p90Sec[g]) {
        beyondP90[g]++;
      }
    }
    List<StageTime> times = new ArrayList<>();
    for (int g = 0; g < stages; g++) {
      if (!layout.isOpen(g)) {
        continue;
      }
      long n = stayCount[g];
      times.add(
          new StageTime(
              layout.pipelineId(g),
              layout.key[g],
              n,
              Duration.ofSeconds(n == 0 ? 0 : staySum[g] / n),
              Duration.ofSeconds(medianSec[g]),
              Duration.ofSeconds(p90Sec[g]),
              openCount[g],
              openValue[g],
              Duration.ofSeconds(openCount[g] == 0 ? 0 : ageSum[g] / openCount[g]),
              beyondMedian[g],
              beyondP90[g]));
    }
    return List.copyOf(times);
  }
}
