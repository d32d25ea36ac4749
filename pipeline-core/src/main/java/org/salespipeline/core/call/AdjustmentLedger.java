package org.salespipeline.core.call;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every version of every adjusted cell of a period and forecast type: the adjustment in force per
 * cell, now or as of an instant, and each cell's audit trail. Immutable.
 */
public final class AdjustmentLedger {
  private final Map<AdjustmentCell, List<Adjustment>> byCell;

  private AdjustmentLedger(Map<AdjustmentCell, List<Adjustment>> byCell) {
    this.byCell = byCell;
  }

  /** The ledger of the given versions, which may arrive in any order. */
  public static AdjustmentLedger of(List<Adjustment> versions) {
    List<Adjustment> sorted = new ArrayList<>(versions);
    sorted.sort(
        Comparator.comparing((Adjustment a) -> a.cell().toString())
            .thenComparingLong(Adjustment::version));
    Map<AdjustmentCell, List<Adjustment>> byCell = new LinkedHashMap<>();
    for (Adjustment a : sorted) {
      byCell.computeIfAbsent(a.cell(), k -> new ArrayList<>()).add(a);
    }
    byCell.replaceAll((k, v) -> List.copyOf(v));
    return new AdjustmentLedger(java.util.Collections.unmodifiableMap(byCell));
  }

  /** An empty ledger. */
  public static AdjustmentLedger empty() {
    return new AdjustmentLedger(Map.of());
  }

  /** The cell's current version, 0 if never adjusted. */
  public long version(AdjustmentCell cell) {
    List<Adjustment> h = byCell.get(cell);
    return h == null ? 0 : h.get(h.size() - 1).version();
  }

  /** The cell's versions, oldest first. */
  public List<Adjustment> history(AdjustmentCell cell) {
    return byCell.getOrDefault(cell, List.of());
  }

  /** The adjustment in force on the cell now, if any. */
  public Optional<Adjustment> inForce(AdjustmentCell cell) {
    List<Adjustment> h = byCell.get(cell);
    return h == null
        ? Optional.empty()
        : Optional.of(h.get(h.size() - 1)).filter(Adjustment::inForce);
  }

  /** The adjustment in force on the cell at the instant: the latest version written by then. */
  public Optional<Adjustment> inForce(AdjustmentCell cell, Instant at) {
    Adjustment found = null;
    for (Adjustment a : byCell.getOrDefault(cell, List.of())) {
      if (a.adjustedAt().isAfter(at)) {
        break;
      }
      found = a;
    }
    return Optional.ofNullable(found).filter(Adjustment::inForce);
  }

  /** Every adjustment in force now, one per cell. */
  public List<Adjustment> allInForce() {
    List<Adjustment> out = new ArrayList<>();
    for (AdjustmentCell c : byCell.keySet()) {
      inForce(c).ifPresent(out::add);
    }
    return out;
  }

  /** Every cell with at least one version, by cell. */
  public java.util.Set<AdjustmentCell> cells() {
    return byCell.keySet();
  }
}
