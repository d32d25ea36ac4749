package org.salespipeline.core.command;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;
import org.salespipeline.core.AccountId;
import org.salespipeline.core.ActivityType;
import org.salespipeline.core.DealId;
import org.salespipeline.core.UserId;

/**
 * Logs an activity that happened, against a deal, an account, or both. On a deal it updates the
 * last-activity time; activities may be logged on closed deals too (post-sale follow-ups).
 *
 * <p>Defaults: {@code occurredAt} now, {@code owner} the actor.
 */
@Value.Immutable
public abstract class LogActivity implements DealCommand {
  public static Builder builder() {
    return new Builder();
  }

  public abstract Optional<DealId> deal();

  public abstract Optional<AccountId> account();

  public abstract ActivityType type();

  public abstract String subject();

  public abstract Optional<Instant> occurredAt();

  public abstract Optional<String> outcome();

  public abstract Optional<UserId> owner();

  /** Builds the command; not thread-safe. */
  public static class Builder extends ImmutableLogActivity.Builder {}
}
