package org.salespipeline.core;

/** Where a deal stands overall, following the outcome of its current stage. */
public enum DealStatus {
  /** In an open stage. */
  OPEN,
  /** Closed won. */
  WON,
  /** Closed lost. */
  LOST,
  /**
   * Ended as not a fit before it became a real opportunity; kept apart from lost so that win rates
   * can count it or not, explicitly.
   */
  DISQUALIFIED;

  /** Whether the deal has ended (won, lost or disqualified). */
  public boolean isClosed() {
    return this != OPEN;
  }
}
