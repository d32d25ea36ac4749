package org.salespipeline.forecast.insight;

import java.util.Map;
import org.salespipeline.core.DealSource;
import org.salespipeline.core.PipelineId;
import org.salespipeline.core.UserId;
import org.salespipeline.forecast.ForecastPeriod;

/**
 * Win rates, deal sizes and sales cycles, overall and per slice. A deal counts by its final status
 * as of the analysis instant (a reopened deal that closed again counts once).
 *
 * @param overall every deal
 * @param byCohort per reporting period of creation
 * @param byOwner per owner at close (open deals: current owner)
 * @param byPipeline per pipeline
 * @param bySource per lead source
 */
public record OutcomeBreakdown(
    Outcomes overall,
    Map<ForecastPeriod, Outcomes> byCohort,
    Map<UserId, Outcomes> byOwner,
    Map<PipelineId, Outcomes> byPipeline,
    Map<DealSource, Outcomes> bySource) {}
