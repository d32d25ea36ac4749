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
 * @param attempts how many times the engine ran the command: 1, or more when a command without an
 *     expected version was retried after a version conflict (see {@code ConflictRetries})
 */
public record CommandResult(Deal deal, List<DealEvent> events, boolean replayed, int attempts) {
  public CommandResult {
    Objects.requireNonNull(deal, "deal");
    events = List.copyOf(events);
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts start at 1, was " + attempts);
    }
  }

  /** A result of a command that ran once. */
  public CommandResult(Deal deal, List<DealEvent> events, boolean replayed) {
    this(deal, events, replayed, 1);
  }

  /** This result, saying the command took {@code attempts} attempts. */
  public CommandResult withAttempts(int attempts) {
    return attempts == this.attempts ? this : new CommandResult(deal, events, replayed, attempts);
  }
}
