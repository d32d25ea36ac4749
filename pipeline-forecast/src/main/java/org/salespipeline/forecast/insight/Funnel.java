package org.salespipeline.forecast.insight;

import java.util.List;
import java.util.Map;
import org.salespipeline.core.DealSource;
import org.salespipeline.core.PipelineId;
import org.salespipeline.core.UserId;
import org.salespipeline.forecast.ForecastPeriod;

/**
 * Stage-to-stage conversion, overall and per slice. Each list holds one {@link StageConversion} per
 * open stage, pipelines in the order given and stages in pipeline order.
 *
 * @param overall every deal
 * @param byCohort per reporting period in which the deals were created (deals created outside every
 *     period count only overall)
 * @param byOwner per owner at the time of the move
 * @param byPipeline per pipeline (only that pipeline's stages)
 * @param bySource per lead source
 */
public record Funnel(
    List<StageConversion> overall,
    Map<ForecastPeriod, List<StageConversion>> byCohort,
    Map<UserId, List<StageConversion>> byOwner,
    Map<PipelineId, List<StageConversion>> byPipeline,
    Map<DealSource, List<StageConversion>> bySource) {}
