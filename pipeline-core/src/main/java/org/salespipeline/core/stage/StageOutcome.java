package org.salespipeline.core.stage;

import org.salespipeline.core.DealStatus;

/** What reaching a stage means for a deal. */
public enum StageOutcome {
  OPEN(DealStatus.OPEN),
  WON(DealStatus.WON),
  LOST(DealStatus.LOST),
  DISQUALIFIED(DealStatus.DISQUALIFIED);

  private final DealStatus status;

  StageOutcome(DealStatus status) {
    this.status = status;
  }

  /** The deal status of a deal in a stage with this outcome. */
  public DealStatus status() {
    return status;
  }

  /** Whether a stage with this outcome ends the deal. */
  public boolean isClosed() {
    return this != OPEN;
  }
}
