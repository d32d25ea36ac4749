package org.salespipeline.core.call;

/** What an adjustment does to the system figure of its cell. */
public enum AdjustmentKind {
  /** Replaces the cell's own figure with the amount. */
  OVERRIDE,
  /** Adds the amount (negative to lower it) to the cell's own figure. */
  DELTA,
  /** No adjustment in force: the state after a revert to an unadjusted cell. */
  CLEARED
}
