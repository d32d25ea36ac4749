package org.salespipeline.forecast.insight;

import org.salespipeline.core.PipelineId;

/**
 * Velocity from one stage: the open deals in it, the mean won amount of deals that passed through
 * it, their win rate and the mean days from entering it to winning.
 *
 * @param pipeline the pipeline
 * @param stage the stage key
 * @param velocity the figures
 */
public record StageVelocity(PipelineId pipeline, String stage, Velocity velocity) {}
