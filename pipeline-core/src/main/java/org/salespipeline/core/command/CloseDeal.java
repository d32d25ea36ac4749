package org.salespipeline.core.command;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * Closes an open deal: won, lost or disqualified depending on the engine method it is passed to.
 * Lost and disqualified need a reason under the standard rules; won needs the customer's acceptance
 * recorded.
 */
@Value.Immutable
public abstract class CloseDeal implements ChangesDeal {
  public static Builder builder() {
    return new Builder();
  }

  /** A short reason, for example {@code price} or {@code signed}. */
  @Value.Default
  public String reason() {
    return "";
  }

  /** Free text, for example the competitor's name. */
  public abstract Optional<String> detail();

  /** The reason for overriding the stage rules, if the actor overrides them. */
  public abstract Optional<String> override();

  /** Builds the command; not thread-safe. */
  public static class Builder extends ImmutableCloseDeal.Builder {}
}
