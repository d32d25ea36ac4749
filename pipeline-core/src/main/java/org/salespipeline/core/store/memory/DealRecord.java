package org.salespipeline.core.store.memory;

import java.util.Arrays;
import java.util.List;
import org.salespipeline.core.Deal;
import org.salespipeline.core.event.DealEvent;

/**
 * One deal's current state and its history, changed only under the workspace's write lock. The
 * history is an array with a count beside the deal, so the commit checks find the last sequence in
 * the record they already read.
 */
final class DealRecord {
  Deal deal;
  DealEvent[] history = new DealEvent[4];
  // why: the rules keep sequences gap-free from 1, so the count is the last stored sequence
  int historySize;

  /**
   * Whether the history's last slot is empty, which it never is once validated: a check whose real
   * purpose is to load that slot. A deal is usually read to be changed, and its commit appends next
   * to that slot; loaded at the read, the memory access overlaps with the command's work instead of
   * stalling the append (10,000 deals moved round robin miss the cache there every time, issue 12).
   * Called without the lock: a racing commit can make the answer wrong, so callers use it only
   * after validating their optimistic read.
   */
  boolean tailEmpty() {
    DealEvent[] h = history;
    int n = historySize;
    return n > 0 && n <= h.length && h[n - 1] == null;
  }

  /** Appends in place: a commit costs O(events of the command), not O(history). */
  void append(List<DealEvent> events) {
    int needed = historySize + events.size();
    if (needed > history.length) {
      history = Arrays.copyOf(history, Math.max(needed, history.length * 2));
    }
    for (int i = 0; i < events.size(); i++) {
      history[historySize++] = events.get(i);
    }
  }

  /** An immutable copy, for readers under the read lock. */
  List<DealEvent> history() {
    return List.copyOf(Arrays.asList(history).subList(0, historySize));
  }
}
