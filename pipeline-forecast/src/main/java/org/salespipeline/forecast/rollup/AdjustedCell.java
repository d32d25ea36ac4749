package org.salespipeline.forecast.rollup;

import java.util.List;
import java.util.Optional;
import org.salespipeline.core.call.Adjustment;
import org.salespipeline.core.call.CallCategory;
import org.salespipeline.core.org.OrgNode;

/**
 * One roll-up cell answered twice: the system figure and the adjusted figure, with the indirect
 * part (adjustments below the node), the node's own adjustment and the whole chain behind it. All
 * amounts in minor units of the reporting currency. Immutable.
 */
public final class AdjustedCell {
  private final OrgNode node;
  private final CallCategory category;
  private final long system;
  private final long indirect;
  private final long adjusted;
  private final Optional<Adjustment> direct;
  private final List<AppliedAdjustment> chain;

  private AdjustedCell(
      OrgNode node,
      CallCategory category,
      long system,
      long indirect,
      long adjusted,
      Optional<Adjustment> direct,
      List<AppliedAdjustment> chain) {
    this.node = node;
    this.category = category;
    this.system = system;
    this.indirect = indirect;
    this.adjusted = adjusted;
    this.direct = direct;
    this.chain = List.copyOf(chain);
  }

  static AdjustedCell of(
      OrgNode node,
      CallCategory category,
      long system,
      long indirect,
      long adjusted,
      Optional<Adjustment> direct,
      List<AppliedAdjustment> chain) {
    return new AdjustedCell(node, category, system, indirect, adjusted, direct, chain);
  }

  /** The node. */
  public OrgNode node() {
    return node;
  }

  /** The category. */
  public CallCategory category() {
    return category;
  }

  /** The system's computed figure. */
  public long system() {
    return system;
  }

  /** What adjustments on nodes below this one add to it. */
  public long indirect() {
    return indirect;
  }

  /** The figure with every adjustment in force. */
  public long adjusted() {
    return adjusted;
  }

  /** The adjustment on this very cell, if one is in force. */
  public Optional<Adjustment> direct() {
    return direct;
  }

  /** Every adjustment in force behind the figure, deepest first, the cell's own last. */
  public List<AppliedAdjustment> chain() {
    return chain;
  }

  /** Whether any adjustment changes this cell. */
  public boolean isAdjusted() {
    return !chain.isEmpty();
  }

  @Override
  public String toString() {
    return node.key() + " " + category + ": system " + system + ", adjusted " + adjusted;
  }
}
