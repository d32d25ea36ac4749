package org.salespipeline.core.command;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;
import org.salespipeline.core.AccountId;
import org.salespipeline.core.ActivityType;
import org.salespipeline.core.DealId;
import org.salespipeline.core.UserId;

/**
 * Schedules a follow-up due later, against a deal, an account, or both. On a deal, a follow-up
 * still in the future counts as engagement: the deal is not idle.
 *
 * <p>Defaults: type {@code FOLLOW_UP}, {@code owner} the actor.
 */
@Value.Immutable
public abstract class ScheduleFollowUp implements DealCommand {
  public static Builder builder() {
    return new Builder();
  }

  public abstract Optional<DealId> deal();

  public abstract Optional<AccountId> account();

  @Value.Default
  public ActivityType type() {
    return ActivityType.FOLLOW_UP;
  }

  public abstract String subject();

  public abstract Instant dueAt();

  public abstract Optional<UserId> owner();

  /** Builds the command; not thread-safe. */
  public static class Builder extends ImmutableScheduleFollowUp.Builder {}
}
