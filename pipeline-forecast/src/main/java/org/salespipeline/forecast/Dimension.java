package org.salespipeline.forecast;

/** What a forecast table's columns break the pipeline down by. */
public enum Dimension {
  /** One column for everything. */
  TOTAL,
  /** One column per owner, in {@link PipelineSnapshot#ownerNames()} order. */
  OWNER,
  /** One column per stage, in {@link PipelineSnapshot#stageNames()} order. */
  STAGE,
  /** One column per {@link org.salespipeline.core.ForecastCategory}, in declaration order. */
  CATEGORY
}
