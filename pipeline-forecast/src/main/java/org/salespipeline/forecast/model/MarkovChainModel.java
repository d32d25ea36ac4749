package org.salespipeline.forecast.model;

import org.salespipeline.forecast.PipelineSnapshot;

/**
 * Win probability from an absorbing Markov chain over the open stages, estimated from stage exits:
 * {@code Q[i][j] = moved(i, j) / exits(i)}, {@code R[i] = (won(i), lost(i)) / exits(i)}. A stage
 * with no recorded exit absorbs with the pooled win share of all closes (0.5 without any close).
 * The model gives {@code B[k][won]}, or with {@link #withinSteps(int)} the win probability within h
 * stage changes.
 *
 * <p>Open rows whose stage the history does not know keep the snapshot's probability. Immutable and
 * thread-safe.
 */
public final class MarkovChainModel implements ProbabilityModel {
  private final StageTransitions history;
  private final AbsorbingChain chain;
  private final double[] win;
  private final int horizon;

  private MarkovChainModel(StageTransitions history, AbsorbingChain chain, int horizon) {
    this.history = history;
    this.chain = chain;
    this.horizon = horizon;
    int t = history.stages().size();
    this.win = new double[t];
    double[][] b = horizon < 0 ? chain.absorption() : chain.absorptionWithin(horizon);
    for (int k = 0; k < t; k++) {
      win[k] = Math.min(1, Math.max(0, b[k][0]));
    }
  }

  /**
   * Fits the chain from stage exits.
   *
   * @throws org.salespipeline.core.ValidationException if some stages only ever move among
   *     themselves and never close
   */
  public static MarkovChainModel fit(StageTransitions history) {
    int t = history.stages().size();
    long won = 0;
    long lost = 0;
    for (int k = 0; k < t; k++) {
      won += history.won(k);
      lost += history.lost(k);
    }
    double pooled = won + lost > 0 ? (double) won / (won + lost) : 0.5;
    double[][] q = new double[t][t];
    double[][] r = new double[t][2];
    for (int i = 0; i < t; i++) {
      long n = history.exits(i);
      if (n == 0) {
        r[i][0] = pooled;
        r[i][1] = 1 - pooled;
        continue;
      }
      double sum = 0;
      for (int j = 0; j < t; j++) {
        q[i][j] = (double) history.moved(i, j) / n;
        sum += q[i][j];
      }
      r[i][0] = (double) history.won(i) / n;
      r[i][1] = Math.max(0, 1 - sum - r[i][0]);
    }
    return new MarkovChainModel(history, AbsorbingChain.of(q, r), -1);
  }

  /**
   * The same chain giving the win probability within {@code h} stage changes.
   *
   * @param h steps, not negative
   */
  public MarkovChainModel withinSteps(int h) {
    chain.absorptionWithin(h); // validates h
    return new MarkovChainModel(history, chain, h);
  }

  /** The fitted chain (state k = open stage k; absorbing 0 = won, 1 = lost). */
  public AbsorbingChain chain() {
    return chain;
  }

  /** The win probability from an open stage (by the history's index). */
  public double winProbability(int stage) {
    return win[stage];
  }

  @Override
  public double[] probabilities(PipelineSnapshot s) {
    return StageWins.probabilities(s, history, win);
  }

  @Override
  public String name() {
    return horizon < 0 ? "markov" : "markov-within-" + horizon;
  }
}
