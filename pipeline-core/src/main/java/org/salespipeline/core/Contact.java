package org.salespipeline.core;

import java.util.Optional;
import org.immutables.value.Value;

/** A person at an account. Immutable; create with {@link SalesPipeline#createContact}. */
@Value.Immutable
public abstract class Contact {
  public static Builder builder() {
    return new Builder();
  }

  public abstract ContactId id();

  public abstract WorkspaceId workspace();

  public abstract Optional<AccountId> account();

  public abstract String name();

  public abstract Optional<String> email();

  public abstract Optional<String> phone();

  /** Job title, for example {@code VP Sales}. */
  public abstract Optional<String> title();

  /** Builds contacts; not thread-safe. */
  public static class Builder extends ImmutableContact.Builder {}
}
