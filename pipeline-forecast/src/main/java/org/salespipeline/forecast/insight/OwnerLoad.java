package org.salespipeline.forecast.insight;

import org.salespipeline.core.UserId;

/**
 * One owner's load.
 *
 * @param owner the owner
 * @param openDeals open deals owned
 * @param openValue their amounts, minor units
 * @param weightedValue amounts times the learned win probability of their stages, minor units
 * @param overdueFollowUps deals whose latest follow-up is past due with no activity since
 * @param idleDeals idle deals
 * @param stuckDeals stuck deals
 */
public record OwnerLoad(
    UserId owner,
    long openDeals,
    long openValue,
    double weightedValue,
    long overdueFollowUps,
    long idleDeals,
    long stuckDeals) {}
