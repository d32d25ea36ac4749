package org.salespipeline.core;

/**
 * The rep's judgement of a deal for the forecast. Rollups are cumulative: commit counts closed and
 * commit; most likely adds most likely; best case adds best case; pipeline counts every open
 * category; omitted never counts.
 */
public enum ForecastCategory {
  /** Early, not yet forecast. */
  PIPELINE,
  /** Could close in the period if things go well. */
  BEST_CASE,
  /** Expected to close in the period. */
  MOST_LIKELY,
  /** The rep commits to closing it in the period. */
  COMMIT,
  /** Closed won. */
  CLOSED,
  /** Excluded from every forecast (lost, disqualified, or set aside). */
  OMITTED
}
