package org.salespipeline.forecast.insight;

import java.util.ArrayList;
import java.util.List;

/**
 * The section of wins by stage: for every open stage, the closed deals that passed through it, the
 * won ones among them with their value and the time from entering the stage to the win. From these
 * come each stage's win probability (the stage default as a prior) and the velocity per stage.
 */
final class StageWins {
  /** How many closes the stage's default probability weighs as. */
  private static final int PRIOR_WEIGHT = 5;

  private final Layout layout;
  private final long[] closedFrom;
  private final long[] wonFrom;
  private final long[] wonValueFrom;
  private final long[] wonCycleFrom;
  private final double[] probability;
  // the current deal's open stages, each once, with the instant it first entered them
  private long visitedMask;
  private final int[] visitedStage = new int[64];
  private final long[] visitedAt = new long[64];
  private int visitedCount;

  StageWins(Layout layout) {
    this.layout = layout;
    int s = layout.stageCount;
    closedFrom = new long[s];
    wonFrom = new long[s];
    wonValueFrom = new long[s];
    wonCycleFrom = new long[s];
    probability = new double[s];
  }

  // ---- the pass ----

  /** A new deal begins. */
  void startDeal() {
    visitedMask = 0;
    visitedCount = 0;
  }

  /** The current deal entered open stage {@code g} at {@code sec}. */
  void entered(int g, long sec) {
    int pos = layout.position[g];
    if (pos < 64 && (visitedMask & (1L << pos)) == 0) {
      visitedMask |= 1L << pos;
      visitedStage[visitedCount] = g;
      visitedAt[visitedCount++] = sec;
    }
  }

  /** The current deal ended closed; a disqualified deal counts for no stage. */
  void closed(CurrentDeal deal) {
    if (deal.status == CurrentDeal.DISQUALIFIED) {
      return;
    }
    boolean won = deal.status == CurrentDeal.WON;
    for (int i = 0; i < visitedCount; i++) {
      int g = visitedStage[i];
      closedFrom[g]++;
      if (won) {
        wonFrom[g]++;
        wonValueFrom[g] += deal.amount;
        wonCycleFrom[g] += Math.max(0, deal.closedSec - visitedAt[i]);
      }
    }
  }

  /** Computes the probabilities; call once after the pass. */
  void finish() {
    for (int g = 0; g < layout.stageCount; g++) {
      probability[g] =
          (wonFrom[g] + PRIOR_WEIGHT * layout.defaultProbability[g])
              / (closedFrom[g] + PRIOR_WEIGHT);
    }
  }

  // ---- the report ----

  /** The win probability of a deal in stage {@code g}. */
  double probability(int g) {
    return probability[g];
  }

  /** Velocity per open stage, with the open deals in each. */
  List<StageVelocity> velocity(OpenDealTable open) {
    long[] stageOpen = new long[layout.stageCount];
    for (int r = 0; r < open.size; r++) {
      stageOpen[open.stage.a[r]]++;
    }
    List<StageVelocity> byStage = new ArrayList<>();
    for (int g = 0; g < layout.stageCount; g++) {
      if (!layout.isOpen(g)) {
        continue;
      }
      long won = wonFrom[g];
      byStage.add(
          new StageVelocity(
              layout.pipelineId(g),
              layout.key[g],
              Velocity.of(
                  stageOpen[g],
                  won == 0 ? 0 : (double) wonValueFrom[g] / won,
                  Figures.rate(won, closedFrom[g]),
                  won == 0 ? 0 : wonCycleFrom[g] / 86_400.0 / won)));
    }
    return List.copyOf(byStage);
  }
}
