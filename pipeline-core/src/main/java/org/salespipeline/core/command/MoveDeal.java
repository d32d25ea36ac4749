package org.salespipeline.core.command;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * Moves an open deal to another open stage, through the stage rules. With {@link #override()} the
 * move goes ahead despite violations, and the override is recorded with who and why.
 */
@Value.Immutable
public abstract class MoveDeal implements ChangesDeal {
  public static Builder builder() {
    return new Builder();
  }

  /** The target stage key. */
  public abstract String toStage();

  /** The reason for overriding the stage rules, if the actor overrides them. */
  public abstract Optional<String> override();

  /** Builds the command; not thread-safe. */
  public static class Builder extends ImmutableMoveDeal.Builder {}
}
