package org.salespipeline.forecast.rollup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.salespipeline.core.TeamId;
import org.salespipeline.core.call.Adjustment;
import org.salespipeline.core.call.AdjustmentCell;
import org.salespipeline.core.call.AdjustmentLedger;
import org.salespipeline.core.call.CallCategory;
import org.salespipeline.core.call.CallPeriod;
import org.salespipeline.core.org.OrgDirectory;
import org.salespipeline.core.org.OrgNode;
import org.salespipeline.forecast.CategoryRollup;
import org.salespipeline.forecast.ForecastPeriod;

/**
 * Managers' adjustments layered over the system roll-ups of one period and forecast type, as they
 * stood at one instant. Nothing is written back: the system figures come from the {@link
 * NodeRollups} every time, so a recomputation never drops an adjustment.
 *
 * <p>A cell's adjusted figure is its own adjustment (override or delta) applied to the system
 * figure plus the indirect part: what the adjustments below the node changed on its children (child
 * teams and direct members, as the organisation stood at the instant). So an adjustment on a team
 * shows in its parent's figure as indirect. Only nodes with an adjustment somewhere below them are
 * visited beyond the asked cell, so the layer costs one system look-up for an unadjusted cell.
 *
 * <p>Immutable and thread-safe if the system roll-ups are.
 */
public final class AdjustedRollups {
  private final NodeRollups system;
  private final ForecastPeriod period;
  private final Map<CallCategory, Map<OrgNode, Adjustment>> inForce;
  private final Map<CallCategory, Map<OrgNode, List<OrgNode>>> touchedChildren;
  // why: a team's adjusted figure is asked for itself and again by each ancestor; remembering the
  // adjusted figures of nodes with adjustments below them makes reading every node of the tree
  // cost one walk of the adjusted paths, not one per ancestor
  private final Map<CallCategory, Map<OrgNode, Long>> memo = new EnumMap<>(CallCategory.class);

  private AdjustedRollups(
      NodeRollups system,
      ForecastPeriod period,
      Map<CallCategory, Map<OrgNode, Adjustment>> inForce,
      Map<CallCategory, Map<OrgNode, List<OrgNode>>> touchedChildren) {
    this.system = system;
    this.period = period;
    this.inForce = inForce;
    this.touchedChildren = touchedChildren;
    for (CallCategory c : CallCategory.values()) {
      memo.put(c, new java.util.concurrent.ConcurrentHashMap<>());
    }
  }

  /**
   * The adjusted view of the period.
   *
   * @param system the system roll-ups, not null
   * @param org the organisation, read at {@code at} for which node rolls up into which
   * @param period the period
   * @param forecastType the forecast type of the adjustments to apply
   * @param ledger the adjustments of that period and type (others are ignored)
   * @param at the instant: the adjustments in force then and the organisation then
   */
  public static AdjustedRollups over(
      NodeRollups system,
      OrgDirectory org,
      ForecastPeriod period,
      String forecastType,
      AdjustmentLedger ledger,
      Instant at) {
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(org, "org");
    Objects.requireNonNull(ledger, "ledger");
    Objects.requireNonNull(at, "at");
    CallPeriod callPeriod = CallPeriod.of(period.start(), period.end());
    Map<CallCategory, Map<OrgNode, Adjustment>> inForce = new EnumMap<>(CallCategory.class);
    Map<CallCategory, Map<OrgNode, List<OrgNode>>> touched = new EnumMap<>(CallCategory.class);
    for (CallCategory c : CallCategory.values()) {
      inForce.put(c, new HashMap<>());
      touched.put(c, new HashMap<>());
    }
    Map<OrgNode, List<OrgNode>> parents = new HashMap<>();
    for (AdjustmentCell cell : ledger.cells()) {
      if (!cell.period().equals(callPeriod) || !cell.forecastType().equals(forecastType)) {
        continue;
      }
      Optional<Adjustment> then = ledger.inForce(cell, at);
      if (then.isPresent()) {
        inForce.get(cell.category()).put(cell.node(), then.get());
        markPath(
            cell.node(), org, at, touched.get(cell.category()), parents, new LinkedHashSet<>());
      }
    }
    return new AdjustedRollups(system, period, inForce, touched);
  }

