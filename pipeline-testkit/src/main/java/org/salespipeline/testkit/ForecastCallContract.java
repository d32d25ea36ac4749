package org.salespipeline.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.salespipeline.testkit.ContractFixtures.ALICE;
import static org.salespipeline.testkit.ContractFixtures.BOB;
import static org.salespipeline.testkit.ContractFixtures.newWorkspace;
import static org.salespipeline.testkit.ContractFixtures.openDeal;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.DealId;
import org.salespipeline.core.Money;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.TeamId;
import org.salespipeline.core.UserId;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.call.AdjustForecast;
import org.salespipeline.core.call.Adjustment;
import org.salespipeline.core.call.AdjustmentCell;
import org.salespipeline.core.call.AdjustmentKind;
import org.salespipeline.core.call.CallCategory;
import org.salespipeline.core.call.CallPeriod;
import org.salespipeline.core.call.CallSource;
import org.salespipeline.core.call.ConcurrentAdjustmentModificationException;
import org.salespipeline.core.call.ForecastCall;
import org.salespipeline.core.call.RevertAdjustment;
import org.salespipeline.core.call.SubmitCall;
import org.salespipeline.core.org.OrgChart;
import org.salespipeline.core.org.OrgNode;
import org.salespipeline.core.rule.RuleSet;
import org.salespipeline.core.store.WorkspaceStore;

/**
 * Forecast calls and adjustments (issue 18): calls are append-only and read back exactly (with the
 * deals behind them), in submission order, as of any instant; adjustment versions of a cell follow
 * each other without gaps, so a stale or racing write fails with {@link
 * ConcurrentAdjustmentModificationException} and writes nothing.
 */
