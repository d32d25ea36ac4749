package org.salespipeline.forecast.distribution;

import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.ValidationException;

/**
 * The Poisson-binomial distribution: the number of wins among independent deals with win
 * probabilities {@code p_i}. Thread-safe: no state.
 */
public final class PoissonBinomial {
  private PoissonBinomial() {}

  /**
   * The probability mass function {@code P(K = k)}, {@code k = 0..n}, by the O(n^2) recursive
   * convolution (stable: only products and sums of non-negative numbers).
   *
   * @param p the win probabilities in [0, 1]; not modified
   * @return a new array of n + 1 probabilities summing to 1
   * @throws ValidationException if a probability is NaN or outside [0, 1]
   */
  public static double[] pmf(double[] p) {
    double[] f = new double[p.length + 1];
    f[0] = 1;
    for (int i = 0; i < p.length; i++) {
      double pi = p[i];
      if (!(pi >= 0 && pi <= 1)) {
        throw new ValidationException(FieldProblem.of("p[" + i + "]", pi, "must be in [0, 1]"));
      }
      double qi = 1 - pi;
      for (int k = i + 1; k > 0; k--) {
        f[k] = f[k] * qi + f[k - 1] * pi;
      }
      f[0] *= qi;
    }
    return f;
  }
}
