package org.salespipeline.forecast.model;

import org.salespipeline.core.DealStatus;
import org.salespipeline.forecast.PipelineSnapshot;

/** Shared by the models that learn one win probability per open stage from the history. */
final class StageWins {
  private StageWins() {}

  /**
   * Each open row gets its stage's learned probability (its own probability column when the history
   * never saw the stage); won rows 1, lost and disqualified rows 0.
   */
  static double[] probabilities(PipelineSnapshot s, StageTransitions history, double[] win) {
    int[] map = new int[s.stageNames().size()];
    for (int k = 0; k < map.length; k++) {
      map[k] = history.indexOf(s.stageNames().get(k));
    }
    double[] p = new double[s.size()];
    for (int i = 0; i < s.openCount(); i++) {
      int k = map[s.stage(i)];
      p[i] = k >= 0 ? win[k] : s.probability(i);
    }
    for (int i = s.openCount(); i < p.length; i++) {
      p[i] = s.status(i) == DealStatus.WON ? 1 : 0;
    }
    return p;
  }
}
