package org.salespipeline.forecast.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salespipeline.forecast.rollup.RollupFixture.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.call.AdjustmentKind;
import org.salespipeline.core.call.AdjustmentLedger;
import org.salespipeline.core.call.CallCategory;

/** Issue 18: adjustments over the system roll-up, propagated upwards as indirect. */
class AdjustedRollupsTest {
  final NodeRollups system = summing(Map.of(ALICE, 100L, BOB, 200L, CAROL, 400L));

  @Test
  void withoutAdjustmentsEveryCellIsItsSystemFigure() {
    AdjustedRollups layer =
        AdjustedRollups.over(system, ORG, Q2, "revenue", AdjustmentLedger.empty(), AT);
    AdjustedCell total = layer.cell(SALES, CallCategory.COMMIT);
    assertThat(total.system()).isEqualTo(700);
    assertThat(total.adjusted()).isEqualTo(700);
    assertThat(total.isAdjusted()).isFalse();
    assertThat(layer.cell(SALES, CallCategory.BEST_CASE).adjusted()).isEqualTo(2100);
  }

  @Test
  void anAdjustmentOnATeamShowsInItsParentAsIndirect() {
    AdjustmentLedger ledger =
        AdjustmentLedger.of(
            List.of(
                adjustment(EAST, 1, AdjustmentKind.DELTA, 50),
                adjustment(ALICE, 1, AdjustmentKind.OVERRIDE, 160)));
    AdjustedRollups layer = AdjustedRollups.over(system, ORG, Q2, "revenue", ledger, AT);

    AdjustedCell alice = layer.cell(ALICE, CallCategory.COMMIT);
    assertThat(alice.system()).isEqualTo(100);
    assertThat(alice.adjusted()).isEqualTo(160);
    assertThat(alice.direct()).isPresent();

    AdjustedCell east = layer.cell(EAST, CallCategory.COMMIT);
    assertThat(east.system()).isEqualTo(300);
    assertThat(east.indirect()).isEqualTo(60);
    assertThat(east.adjusted()).isEqualTo(410);

    AdjustedCell sales = layer.cell(SALES, CallCategory.COMMIT);
    assertThat(sales.system()).isEqualTo(700);
    assertThat(sales.indirect()).isEqualTo(110);
    assertThat(sales.adjusted()).isEqualTo(810);
    assertThat(sales.direct()).isEmpty();
    assertThat(sales.chain())
        .extracting(a -> a.adjustment().cell().node(), AppliedAdjustment::effect)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ALICE, 60L),
            org.assertj.core.groups.Tuple.tuple(EAST, 50L));
    assertThat(layer.cell(WEST, CallCategory.COMMIT).isAdjusted()).isFalse();
    assertThat(layer.cell(SALES, CallCategory.MOST_LIKELY).adjusted()).isEqualTo(1400);
  }

  @Test
  void anOverrideAboveShadowsTheAdjustmentsBelowIt() {
    AdjustmentLedger ledger =
        AdjustmentLedger.of(
            List.of(
                adjustment(ALICE, 1, AdjustmentKind.DELTA, 30),
                adjustment(EAST, 1, AdjustmentKind.OVERRIDE, 250)));
    AdjustedRollups layer = AdjustedRollups.over(system, ORG, Q2, "revenue", ledger, AT);
    AdjustedCell east = layer.cell(EAST, CallCategory.COMMIT);
    assertThat(east.adjusted()).isEqualTo(250);
    assertThat(east.chain()).extracting(AppliedAdjustment::effect).containsExactly(30L, -80L);
    assertThat(layer.adjusted(SALES, CallCategory.COMMIT)).isEqualTo(650);
  }

  @Test
  void recomputedSystemFiguresKeepTheAdjustments() {
    AdjustmentLedger ledger =
        AdjustmentLedger.of(List.of(adjustment(BOB, 1, AdjustmentKind.DELTA, -20)));
    NodeRollups later = summing(Map.of(ALICE, 100L, BOB, 500L, CAROL, 400L));
    assertThat(
            AdjustedRollups.over(later, ORG, Q2, "revenue", ledger, AT)
                .adjusted(SALES, CallCategory.COMMIT))
        .isEqualTo(980);
  }

  @Test
  void aRevertedCellIsBackToItsSystemFigureAndAnAsOfReadSeesTheAdjustment() {
    var v1 = adjustment(CAROL, 1, AdjustmentKind.DELTA, 40);
    var v2 =
        org.salespipeline.core.call.Adjustment.builder()
            .from(adjustment(CAROL, 2, AdjustmentKind.CLEARED, 0))
            .adjustedAt(AT.plusSeconds(60))
            .revertsVersion(1)
            .build();
    AdjustmentLedger ledger = AdjustmentLedger.of(List.of(v2, v1));
    assertThat(
            AdjustedRollups.over(system, ORG, Q2, "revenue", ledger, AT.plusSeconds(120))
                .adjusted(WEST, CallCategory.COMMIT))
        .isEqualTo(400);
    assertThat(
            AdjustedRollups.over(system, ORG, Q2, "revenue", ledger, AT)
                .adjusted(WEST, CallCategory.COMMIT))
        .isEqualTo(440);
  }
}
