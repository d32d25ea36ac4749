package org.salespipeline.forecast.model;

import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.ValidationException;

/**
 * A Beta(alpha, beta) prior on a conversion rate; the posterior mean after {@code s} successes in
 * {@code n} trials is {@code (alpha + s) / (alpha + beta + n)}, which lies between the prior mean
 * and the raw rate {@code s / n}.
 *
 * @param alpha positive
 * @param beta positive
 */
public record BetaPrior(double alpha, double beta) {

  /** Used when the data show no spread to fit: a weak prior of two pseudo-observations. */
  public static final double WEAK_STRENGTH = 2.0;

  /**
   * @throws ValidationException unless both parameters are positive and finite
   */
  public BetaPrior {
    if (!(alpha > 0) || !(beta > 0) || Double.isInfinite(alpha) || Double.isInfinite(beta)) {
      throw new ValidationException(
          FieldProblem.of("prior", alpha + "," + beta, "needs positive, finite alpha and beta"));
    }
  }

  /** The prior mean {@code alpha / (alpha + beta)}. */
  public double mean() {
    return alpha / (alpha + beta);
  }

  /** The posterior mean after {@code successes} out of {@code trials}. */
  public double posteriorMean(long successes, long trials) {
    return (alpha + successes) / (alpha + beta + trials);
  }

  /**
   * Fits the prior to groups (stages) by the method of moments of the beta-binomial: with the
   * pooled mean rate m and the between-group variance v of the raw rates, less the binomial part
   * {@code m (1 - m) mean(1 / n)}, {@code alpha + beta = m (1 - m) / v - 1}. Groups with no trials
   * are skipped. The strength {@code alpha + beta} is kept within [{@link #WEAK_STRENGTH}, total
   * trials]: with fewer than two groups it is weak; with no spread beyond binomial noise (the
   * groups look alike) it is the total, so the prior never outweighs all the data together. The
   * mean is {@code (s + 0.5) / (n + 1)}, strictly inside (0, 1).
   *
   * @param successes per group
   * @param trials per group, at least the successes
   */
  public static BetaPrior fitMoments(long[] successes, long[] trials) {
    double totalS = 0;
    double totalN = 0;
    int groups = 0;
    double invN = 0;
    for (int k = 0; k < trials.length; k++) {
      if (successes[k] < 0 || successes[k] > trials[k]) {
        throw new ValidationException(
            FieldProblem.of("successes[" + k + "]", successes[k], "must be in [0, trials]"));
      }
      if (trials[k] > 0) {
        totalS += successes[k];
        totalN += trials[k];
        groups++;
        invN += 1.0 / trials[k];
      }
    }
    // Jeffreys-style pull keeps the mean strictly inside (0, 1)
    double m = (totalS + 0.5) / (totalN + 1);
    if (groups < 2) {
      return new BetaPrior(m * WEAK_STRENGTH, (1 - m) * WEAK_STRENGTH);
    }
    double v = 0;
    for (int k = 0; k < trials.length; k++) {
      if (trials[k] > 0) {
        double r = (double) successes[k] / trials[k];
        v += (r - m) * (r - m);
      }
    }
    v = v / (groups - 1) - m * (1 - m) * invN / groups;
    double cap = Math.max(WEAK_STRENGTH, totalN);
    double strength = v > 0 ? m * (1 - m) / v - 1 : cap;
    strength = Math.max(WEAK_STRENGTH, Math.min(cap, strength));
    return new BetaPrior(m * strength, (1 - m) * strength);
  }
}
