package org.salespipeline.forecast.insight;

import java.time.LocalDate;
import java.util.List;
import org.salespipeline.core.DealId;
import org.salespipeline.core.PipelineId;
import org.salespipeline.core.UserId;

/**
 * A deal to act on today. The score in [0, 100] weighs expected value against the owner's largest
 * (35), the in-period win probability (20), urgency (30) and risk (15).
 *
 * @param deal the deal
 * @param owner its owner
 * @param pipeline its pipeline
 * @param stage its stage key
 * @param amount its amount, minor units
 * @param expectedCloseDate its expected close date
 * @param score the priority in [0, 100]
 * @param expectedValue amount times the learned win probability from its stage, minor units
 * @param inPeriodProbability the win probability when it is expected to close by the end of the
 *     current period, else 0
 * @param urgency in [0, 1]: close date near or past, idle, stuck
 * @param risk in [0, 1]: close-date pushes, missing qualification
 * @param reasons why it is listed, most important first, each with its code and values; the last
 *     states the expected value
 */
public record WorkItem(
    DealId deal,
    UserId owner,
    PipelineId pipeline,
    String stage,
    long amount,
    LocalDate expectedCloseDate,
    double score,
    double expectedValue,
    double inPeriodProbability,
    double urgency,
    double risk,
    List<Reason> reasons) {}
