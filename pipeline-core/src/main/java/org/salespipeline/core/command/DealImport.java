package org.salespipeline.core.command;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One deal to bring in from another system, already in a given stage (open or closed), with its
 * original times. The stage rules apply to the jump from the first stage to the target stage
 * exactly as to a move; a violating import needs {@link #override()}, which is recorded in the
 * deal's history with the actor and the reason.
 *
 * <p>Defaults: {@code stage} the pipeline's first stage; {@code openedAt} now; {@code movedAt}
 * {@code openedAt}.
 */
@Value.Immutable
public abstract class DealImport {
  public static Builder builder() {
    return new Builder();
  }

  /** The deal as it opened; its actor, owner and fields. */
  public abstract OpenDeal deal();

  /** The stage the deal stands in now; the first stage when empty. */
  public abstract Optional<String> stage();

  /** When the deal was opened in the other system. */
  public abstract Optional<Instant> openedAt();

  /** When it reached {@link #stage()} (closed, for a closed stage). */
  public abstract Optional<Instant> movedAt();

  /**
   * For a closed stage: why it closed (lost and disqualified need one under the standard rules).
   */
  public abstract Optional<String> closeReason();

  /** The reason for overriding the stage rules, recorded in the history. */
  public abstract Optional<String> override();

  /** Builds the import; not thread-safe. */
  public static class Builder extends ImmutableDealImport.Builder {}
}
