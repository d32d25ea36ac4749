package org.salespipeline.core.event;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.salespipeline.core.DealId;
import org.salespipeline.core.UserId;

/**
 * One entry of a deal's history: what changed ({@link #change()}), when, by whom, and under which
 * command.
 *
 * <p>Sequences run 1, 2, 3... per deal without gaps. One command may append several events (closing
 * won appends a stage change and a win); they share {@link #dealVersion()} and the idempotency key.
 * Immutable.
 *
 * @param dealId the deal
 * @param sequence position in the deal's history, from 1
 * @param dealVersion the deal's version after the command that appended the event
 * @param at when the command ran (from the engine's clock)
 * @param actor who ran it
 * @param idempotencyKey the command's idempotency key, if it had one
 * @param change what changed
 */
public record DealEvent(
    DealId dealId,
    long sequence,
    long dealVersion,
    Instant at,
    UserId actor,
    Optional<String> idempotencyKey,
    Change change) {

  public DealEvent {
    Objects.requireNonNull(dealId, "dealId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(change, "change");
    if (sequence < 1 || dealVersion < 1) {
      throw new IllegalArgumentException(
          "sequence and dealVersion start at 1, were " + sequence + " and " + dealVersion);
    }
  }

  /** The kind of change, for example {@code StageChanged}. */
  public String type() {
    return change.typeName();
  }
}
