package org.salespipeline.forecast.insight;

import java.util.List;
import java.util.Map;
import org.salespipeline.core.UserId;

/**
 * Sales velocity overall, per owner, per stage and its trend by period.
 *
 * @param overall every open deal against all history
 * @param byOwner each owner's open deals against the owner's own history
 * @param byStage per open stage, pipelines and stages in order
 * @param trend per reporting period, in order
 */
public record SalesVelocity(
    Velocity overall,
    Map<UserId, Velocity> byOwner,
    List<StageVelocity> byStage,
    List<VelocityPoint> trend) {}
