package org.salespipeline.forecast.insight;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.salespipeline.core.UserId;

/**
 * The owners met in the history, each under a dense index in order of first appearance, so that
 * per-owner counters are rows of a {@link Columns.Grid}. Sections register the grids that hold one
 * row per owner ({@link #growWith}); a new owner grows them all before its first count.
 */
final class Owners {
  private static final int CACHE = 4096;
  private static final int PROBES = 8;

  private final Map<UserId, Integer> index = new HashMap<>();
  private final List<UserId> list = new ArrayList<>();
  private final List<Columns.Grid> rows = new ArrayList<>();
  private final UserId[] cacheKey = new UserId[CACHE];
  private final int[] cacheIdx = new int[CACHE];

  /** Grows the grid by a row for every owner, present and future. */
  void growWith(Columns.Grid grid) {
    rows.add(grid);
    grid.ensureRows(list.size());
  }

  /**
   * The owner's index. Histories usually share a few owner instances, so a small open-addressing
   * identity cache answers most lookups without hashing the id (the map stays authoritative for
   * equal but distinct instances). A lookup probes up to {@value #PROBES} slots, so that a few
   * hundred owners do not evict each other; when all are taken the home slot is replaced.
   */
  int index(UserId user) {
    int home = System.identityHashCode(user);
    for (int k = 0; k < PROBES; k++) {
      int slot = (home + k) & (CACHE - 1);
      UserId cached = cacheKey[slot];
      if (cached == user) {
        return cacheIdx[slot];
      }
      if (cached == null) {
        return miss(user, slot);
      }
    }
    return miss(user, home & (CACHE - 1));
  }

  private int miss(UserId user, int slot) {
    Integer i = index.get(user);
    if (i == null) {
      i = list.size();
      index.put(user, i);
      list.add(user);
      for (Columns.Grid grid : rows) {
        grid.ensureRows(i + 1);
      }
    }
    cacheKey[slot] = user;
    cacheIdx[slot] = i;
    return i;
  }

  /** The owner at an index. */
  UserId get(int i) {
    return list.get(i);
  }

  /** The number of owners met so far. */
  int size() {
    return list.size();
  }
}
