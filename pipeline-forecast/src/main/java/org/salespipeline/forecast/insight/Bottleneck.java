package org.salespipeline.forecast.insight;

import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import org.salespipeline.core.DealId;
import org.salespipeline.core.PipelineId;
import org.salespipeline.core.UserId;

/**
 * A stage where the pipeline loses value, with the numbers that make it a bottleneck. Bottlenecks
 * are ranked by {@link #valueAtRisk()}, largest first.
 *
 * @param rank 1 for the worst
 * @param pipeline the pipeline
 * @param stage the stage key
 * @param valueAtRisk value dropped from the stage in the current period plus the value of its stuck
 *     deals, minor units
 * @param conversionRate direct conversion of the moves out of the stage in the current period
 * @param exits departures from the stage in the current period
 * @param previousConversionRate the same in the previous period; empty when it had no departures
 * @param overallConversionRate the stage's conversion over all history
 * @param conversionFalling whether conversion fell more than 5 points against the previous period,
 *     both periods with at least 5 departures
 * @param lowOwners owners (at least 5 departures) converting at least 10 points below the others
 * @param medianDwell median completed stay
 * @param p90Dwell 90th percentile stay
 * @param stuckDeals open deals stuck in the stage
 * @param stuckValue their amounts, minor units
 * @param droppedValue value lost or disqualified from the stage in the current period, minor units
 * @param reasons why it is listed, each with its code and values
 * @param deals the stuck deals (at most the report's list limit)
 */
public record Bottleneck(
    int rank,
    PipelineId pipeline,
    String stage,
    long valueAtRisk,
    double conversionRate,
    long exits,
    OptionalDouble previousConversionRate,
    double overallConversionRate,
    boolean conversionFalling,
    List<UserId> lowOwners,
    Duration medianDwell,
    Duration p90Dwell,
    long stuckDeals,
    long stuckValue,
    long droppedValue,
    List<Reason> reasons,
    List<DealId> deals) {}
