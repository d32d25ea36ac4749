package org.salespipeline.forecast.insight;

import org.salespipeline.core.PipelineId;

/**
 * How deals left one open stage within one slice of the funnel (all deals, a cohort, an owner, a
 * pipeline or a source). Only direct moves to the next stage (or to won from the last open stage)
 * count as conversions; moves that skip stages, backward moves and closes as lost or disqualified
 * are counted apart.
 *
 * @param pipeline the pipeline
 * @param stage the stage key
 * @param entered how often deals entered the stage (creation in it included)
 * @param direct moves to the next stage
 * @param skipped forward moves that skipped at least one stage (never conversions)
 * @param backward moves to this or an earlier open stage
 * @param dropped closes as lost or disqualified from this stage
 * @param droppedValue the amounts of the dropped deals at the time, minor units
 */
public record StageConversion(
    PipelineId pipeline,
    String stage,
    long entered,
    long direct,
    long skipped,
    long backward,
    long dropped,
    long droppedValue) {

  /** Every departure from the stage: {@code direct + skipped + backward + dropped}. */
  public long left() {
    return direct + skipped + backward + dropped;
  }

  /** {@code direct / left()} in [0, 1]; 0 when no deal left the stage. */
  public double conversionRate() {
    long left = left();
    return left == 0 ? 0 : (double) direct / left;
  }
}
