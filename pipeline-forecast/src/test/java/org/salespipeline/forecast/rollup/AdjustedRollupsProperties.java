package org.salespipeline.forecast.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salespipeline.forecast.rollup.RollupFixture.*;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.salespipeline.core.Money;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.UserId;
import org.salespipeline.core.call.AdjustForecast;
import org.salespipeline.core.call.Adjustment;
import org.salespipeline.core.call.AdjustmentCell;
import org.salespipeline.core.call.AdjustmentKind;
import org.salespipeline.core.call.AdjustmentLedger;
import org.salespipeline.core.call.CallCategory;
import org.salespipeline.core.call.RevertAdjustment;
import org.salespipeline.core.org.OrgNode;
import org.salespipeline.core.store.memory.InMemoryPipelineStore;

/** Issue 18: the invariants of the adjustment layer. */
class AdjustedRollupsProperties {
  record Step(int node, boolean override, long amount) {}

  static final List<OrgNode> ADJUSTABLE = List.of(EAST, WEST, ALICE, BOB, CAROL);

  @Provide
  Arbitrary<List<Step>> steps() {
    return Combinators.combine(
            Arbitraries.integers().between(0, ADJUSTABLE.size() - 1),
            Arbitraries.of(true, false),
            Arbitraries.longs().between(-1_000_000, 1_000_000))
        .as(Step::new)
        .list()
        .ofMaxSize(12);
  }

  @Provide
  Arbitrary<Map<OrgNode, Long>> figures() {
    return Arbitraries.longs()
        .between(0, 10_000_000)
        .list()
        .ofSize(3)
        .map(l -> Map.of(ALICE, l.get(0), BOB, l.get(1), CAROL, l.get(2)));
  }

  static AdjustmentLedger ledger(List<Step> steps, boolean deltasOnly) {
    Map<OrgNode, Long> versions = new HashMap<>();
    List<Adjustment> out = new ArrayList<>();
    for (Step s : steps) {
      OrgNode n = ADJUSTABLE.get(s.node());
      long v = versions.merge(n, 1L, Long::sum);
      boolean override = s.override() && !deltasOnly;
      out.add(
          adjustment(
              n,
              v,
              override ? AdjustmentKind.OVERRIDE : AdjustmentKind.DELTA,
              override ? Math.abs(s.amount()) : s.amount()));
    }
    return AdjustmentLedger.of(out);
  }

  @Property
  void adjustedTotalsAreSystemTotalsPlusTheDeltasInForce(
      @ForAll("steps") List<Step> steps, @ForAll("figures") Map<OrgNode, Long> figures) {
    AdjustmentLedger ledger = ledger(steps, true);
    AdjustedRollups layer = AdjustedRollups.over(summing(figures), ORG, Q2, "revenue", ledger, AT);
    long deltas = ledger.allInForce().stream().mapToLong(a -> a.amount().toMinorUnits()).sum();
    AdjustedCell total = layer.cell(SALES, CallCategory.COMMIT);
    assertThat(total.adjusted()).isEqualTo(total.system() + deltas);
    assertThat(total.chain()).hasSize(ledger.allInForce().size());
  }

  @Property
  void everyCellIsItsSystemFigurePlusTheEffectsOfItsChain(
      @ForAll("steps") List<Step> steps, @ForAll("figures") Map<OrgNode, Long> figures) {
    AdjustedRollups layer =
        AdjustedRollups.over(summing(figures), ORG, Q2, "revenue", ledger(steps, false), AT);
    for (OrgNode n : NODES) {
      AdjustedCell cell = layer.cell(n, CallCategory.COMMIT);
      long effects = cell.chain().stream().mapToLong(AppliedAdjustment::effect).sum();
      assertThat(cell.adjusted()).isEqualTo(cell.system() + effects);
      assertThat(cell.adjusted()).isEqualTo(layer.adjusted(n, CallCategory.COMMIT));
      cell.direct()
          .filter(a -> a.kind() == AdjustmentKind.OVERRIDE)
          .ifPresent(a -> assertThat(cell.adjusted()).isEqualTo(a.amount().toMinorUnits()));
    }
  }

  @Property(tries = 50)
  void revertingRestoresThePreviousValue(
      @ForAll("steps") List<Step> steps, @ForAll("figures") Map<OrgNode, Long> figures) {
    Clock clock = Clock.fixed(AT.minusSeconds(60), ZoneOffset.UTC);
    SalesPipeline engine =
        SalesPipeline.builder()
            .store(new InMemoryPipelineStore())
            .clock(clock)
            .organisation(ORG)
            .build();
    NodeRollups system = summing(figures);
    Map<OrgNode, Long> versions = new HashMap<>();
    for (Step s : steps) {
      OrgNode n = ADJUSTABLE.get(s.node());
      AdjustmentCell cell = AdjustmentCell.of(n, CALL_Q2, "revenue", CallCategory.COMMIT);
      long before = total(engine, system);
      long version = versions.getOrDefault(n, 0L);
      engine.adjustForecast(
          AdjustForecast.builder()
              .cell(cell)
              .kind(s.override() ? AdjustmentKind.OVERRIDE : AdjustmentKind.DELTA)
              .amount(Money.ofMinor(s.override() ? Math.abs(s.amount()) : s.amount(), USD))
              .reason("forecast review")
              .actor(UserId.of("vp"))
              .expectedVersion(version)
              .build());
      engine.revertAdjustment(
          RevertAdjustment.builder()
              .cell(cell)
              .reason("undo")
              .actor(UserId.of("vp"))
              .expectedVersion(version + 1)
              .build());
      assertThat(total(engine, system)).isEqualTo(before);
      // keep the adjustment for the next step: revert the revert
      engine.revertAdjustment(
          RevertAdjustment.builder()
              .cell(cell)
              .reason("redo")
              .actor(UserId.of("vp"))
              .expectedVersion(version + 2)
              .build());
      versions.put(n, version + 3);
    }
  }

  static final java.util.Currency USD = java.util.Currency.getInstance("USD");

  static long total(SalesPipeline engine, NodeRollups system) {
    return AdjustedRollups.over(
            system, ORG, Q2, "revenue", engine.adjustments(CALL_Q2, "revenue"), AT)
        .adjusted(SALES, CallCategory.COMMIT);
  }
}
