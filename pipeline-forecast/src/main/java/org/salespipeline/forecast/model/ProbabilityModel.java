package org.salespipeline.forecast.model;

import java.util.List;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.ValidationException;
import org.salespipeline.forecast.PipelineSnapshot;

/**
 * Gives each open deal of a snapshot its win probability. Implementations must be immutable and
 * thread-safe, must not keep or change the snapshot, and must never return NaN.
 *
 * <p>The rep's probability override is never an input: the forecast shows it beside the model's
 * value.
 */
public interface ProbabilityModel {

  /**
   * The probability of every row, indexed like the snapshot ({@code length == snapshot.size()}).
   * Open rows get the model's value in [0, 1]; won rows 1; lost and disqualified rows 0.
   *
   * @param snapshot the pipeline, not null
   * @return a new array the caller owns
   */
  double[] probabilities(PipelineSnapshot snapshot);

  /** A short name for reports, for example {@code markov}. */
  String name();

  /** The snapshot's own probability column: stage defaults or whatever the host put there. */
  static ProbabilityModel stageDefault() {
    return StageDefaultModel.INSTANCE;
  }

  /**
   * A convex combination of models: {@code sum w_k p_k / sum w_k}.
   *
   * @param models the models, not empty
   * @param weights one non-negative weight per model, not all zero
   * @throws ValidationException if the lists disagree in size or the weights are invalid
   */
  static ProbabilityModel blend(List<ProbabilityModel> models, List<Double> weights) {
    if (models.isEmpty() || models.size() != weights.size()) {
      throw new ValidationException(
          FieldProblem.of("weights", weights, "must have one weight per model, at least one"));
    }
    double total = 0;
    for (double w : weights) {
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new ValidationException(FieldProblem.of("weights", w, "must be finite and >= 0"));
      }
      total += w;
    }
    if (total <= 0) {
      throw new ValidationException(FieldProblem.of("weights", weights, "must not all be zero"));
    }
    List<ProbabilityModel> ms = List.copyOf(models);
    double[] ws = weights.stream().mapToDouble(Double::doubleValue).toArray();
    double sum = total;
    return new ProbabilityModel() {
      @Override
      public double[] probabilities(PipelineSnapshot snapshot) {
        double[] out = new double[snapshot.size()];
        for (int k = 0; k < ms.size(); k++) {
          double[] p = ms.get(k).probabilities(snapshot);
          double w = ws[k] / sum;
          for (int i = 0; i < out.length; i++) {
            out[i] += w * p[i];
          }
        }
        for (int i = 0; i < out.length; i++) {
          out[i] = Math.min(1.0, Math.max(0.0, out[i]));
        }
        return out;
      }

      @Override
      public String name() {
        return "blend" + ms.stream().map(ProbabilityModel::name).toList();
      }
    };
  }
}
