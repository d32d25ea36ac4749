package org.salespipeline.core;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * A person at an account. Immutable; create with {@link SalesPipeline#createContact}.
 *
 * <p>After {@link SalesPipeline#eraseContact erasure} the contact keeps its id and account (deals
 * still refer to it) but its name is {@link #ERASED_NAME}, its e-mail, phone and title are empty
 * and {@link #erased()} is true.
 */
@Value.Immutable
public abstract class Contact {
  /** The name an erased contact carries instead of its own. */
  public static final String ERASED_NAME = "[erased]";

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

  /** Whether the contact's personal data was erased on request. */
  @Value.Default
  public boolean erased() {
    return false;
  }

  /** Builds contacts; not thread-safe. */
  public static class Builder extends ImmutableContact.Builder {}
}
