package org.salespipeline.core.store;

import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;
import org.salespipeline.core.Account;
import org.salespipeline.core.AccountId;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.UserId;
import org.salespipeline.core.ValidationException;

/**
 * Which accounts to list: by name ({@link TextMatch}, case-insensitive), owner and industry. Empty
 * filters match everything; results are in account id order (creation order for time-ordered ids),
 * a page continuing after {@link #afterId()}.
 *
 * <p>Defaults: no filters, {@code limit} 100 (at most {@value DealQuery#MAX_LIMIT}). Immutable.
 */
@Value.Immutable
public abstract class AccountQuery {
  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Every account of the workspace. */
  public static AccountQuery all() {
    return builder().build();
  }

  /** The name filter, if any. */
  public abstract Optional<TextMatch> name();

  /** Owners; empty for any. An account without an owner matches only an empty set. */
  public abstract Set<UserId> owners();

  /** The industry, compared case-insensitively as a whole ({@link TextMatch#fold}). */
  public abstract Optional<String> industry();

  /** Start after this id (exclusive), for keyset paging. */
  public abstract Optional<AccountId> afterId();

  /** The page size. */
  @Value.Default
  public int limit() {
    return 100;
  }

  /** Whether the account matches the filters (not the paging). */
  public boolean matches(Account account) {
    return name().map(n -> n.matches(account.name())).orElse(true)
        && (owners().isEmpty() || account.owner().filter(owners()::contains).isPresent())
        && industry()
            .map(
                i -> account.industry().map(TextMatch::fold).equals(Optional.of(TextMatch.fold(i))))
            .orElse(true);
  }

  @Value.Check
  void check() {
    if (limit() < 1 || limit() > DealQuery.MAX_LIMIT) {
      throw new ValidationException(
          FieldProblem.of("limit", limit(), "must be within [1, " + DealQuery.MAX_LIMIT + "]"));
    }
    if (industry().isPresent() && industry().get().length() > TextMatch.MAX_LENGTH) {
      throw new ValidationException(
          FieldProblem.of(
              "industry", industry().get(), "must be at most " + TextMatch.MAX_LENGTH + " chars"));
    }
  }

  /** Builds queries; not thread-safe. */
  public static class Builder extends ImmutableAccountQuery.Builder {}
}
