package org.salespipeline.core.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of accounts or contacts in id order, and the id the next page starts after (the same
 * keyset paging as {@link Page} for deals). Immutable.
 *
 * @param items the records, in id order
 * @param next the id to pass as {@code afterId} of the next query; empty on the last page
 * @param <T> the record type
 * @param <K> the id type
 */
public record KeysetPage<T, K>(List<T> items, Optional<K> next) {
  public KeysetPage {
    items = List.copyOf(items);
    Objects.requireNonNull(next, "next");
  }
}
