package org.salespipeline.core.command;

import java.util.List;
import java.util.Objects;
import org.salespipeline.core.Deal;
import org.salespipeline.core.event.DealEvent;

/**
 * What a command did.
 *
 * @param deal the deal after the command (for a replay: as the first command left it)
 * @param events the events the command appended; empty when it changed nothing
 * @param replayed true when the idempotency key was used before and nothing new was written
 */
public record CommandResult(Deal deal, List<DealEvent> events, boolean replayed) {
  public CommandResult {
    Objects.requireNonNull(deal, "deal");
    events = List.copyOf(events);
  }
}
