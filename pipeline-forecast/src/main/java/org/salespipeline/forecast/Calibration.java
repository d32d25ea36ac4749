package org.salespipeline.forecast;

import java.util.ArrayList;
import java.util.List;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.ValidationException;

/**
 * How well probabilities matched outcomes: the Brier score {@code mean (p_i - o_i)^2} in [0, 1] and
 * Murphy's (1973) decomposition over equal-width bins of the forecast, {@code reliability -
 * resolution + uncertainty}, with the reliability table. The identity is exact when every forecast
 * in a bin is equal; otherwise {@link #withinBin()} holds the remainder ({@code brier - reliability
 * + resolution - uncertainty}, Stephenson, Coelho and Jolliffe 2008). Immutable.
 *
 * <p>References: A. H. Murphy, "A new vector partition of the probability score", Journal of
 * Applied Meteorology 12 (1973) 595-600; D. B. Stephenson, C. A. S. Coelho and I. T. Jolliffe, "Two
 * extra components in the Brier score decomposition", Weather and Forecasting 23 (2008) 752-757.
 * {@link ProbabilityBacktest} scores every model's in-period deal probabilities with it.
 *
 * @param brier the Brier score, 0 for no forecasts
 * @param reliability {@code sum n_k (f_k - o_k)^2 / N}: lower is better
 * @param resolution {@code sum n_k (o_k - o)^2 / N}: higher is better
 * @param uncertainty {@code o (1 - o)} of the outcomes
 * @param withinBin the remainder of the identity from forecasts spread within bins
 * @param count N, the number of forecasts
 * @param table one row per non-empty bin, ascending
 */
public record Calibration(
    double brier,
    double reliability,
    double resolution,
    double uncertainty,
    double withinBin,
    int count,
    List<Bin> table) {

  /**
   * One bin of the reliability table.
   *
   * @param lower the bin's lower edge (inclusive)
   * @param upper the bin's upper edge (exclusive; the last bin includes 1)
   * @param count forecasts in the bin
   * @param meanForecast their mean probability
   * @param observedRate the share of them that happened
   */
  public record Bin(
      double lower, double upper, int count, double meanForecast, double observedRate) {}

  /**
   * Scores probabilities against outcomes.
   *
   * @param probabilities forecasts in [0, 1]
   * @param outcomes what happened, one per forecast
   * @param bins number of equal-width bins, at least 1 (10 is usual)
   * @throws ValidationException if lengths differ, bins &lt; 1, or a probability is NaN or outside
   *     [0, 1]
   */
  public static Calibration of(double[] probabilities, boolean[] outcomes, int bins) {
    if (probabilities.length != outcomes.length) {
      throw new ValidationException(
          FieldProblem.of("outcomes", outcomes.length, "must match " + probabilities.length));
    }
    if (bins < 1) {
      throw new ValidationException(FieldProblem.of("bins", bins, "must be at least 1"));
    }
    int n = probabilities.length;
    int[] cnt = new int[bins];
    double[] sumF = new double[bins];
    int[] hits = new int[bins];
    double brier = 0;
    int totalHits = 0;
    for (int i = 0; i < n; i++) {
      double p = probabilities[i];
      if (!(p >= 0 && p <= 1)) {
        throw new ValidationException(
            FieldProblem.of("probabilities[" + i + "]", p, "must be in [0, 1]"));
      }
      int o = outcomes[i] ? 1 : 0;
      brier += (p - o) * (p - o);
      int k = Math.min(bins - 1, (int) (p * bins));
      cnt[k]++;
      sumF[k] += p;
      hits[k] += o;
      totalHits += o;
    }
    if (n == 0) {
      return new Calibration(0, 0, 0, 0, 0, 0, List.of());
    }
    double base = (double) totalHits / n;
    double rel = 0;
    double res = 0;
    List<Bin> table = new ArrayList<>();
    for (int k = 0; k < bins; k++) {
      if (cnt[k] == 0) {
        continue;
      }
      double f = sumF[k] / cnt[k];
      double o = (double) hits[k] / cnt[k];
      rel += cnt[k] * (f - o) * (f - o);
      res += cnt[k] * (o - base) * (o - base);
      table.add(new Bin((double) k / bins, (double) (k + 1) / bins, cnt[k], f, o));
    }
    brier /= n;
    rel /= n;
    res /= n;
    double unc = base * (1 - base);
    return new Calibration(brier, rel, res, unc, brier - rel + res - unc, n, List.copyOf(table));
  }
}
