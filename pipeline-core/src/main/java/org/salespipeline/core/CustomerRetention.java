package org.salespipeline.core;

import java.time.Instant;
import java.util.Optional;
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

  /** Raised by one on every change. */
  public abstract long version();

  /** Builds retention records; not thread-safe. */
  public static class Builder extends ImmutableCustomerRetention.Builder {}
}
