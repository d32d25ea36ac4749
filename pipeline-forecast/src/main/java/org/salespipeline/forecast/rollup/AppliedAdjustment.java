package org.salespipeline.forecast.rollup;

import java.util.Objects;
import org.salespipeline.core.call.Adjustment;

/**
 * An adjustment in the chain behind a roll-up cell, with what it changed where it applies: for a
 * delta its amount, for an override the override minus the figure it replaced. The effects of a
 * cell's chain add up to {@code adjusted - system}. Immutable.
 *
 * @param adjustment the adjustment in force, not null
 * @param effect its change in minor units where it applies
 */
public record AppliedAdjustment(Adjustment adjustment, long effect) {
  /** Checks the adjustment. */
  public AppliedAdjustment {
    Objects.requireNonNull(adjustment, "adjustment");
  }

  /** Whether the adjustment is on the cell's own node rather than below it. */
  public boolean isOn(org.salespipeline.core.org.OrgNode node) {
    return adjustment.cell().node().equals(node);
  }
}
