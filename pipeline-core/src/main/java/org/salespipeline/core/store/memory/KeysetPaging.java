package org.salespipeline.core.store.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.salespipeline.core.store.KeysetPage;

/** Keyset pages over a map in id order, for the in-memory store's record searches. */
final class KeysetPaging {
  private KeysetPaging() {}

  /**
   * The first {@code limit} values that match, in the map's order, and the id to continue after
   * when more match.
   */
  static <T, K> KeysetPage<T, K> page(
      Map<K, T> inIdOrder,
      java.util.function.Predicate<T> matches,
      int limit,
      java.util.function.Function<T, K> id) {
    List<T> items = new ArrayList<>();
    boolean more = false;
    for (T item : inIdOrder.values()) {
      if (!matches.test(item)) {
        continue;
      }
      if (items.size() == limit) {
        more = true;
        break;
      }
      items.add(item);
    }
    return new KeysetPage<>(
        items, more ? Optional.of(id.apply(items.get(items.size() - 1))) : Optional.empty());
  }
}
