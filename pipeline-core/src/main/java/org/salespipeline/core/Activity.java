package org.salespipeline.core;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Something a person did or plans to do with a prospect or customer: a call, email, meeting, demo,
 * proposal, follow-up, task or note. Linked to a deal, an account, or both.
 *
 * <p>A logged activity has {@link #occurredAt()}; a scheduled follow-up has {@link #dueAt()} and
 * counts as engagement until it is due. Immutable.
 */
@Value.Immutable
public abstract class Activity {
  public static Builder builder() {
    return new Builder();
  }

  public abstract ActivityId id();

  public abstract WorkspaceId workspace();

  public abstract Optional<DealId> deal();

  public abstract Optional<AccountId> account();

  public abstract ActivityType type();

  /** Who did it, or will. */
  public abstract UserId owner();

  public abstract String subject();

  /** When it happened, for logged activities. */
  public abstract Optional<Instant> occurredAt();

  /** When it is due, for scheduled ones. */
  public abstract Optional<Instant> dueAt();

  /** What came of it, for example {@code left voicemail}. */
  public abstract Optional<String> outcome();

  /** When it was recorded. */
  public abstract Instant recordedAt();

  @Value.Check
  void check() {
    if (deal().isEmpty() && account().isEmpty()) {
      throw new IllegalStateException("activity " + id() + " needs a deal or an account");
    }
    if (occurredAt().isEmpty() && dueAt().isEmpty()) {
      throw new IllegalStateException("activity " + id() + " needs occurredAt or dueAt");
    }
  }

  /** Builds activities; not thread-safe. */
  public static class Builder extends ImmutableActivity.Builder {}
}
