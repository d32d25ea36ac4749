package org.salespipeline.core;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * Where a customer stands after a won deal: the Post-Sale/Retention part of the pipeline. One per
 * account; winning a deal on an account without one starts it in {@link
 * RetentionStatus#ONBOARDING}. Immutable.
 */
@Value.Immutable
public abstract class CustomerRetention {
  public static Builder builder() {
    return new Builder();
  }

  public abstract AccountId account();

  public abstract WorkspaceId workspace();

  public abstract RetentionStatus status();

  /** The won deal that made the account a customer (the latest one). */
  public abstract DealId wonDeal();

  /** When the current status began. */
  public abstract Instant since();

  /** The next renewal date, when known. */
  public abstract Optional<java.time.LocalDate> renewalDate();

  /**
   * The account's recurring revenue (annual value): the won deals' amounts, grown by expansions,
   * reset by renewals, reduced by churn. Empty on records written before it was kept.
   */
  public abstract Optional<Money> recurringValue();

  /** Who looks after the customer: the owner of the won deal that started retention. */
  public abstract Optional<UserId> owner();

  /** When the next customer-success follow-up is due, if one is scheduled. */
  public abstract Optional<Instant> nextFollowUp();

  /**
   * The latest customer-success activity (a retention command, a health check, a follow-up); the
   * start of the current status when none is recorded.
   */
  @Value.Default
  public Instant lastActivityAt() {
    return since();
  }

  /** The renewal term in months, once renewal terms are set. */
  public abstract OptionalInt renewalTermMonths();

  /** The latest health score (0 to 100), once a health check was recorded. */
  public abstract OptionalInt healthScore();

  /** Why the account is at risk or churned: the reason of the move into its current status. */
  public abstract Optional<String> reason();

  /** Raised by one on every change. */
  public abstract long version();

  /** Builds retention records; not thread-safe. */
  public static class Builder extends ImmutableCustomerRetention.Builder {}
}
