package org.salespipeline.forecast.insight;

/**
 * Which open deals are stuck (in their stage beyond its p90, or beyond its idle threshold), idle
 * (no activity or stage move within the stage's idle threshold, and no follow-up ahead) or overdue
 * (a follow-up due with no activity since), one byte per row of the open-deal table; computed once
 * and read by the statuses, work lists, loads and suggested moves.
 */
final class DealFlags {
  private static final byte STUCK = 1;
  private static final byte IDLE = 2;
  private static final byte OVERDUE = 4;

  private final byte[] flags;
  private final long stuckCount;
  private final long idleCount;

  DealFlags(OpenDealTable open, StageDwell dwell, Layout layout, long nowSec) {
    flags = new byte[open.size];
    long stuck = 0;
    long idle = 0;
    for (int r = 0; r < open.size; r++) {
      int g = open.stage.a[r];
      long age = nowSec - open.stageEntered.a[r];
      long idleSec = layout.idleSeconds[g];
      byte fl = 0;
      if ((dwell.measured(g) && age > dwell.p90Seconds(g)) || (idleSec > 0 && age > idleSec)) {
        fl |= STUCK;
        stuck++;
      }
      if (idleSec > 0 && nowSec - open.engagedAt(r) > idleSec && !(open.followUp.a[r] > nowSec)) {
        fl |= IDLE;
        idle++;
      }
      long due = open.followUp.a[r];
      if (due != CurrentDeal.NONE && due <= nowSec && open.lastActivity.a[r] < due) {
        fl |= OVERDUE;
      }
      flags[r] = fl;
    }
    stuckCount = stuck;
    idleCount = idle;
  }

  /**
   * Whether a deal stuck in open stage {@code g} is stuck by the stage's p90 stay rather than by
   * its idle threshold: a deal is stuck once its age passes the smaller threshold that applies.
   */
  static boolean stuckByP90(StageDwell dwell, Layout layout, int g) {
    long idleSec = layout.idleSeconds[g];
    return dwell.measured(g) && (idleSec <= 0 || dwell.p90Seconds(g) <= idleSec);
  }

  /** The age in open stage {@code g} beyond which a deal is stuck: see {@link #stuckByP90}. */
  static long stuckThresholdSeconds(StageDwell dwell, Layout layout, int g) {
    return stuckByP90(dwell, layout, g) ? dwell.p90Seconds(g) : layout.idleSeconds[g];
  }

  boolean stuck(int row) {
    return (flags[row] & STUCK) != 0;
  }

  boolean idle(int row) {
    return (flags[row] & IDLE) != 0;
  }

  boolean overdue(int row) {
    return (flags[row] & OVERDUE) != 0;
  }

  /** The number of stuck open deals. */
  long stuckCount() {
    return stuckCount;
  }

  /** The number of idle open deals. */
  long idleCount() {
    return idleCount;
  }
}
