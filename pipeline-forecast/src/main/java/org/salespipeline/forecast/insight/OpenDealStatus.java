package org.salespipeline.forecast.insight;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import org.salespipeline.core.DealId;
import org.salespipeline.core.PipelineId;
import org.salespipeline.core.UserId;

/**
 * One open deal measured against its stage: its age in the stage beside the stage's median and p90,
 * whether it is stuck or idle, and its close-date pushes.
 *
 * @param deal the deal
 * @param owner its owner
 * @param pipeline its pipeline
 * @param stage its stage key
 * @param amount its amount, minor units of the reporting currency
 * @param expectedCloseDate its expected close date
 * @param closeDatePushes how often its close date was moved later
 * @param ageInStage time since it entered the stage
 * @param stageMedian the stage's median completed stay
 * @param stageP90 the stage's 90th percentile stay
 * @param idleThreshold the stage's idle threshold, if it has one
 * @param idleFor time since its last engagement (latest of activity and stage entry)
 * @param stuck whether its age in stage exceeds the stage's p90 (when the stage has stays) or the
 *     idle threshold
 * @param idle whether {@code idleFor} exceeds the idle threshold and no follow-up is due in the
 *     future
 * @param overdueFollowUp whether its latest follow-up is due in the past with no activity since
 * @param qualified whether its latest qualification says qualified (false when never qualified)
 */
public record OpenDealStatus(
    DealId deal,
    UserId owner,
    PipelineId pipeline,
    String stage,
    long amount,
    LocalDate expectedCloseDate,
    int closeDatePushes,
    Duration ageInStage,
    Duration stageMedian,
    Duration stageP90,
    Optional<Duration> idleThreshold,
    Duration idleFor,
    boolean stuck,
    boolean idle,
    boolean overdueFollowUp,
    boolean qualified) {

  /** {@code ageInStage / stageMedian}; 0 when the stage has no median yet. */
  public double ageToMedian() {
    return stageMedian.isZero() ? 0 : (double) ageInStage.getSeconds() / stageMedian.getSeconds();
  }
}
