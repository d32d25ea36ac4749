package org.salespipeline.forecast.insight;

import java.time.Duration;
import org.salespipeline.core.PipelineId;

/**
 * Time deals spend in one open stage. Completed stays give the mean, median and 90th percentile
 * (median and p90 at one-hour resolution, nearest rank, stays over 7.4 years counted as 7.4 years);
 * open deals give the current ages.
 *
 * @param pipeline the pipeline
 * @param stage the stage key
 * @param stays completed stays measured
 * @param mean mean stay; zero without stays
 * @param median median stay; zero without stays
 * @param p90 90th percentile stay; zero without stays
 * @param openDeals deals now in the stage
 * @param openValue their amounts, minor units
 * @param meanOpenAge mean time the open deals have been in the stage; zero without open deals
 * @param openBeyondMedian open deals in the stage for longer than the median
 * @param openBeyondP90 open deals in the stage for longer than the p90
 */
public record StageTime(
    PipelineId pipeline,
    String stage,
    long stays,
    Duration mean,
    Duration median,
    Duration p90,
    long openDeals,
    long openValue,
    Duration meanOpenAge,
    long openBeyondMedian,
    long openBeyondP90) {}
