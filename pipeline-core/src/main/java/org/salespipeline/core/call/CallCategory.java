package org.salespipeline.core.call;

/**
 * The forecast categories a call states an amount for and an adjustment changes. They are
 * cumulative like the roll-ups: commit counts closed and commit deals, most likely adds most likely
 * deals, best case adds best case deals.
 */
public enum CallCategory {
  /** What the owner commits to closing in the period. */
  COMMIT,
  /** What the owner expects to close. */
  MOST_LIKELY,
  /** What could close if things go well. */
  BEST_CASE
}