public interface ForecastCallContract extends StoreUnderTest {
  /** The second quarter of 2026, the period of every call here. */
  CallPeriod Q2 = CallPeriod.of(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 7, 1));

  /** A manager of a team with Alice and Bob, under a VP. */
  UserId MANAGER = UserId.of("maria");

  private SalesPipeline callEngine(WorkspaceId ws, TestClock clock) {
    return SalesPipeline.builder()
        .store(storeUnderTest())
        .workspace(ws)
        .clock(clock)
        .rules(RuleSet.none())
        .organisation(
            OrgChart.builder()
                .team(TeamId.of("sales"), UserId.of("vp"))
                .team(TeamId.of("east"), MANAGER, TeamId.of("sales"))
                .member(ALICE, TeamId.of("east"))
                .member(BOB, TeamId.of("east"))
                .build())
        .build();
  }

  private static SubmitCall call(OrgNode node, long commit, String note) {
    return SubmitCall.builder()
        .node(node)
        .period(Q2)
        .commit(Money.of(commit, "EUR"))
        .mostLikely(Money.of(commit + 10, "EUR"))
        .bestCase(Money.of(commit + 20, "EUR"))
        .note(note)
        .actor(ALICE)
        .build();
  }

  @Test
  default void callsAreAppendOnlyAndReadBackExactlyAsOfAnyInstant() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline engine = callEngine(ws, clock);
    DealId deal =
        engine
            .openDeal(openDeal(clock).expectedCloseDate(LocalDate.of(2026, 5, 15)).build())
            .deal()
            .id();
    OrgNode alice = OrgNode.user(ALICE);
    ForecastCall first = engine.submitCall(call(alice, 100, "week 1, ünïcode ✓"));
    clock.tick();
    ForecastCall team =
        engine.submitCall(
            SubmitCall.builder()
                .from(call(OrgNode.team(TeamId.of("east")), 300, "team"))
                .actor(MANAGER)
                .source(CallSource.AUTOMATIC)
                .build());
    clock.tick();
    ForecastCall second = engine.submitCall(call(alice, 120, "week 2"));

    WorkspaceStore view = storeUnderTest().workspace(ws);
    assertThat(view.forecastCalls(Q2, "revenue")).containsExactly(first, team, second);
    assertThat(first.backingDeals()).extracting(b -> b.deal()).containsExactly(deal);
    assertThat(engine.calls(alice, Q2, "revenue").asOf(team.submittedAt())).contains(first);
    assertThat(engine.calls(alice, Q2, "revenue").latest()).contains(second);
    assertThat(view.forecastCalls(Q2, "pipeline")).isEmpty();
    assertThat(view.forecastCalls(CallPeriod.of(Q2.start(), Q2.end().plusDays(1)), "revenue"))
        .isEmpty();
    assertThat(storeUnderTest().workspace(newWorkspace()).forecastCalls(Q2, "revenue")).isEmpty();

    assertThatThrownBy(() -> view.appendForecastCall(first)).isInstanceOf(RuntimeException.class);
    assertThat(view.forecastCalls(Q2, "revenue")).containsExactly(first, team, second);
  }

  private static Adjustment version(WorkspaceId ws, AdjustmentCell cell, long v, TestClock clock) {
    return Adjustment.builder()
        .workspace(ws)
        .cell(cell)
        .version(v)
        .kind(AdjustmentKind.DELTA)
        .amount(Money.of(-25 * v, "EUR"))
        .reason("deal slipped to Q3")
        .adjustedBy(MANAGER)
        .adjustedAt(clock.instant())
        .build();
  }

  @Test
  default void adjustmentVersionsFollowEachOtherAndAStaleOneWritesNothing() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    WorkspaceStore view = storeUnderTest().workspace(ws);
    AdjustmentCell cell = AdjustmentCell.of(OrgNode.user(BOB), Q2, "revenue", CallCategory.COMMIT);
    Adjustment v1 = version(ws, cell, 1, clock);
    view.appendAdjustment(v1);
    for (long stale : new long[] {1, 3}) {
      assertThatThrownBy(() -> view.appendAdjustment(version(ws, cell, stale, clock)))
          .isInstanceOfSatisfying(
              ConcurrentAdjustmentModificationException.class,
              e -> assertThat(e.actualVersion()).isEqualTo(1));
    }
    clock.tick();
    Adjustment v2 =
        Adjustment.builder().from(version(ws, cell, 2, clock)).revertsVersion(1).build();
    view.appendAdjustment(v2);
    AdjustmentCell other =
        AdjustmentCell.of(OrgNode.user(BOB), Q2, "revenue", CallCategory.BEST_CASE);
    Adjustment otherV1 = version(ws, other, 1, clock);
    view.appendAdjustment(otherV1);
    assertThat(view.adjustments(Q2, "revenue")).containsExactlyInAnyOrder(v1, v2, otherV1);
    assertThat(view.adjustments(Q2, "other")).isEmpty();
  }

  @Test
  default void ofRacingAdjustmentsOfOneCellExactlyOneIsWritten() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    WorkspaceStore view = storeUnderTest().workspace(ws);
    AdjustmentCell cell =
        AdjustmentCell.of(OrgNode.team(TeamId.of("east")), Q2, "revenue", CallCategory.MOST_LIKELY);
    List<Race.Outcome<Adjustment>> outcomes =
        Race.run(
            8,
            i -> {
              Adjustment a =
                  Adjustment.builder()
                      .from(version(ws, cell, 1, clock))
                      .reason("racer " + i)
                      .build();
              view.appendAdjustment(a);
              return a;
            });
    List<Adjustment> won =
        outcomes.stream().filter(Race.Outcome::succeeded).map(Race.Outcome::value).toList();
    assertThat(won).hasSize(1);
    assertThat(outcomes.stream().filter(o -> !o.succeeded()).map(Race.Outcome::error))
        .allMatch(e -> e instanceof ConcurrentAdjustmentModificationException);
    assertThat(view.adjustments(Q2, "revenue")).containsExactlyElementsOf(won);
  }

  @Test
  default void theEngineAdjustsAndRevertsThroughTheStore() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline engine = callEngine(ws, clock);
    AdjustmentCell cell =
        AdjustmentCell.of(OrgNode.user(ALICE), Q2, "revenue", CallCategory.COMMIT);
    engine.adjustForecast(
        AdjustForecast.builder()
            .cell(cell)
            .kind(AdjustmentKind.OVERRIDE)
            .amount(Money.of(900, "EUR"))
            .reason("renewal confirmed")
            .actor(MANAGER)
            .expectedVersion(0)
            .build());
    clock.tick();
    assertThatThrownBy(
            () ->
                engine.adjustForecast(
                    AdjustForecast.builder()
                        .cell(cell)
                        .kind(AdjustmentKind.DELTA)
                        .amount(Money.of(5, "EUR"))
                        .reason("based on a stale read")
                        .actor(MANAGER)
                        .expectedVersion(0)
                        .build()))
        .isInstanceOf(ConcurrentAdjustmentModificationException.class);
    engine.revertAdjustment(
        RevertAdjustment.builder()
            .cell(cell)
            .reason("renewal slipped")
            .actor(MANAGER)
            .expectedVersion(1)
            .build());
    var ledger = engine.adjustments(Q2, "revenue");
    assertThat(ledger.version(cell)).isEqualTo(2);
    assertThat(ledger.inForce(cell)).isEmpty();
    assertThat(ledger.inForce(cell, clock.instant().minusNanos(1_000_000))).isPresent();
  }
}
