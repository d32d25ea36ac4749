package org.salespipeline.core.command;

import java.util.List;
import java.util.Objects;
import org.salespipeline.core.CustomerRetention;
import org.salespipeline.core.event.DealEvent;

/**
 * What a retention command did.
 *
 * @param retention the account's retention record after the command (for a replay: as stored now)
 * @param events the history events the command appended to the account's anchoring won deal
 * @param replayed whether the idempotency key was used before, so nothing was written
 */
public record RetentionResult(
    CustomerRetention retention, List<DealEvent> events, boolean replayed) {
  public RetentionResult {
    Objects.requireNonNull(retention, "retention");
    events = List.copyOf(events);
  }
}
