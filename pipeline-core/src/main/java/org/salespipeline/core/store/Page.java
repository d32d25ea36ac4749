package org.salespipeline.core.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.salespipeline.core.DealId;

/**
 * One page of deals and where the next one starts.
 *
 * @param items the deals, in id order
 * @param next the id to pass as {@link DealQuery#afterId()} for the next page; empty on the last
 * @param <T> the item type
 */
public record Page<T>(List<T> items, Optional<DealId> next) {
  public Page {
    items = List.copyOf(items);
    Objects.requireNonNull(next, "next");
  }
}