  /** Links the node to each parent, and so on up, so the walk down finds it. */
  private static void markPath(
      OrgNode node,
      OrgDirectory org,
      Instant at,
      Map<OrgNode, List<OrgNode>> children,
      Map<OrgNode, List<OrgNode>> parentsCache,
      Set<OrgNode> path) {
    if (!path.add(node)) {
      return;
    }
    for (OrgNode parent : parentsCache.computeIfAbsent(node, n -> parentsOf(n, org, at))) {
      List<OrgNode> siblings = children.computeIfAbsent(parent, k -> new ArrayList<>());
      if (!siblings.contains(node)) {
        siblings.add(node);
      }
      markPath(parent, org, at, children, parentsCache, path);
    }
  }

  private static List<OrgNode> parentsOf(OrgNode node, OrgDirectory org, Instant at) {
    List<OrgNode> out = new ArrayList<>();
    if (node instanceof OrgNode.Team t) {
      org.parentOf(t.id(), at).ifPresent(p -> out.add(OrgNode.team(p)));
    } else if (node instanceof OrgNode.User u) {
      for (TeamId team : org.teamsOf(u.id(), at)) {
        out.add(OrgNode.team(team));
      }
    }
    return out;
  }

  /** The period. */
  public ForecastPeriod period() {
    return period;
  }

  /**
   * The cell of a node and category: system, indirect, adjusted and the chain behind it.
   *
   * @param node the node, not null
   * @param category the category, not null
   */
  public AdjustedCell cell(OrgNode node, CallCategory category) {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(category, "category");
    List<AppliedAdjustment> chain = new ArrayList<>();
    long own = value(system.of(node, period), category);
    long[] parts = walk(node, category, own, chain);
    return AdjustedCell.of(
        node,
        category,
        own,
        parts[0],
        parts[1],
        Optional.ofNullable(inForce.get(category).get(node)),
        chain);
  }

  /**
   * The adjusted figure of a cell alone, without building the chain. The figures of nodes with
   * adjustments below them are remembered by this instance, so each system figure on an adjusted
   * path is read once: make a new instance to see recomputed system figures.
   */
  public long adjusted(OrgNode node, CallCategory category) {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(category, "category");
    if (!touchedChildren.get(category).containsKey(node)) {
      long own = value(system.of(node, period), category);
      Adjustment a = inForce.get(category).get(node);
      return a == null ? own : a.apply(own);
    }
    Long known = memo.get(category).get(node);
    if (known != null) {
      return known;
    }
    long sys = value(system.of(node, period), category);
    long indirect = 0;
    for (OrgNode child : touchedChildren.get(category).get(node)) {
      indirect += adjusted(child, category) - value(system.of(child, period), category);
    }
    Adjustment a = inForce.get(category).get(node);
    long result = a == null ? sys + indirect : a.apply(sys + indirect);
    memo.get(category).put(node, result);
    return result;
  }

  /** {indirect, adjusted} of the node, given its system figure; appends the chain when asked. */
  private long[] walk(
      OrgNode node, CallCategory category, long sys, List<AppliedAdjustment> chain) {
    long indirect = 0;
    List<OrgNode> below = touchedChildren.get(category).get(node);
    if (below != null) {
      for (OrgNode child : below) {
        long childSystem = value(system.of(child, period), category);
        indirect += walk(child, category, childSystem, chain)[1] - childSystem;
      }
    }
    long before = sys + indirect;
    Adjustment own = inForce.get(category).get(node);
    long adjusted = own == null ? before : own.apply(before);
    if (own != null && chain != null) {
      chain.add(new AppliedAdjustment(own, adjusted - before));
    }
    return new long[] {indirect, adjusted};
  }

  /** The cumulative figure of the category in a roll-up. */
  public static long value(CategoryRollup rollup, CallCategory category) {
    return switch (category) {
      case COMMIT -> rollup.commit();
      case MOST_LIKELY -> rollup.mostLikely();
      case BEST_CASE -> rollup.bestCase();
    };
  }
}
