package org.salespipeline.forecast.insight;

import org.salespipeline.core.DealId;
import org.salespipeline.core.UserId;

/**
 * A suggestion to hand a deal from an overloaded owner to one with room, with its explanation.
 *
 * @param deal the deal
 * @param from its owner
 * @param to the suggested owner
 * @param amount its amount, minor units
 * @param reason why, readable
 */
public record SuggestedMove(DealId deal, UserId from, UserId to, long amount, String reason) {}
