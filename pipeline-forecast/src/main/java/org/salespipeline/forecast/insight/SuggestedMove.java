package org.salespipeline.forecast.insight;

import java.util.List;
import java.util.stream.Collectors;
import org.salespipeline.core.DealId;
import org.salespipeline.core.UserId;

/**
 * A suggestion to hand a deal from an overloaded owner to one with room, with its explanation.
 *
 * @param deal the deal
 * @param from its owner
 * @param to the suggested owner
 * @param amount its amount, minor units
 * @param reasons why, each with its code and values: the giving owner's load ({@link
 *     ReasonCode#OWNER_OVERLOADED}), the receiver's ({@link ReasonCode#RECEIVER_HAS_ROOM} or {@link
 *     ReasonCode#RECEIVER_HAS_ROOM_NO_CLOSES}), and the deal's state ({@link ReasonCode#IDLE},
 *     {@link ReasonCode#STUCK_BEYOND_P90} or {@link ReasonCode#STUCK_BEYOND_IDLE_THRESHOLD}); the
 *     owners' figures are those of the report, before any suggested move
 */
public record SuggestedMove(
    DealId deal, UserId from, UserId to, long amount, List<Reason> reasons) {

  /** Copies the reasons. */
  public SuggestedMove {
    reasons = List.copyOf(reasons);
  }

  /**
   * The reasons as English sentences, for example {@code "ann holds 10 open deals against a mean of
   * 5.5, 10 of them idle or stuck; bob holds 1 open deal and wins 50% of closes; no activity or
   * stage move for 30.0 days (idle threshold 7.0 days)."}
   */
  public String reason() {
    return reasons.stream().map(Reason::text).collect(Collectors.joining("; ", "", "."));
  }
}
