package org.salespipeline.core;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/** A company the team sells to. Immutable; create with {@link SalesPipeline#createAccount}. */
@Value.Immutable
public abstract class Account {
  public static Builder builder() {
    return new Builder();
  }

  public abstract AccountId id();

  public abstract WorkspaceId workspace();

  public abstract String name();

  public abstract Optional<String> industry();

  public abstract Optional<String> website();

  /** The owner of the account relationship, if any. */
  public abstract Optional<UserId> owner();

  public abstract Instant createdAt();

  /** Builds accounts; not thread-safe. */
  public static class Builder extends ImmutableAccount.Builder {}
}
