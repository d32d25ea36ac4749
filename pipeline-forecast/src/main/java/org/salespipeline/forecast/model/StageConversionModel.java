package org.salespipeline.forecast.model;

import org.salespipeline.forecast.PipelineSnapshot;

/**
 * Learned stage conversion: {@code c_k} = deals that left stage k forward (to a later stage or won)
 * / deals that left k, shrunk toward a Beta prior fitted across stages by the method of moments
 * ({@link BetaPrior#fitMoments}); a deal in stage k wins with {@code prod_{j >= k} c_j}. Counting
 * exits per stage rather than won / (won + lost) of recent closes avoids the bias toward deals that
 * close fast.
 *
 * <p>Open rows whose stage the history does not know keep the snapshot's probability. Immutable and
 * thread-safe.
 */
public final class StageConversionModel implements ProbabilityModel {
  private final StageTransitions history;
  private final BetaPrior prior;
  private final double[] conversion;
  private final double[] win;

  private StageConversionModel(StageTransitions history) {
    this.history = history;
    int t = history.stages().size();
    long[] s = new long[t];
    long[] n = new long[t];
    for (int k = 0; k < t; k++) {
      s[k] = history.advanced(k);
      n[k] = history.exits(k);
    }
    this.prior = BetaPrior.fitMoments(s, n);
    this.conversion = new double[t];
    this.win = new double[t];
    double w = 1;
    for (int k = t - 1; k >= 0; k--) {
      conversion[k] = prior.posteriorMean(s[k], n[k]);
      w *= conversion[k];
      win[k] = w;
    }
  }

  /**
   * Fits the model: one pass over the counts.
   *
   * @param history stage exits, not null
   */
  public static StageConversionModel fit(StageTransitions history) {
    return new StageConversionModel(history);
  }

  /** The fitted prior. */
  public BetaPrior prior() {
    return prior;
  }

  /** The shrunk conversion rate of an open stage (by the history's index). */
  public double conversion(int stage) {
    return conversion[stage];
  }

  /** The win probability from an open stage: the product of the conversions from it on. */
  public double winProbability(int stage) {
    return win[stage];
  }

  @Override
  public double[] probabilities(PipelineSnapshot s) {
    return StageWins.probabilities(s, history, win);
  }

  @Override
  public String name() {
    return "stage-conversion";
  }
}
