package org.salespipeline.core.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.salespipeline.core.AccountId;
import org.salespipeline.core.CustomerRetention;

/**
 * One page of accounts in retention and where the next one starts.
 *
 * @param items the records, in account id order
 * @param next the account to pass as {@link RetentionQuery#afterAccount()} for the next page; empty
 *     on the last
 */
public record RetentionPage(List<CustomerRetention> items, Optional<AccountId> next) {
  public RetentionPage {
    items = List.copyOf(items);
    Objects.requireNonNull(next, "next");
  }

  /**
   * The page a store builds from up to {@code limit + 1} matching records in account order: the
   * first {@code limit}, and a next account when there were more.
   */
  public static RetentionPage of(List<CustomerRetention> upToLimitPlusOne, int limit) {
    boolean more = upToLimitPlusOne.size() > limit;
    List<CustomerRetention> items = more ? upToLimitPlusOne.subList(0, limit) : upToLimitPlusOne;
    return new RetentionPage(
        items, more ? Optional.of(items.get(items.size() - 1).account()) : Optional.empty());
  }
}
