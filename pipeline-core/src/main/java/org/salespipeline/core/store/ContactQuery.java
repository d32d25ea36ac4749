package org.salespipeline.core.store;

import java.util.Optional;
import org.immutables.value.Value;
import org.salespipeline.core.AccountId;
import org.salespipeline.core.Contact;
import org.salespipeline.core.ContactId;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.ValidationException;

/**
 * Which contacts to list: by name ({@link TextMatch}, case-insensitive) and account. Empty filters
 * match everything; results are in contact id order, a page continuing after {@link #afterId()}.
 * Erased contacts are listed too (under {@link Contact#ERASED_NAME}).
 *
 * <p>Defaults: no filters, {@code limit} 100 (at most {@value DealQuery#MAX_LIMIT}). Immutable.
 */
@Value.Immutable
public abstract class ContactQuery {
  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Every contact of the workspace. */
  public static ContactQuery all() {
    return builder().build();
  }

  /** The name filter, if any. */
  public abstract Optional<TextMatch> name();

  /** Only contacts at this account. */
  public abstract Optional<AccountId> account();

  /** Start after this id (exclusive), for keyset paging. */
  public abstract Optional<ContactId> afterId();

  /** The page size. */
  @Value.Default
  public int limit() {
    return 100;
  }

  /** Whether the contact matches the filters (not the paging). */
  public boolean matches(Contact contact) {
    return name().map(n -> n.matches(contact.name())).orElse(true)
        && account().map(a -> contact.account().equals(Optional.of(a))).orElse(true);
  }

  @Value.Check
  void check() {
    if (limit() < 1 || limit() > DealQuery.MAX_LIMIT) {
      throw new ValidationException(
          FieldProblem.of("limit", limit(), "must be within [1, " + DealQuery.MAX_LIMIT + "]"));
    }
  }

  /** Builds queries; not thread-safe. */
  public static class Builder extends ImmutableContactQuery.Builder {}
}
