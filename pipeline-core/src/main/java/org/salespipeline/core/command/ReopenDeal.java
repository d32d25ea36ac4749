package org.salespipeline.core.command;

import org.immutables.value.Value;

/** Reopens a closed deal into an open stage; recorded as such with the reason. */
@Value.Immutable
public abstract class ReopenDeal implements ChangesDeal {
  public static Builder builder() {
    return new Builder();
  }

  /** The open stage to reopen into. */
  public abstract String toStage();

  public abstract String reason();

  /** Builds the command; not thread-safe. */
  public static class Builder extends ImmutableReopenDeal.Builder {}
}
