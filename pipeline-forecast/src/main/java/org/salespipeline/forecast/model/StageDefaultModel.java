package org.salespipeline.forecast.model;

import org.salespipeline.core.DealStatus;
import org.salespipeline.forecast.PipelineSnapshot;

/** The snapshot's probability column as given (stage defaults); closed rows set to 0 or 1. */
final class StageDefaultModel implements ProbabilityModel {
  static final StageDefaultModel INSTANCE = new StageDefaultModel();

  private StageDefaultModel() {}

  @Override
  public double[] probabilities(PipelineSnapshot s) {
    double[] p = s.probabilities();
    for (int i = s.openCount(); i < p.length; i++) {
      p[i] = s.status(i) == DealStatus.WON ? 1.0 : 0.0;
    }
    return p;
  }

  @Override
  public String name() {
    return "stage-default";
  }
}
