package org.salespipeline.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.call.AdjustForecast;
import org.salespipeline.core.call.Adjustment;
import org.salespipeline.core.call.AdjustmentCell;
import org.salespipeline.core.call.AdjustmentKind;
import org.salespipeline.core.call.AdjustmentNotAllowedException;
import org.salespipeline.core.call.CallCategory;
import org.salespipeline.core.call.CallHistory;
import org.salespipeline.core.call.CallPeriod;
import org.salespipeline.core.call.CallRefusedException;
import org.salespipeline.core.call.ConcurrentAdjustmentModificationException;
import org.salespipeline.core.call.ForecastCall;
import org.salespipeline.core.call.RevertAdjustment;
import org.salespipeline.core.call.SubmissionWindow;
import org.salespipeline.core.call.SubmitCall;
import org.salespipeline.core.org.OrgChart;
import org.salespipeline.core.org.OrgNode;
import org.salespipeline.core.store.memory.InMemoryPipelineStore;

/** Issue 18: forecast calls, their windows, and managers' adjustments through the engine. */
class ForecastCallsTest {
  static final CallPeriod Q2 = CallPeriod.of(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 7, 1));
  static final UserId VP = UserId.of("vp");
  static final UserId MARIA = UserId.of("maria");
  static final TeamId SALES = TeamId.of("sales");
  static final TeamId EAST = TeamId.of("east");
  static final OrgChart ORG =
      OrgChart.builder()
          .team(SALES, VP)
          .team(EAST, MARIA, SALES)
          .member(Fixtures.ALICE, EAST)
          .member(Fixtures.BOB, EAST)
          .build();

  final TestClock clock = Fixtures.clock();

  SalesPipeline engine(SubmissionWindow window) {
    return SalesPipeline.builder()
        .store(new InMemoryPipelineStore())
        .clock(clock)
        .organisation(ORG)
        .callWindows((p, t) -> java.util.Optional.ofNullable(window))
        .build();
  }

  static SubmitCall.Builder call(OrgNode node, long commit, long likely, long best) {
    return SubmitCall.builder()
        .node(node)
        .period(Q2)
        .commit(Money.of(commit, "USD"))
        .mostLikely(Money.of(likely, "USD"))
        .bestCase(Money.of(best, "USD"))
        .actor(Fixtures.ALICE);
  }

  @Test
  void callsAreAppendedAndReadAsOfAnyInstant() {
    SalesPipeline engine = engine(null);
    engine.openDeal(Fixtures.openDeal().expectedCloseDate(LocalDate.of(2026, 5, 10)).build());
    OrgNode alice = OrgNode.user(Fixtures.ALICE);
    ForecastCall first = engine.submitCall(call(alice, 100, 150, 200).note("week 1").build());
    Instant between = clock.instant();
    clock.advance(Duration.ofDays(7));
    ForecastCall second = engine.submitCall(call(alice, 120, 150, 220).build());

    CallHistory history = engine.calls(alice, Q2, "revenue");
    assertThat(history.all()).containsExactly(first, second);
    assertThat(history.latest()).contains(second);
    assertThat(history.asOf(between)).contains(first);
    assertThat(history.asOf(between.minusSeconds(1))).isEmpty();
    assertThat(first.note()).contains("week 1");
    assertThat(first.submittedBy()).isEqualTo(Fixtures.ALICE);
    assertThat(engine.calls(Q2, "revenue")).containsExactly(first, second);
  }

  @Test
  void aCallRecordsTheDealsBehindIt() {
    SalesPipeline engine = engine(null);
    Deal inQ2 =
        engine
            .openDeal(Fixtures.openDeal().expectedCloseDate(LocalDate.of(2026, 5, 10)).build())
            .deal();
    engine.openDeal(Fixtures.openDeal().expectedCloseDate(LocalDate.of(2026, 8, 10)).build());
    engine.openDeal(
        Fixtures.openDeal()
            .owner(Fixtures.BOB)
            .expectedCloseDate(LocalDate.of(2026, 5, 11))
            .build());

    ForecastCall own = engine.submitCall(call(OrgNode.user(Fixtures.ALICE), 0, 0, 0).build());
    ForecastCall team = engine.submitCall(call(OrgNode.team(EAST), 0, 0, 0).actor(MARIA).build());

    assertThat(own.backingDeals()).extracting(b -> b.deal()).containsExactly(inQ2.id());
    assertThat(own.backingDeals().get(0).amount()).isEqualTo(inQ2.amount());
    assertThat(team.backingDeals()).hasSize(2);
  }

  @Test
  void lateAndLockedCallsAreRefusedAndNothingIsStored() {
    Instant now = clock.instant();
    SalesPipeline late =
        engine(new SubmissionWindow(now.minusSeconds(60), now, now.plusSeconds(60)));
    assertThatThrownBy(() -> late.submitCall(call(OrgNode.user(Fixtures.ALICE), 1, 2, 3).build()))
        .isInstanceOfSatisfying(
            CallRefusedException.class,
            e -> {
              assertThat(e.refusal()).isEqualTo(SubmissionWindow.Refusal.LATE);
              assertThat(e.errorCode()).isEqualTo(ErrorCode.CALL_REFUSED);
              assertThat(e.getMessage()).contains("user:alice", "deadline");
            });
    assertThat(late.calls(Q2, "revenue")).isEmpty();

    SalesPipeline locked = engine(SubmissionWindow.of(now.minusSeconds(60), now));
    assertThatThrownBy(() -> locked.submitCall(call(OrgNode.user(Fixtures.ALICE), 1, 2, 3).build()))
        .isInstanceOfSatisfying(
            CallRefusedException.class,
            e -> assertThat(e.refusal()).isEqualTo(SubmissionWindow.Refusal.LOCKED));

    SalesPipeline open = engine(SubmissionWindow.of(now, now.plusSeconds(1)));
    assertThat(open.submitCall(call(OrgNode.user(Fixtures.ALICE), 1, 2, 3).build())).isNotNull();
  }

  @Test
  void amountsOutOfOrderAreRefusedNamingTheField() {
    SalesPipeline engine = engine(null);
    assertThatThrownBy(
            () -> engine.submitCall(call(OrgNode.user(Fixtures.ALICE), 300, 200, 100).build()))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.concerns("mostLikely") && e.concerns("bestCase")).isTrue());
  }

  static AdjustForecast.Builder adjust(OrgNode node, UserId actor, long amount, long version) {
    return AdjustForecast.builder()
        .cell(AdjustmentCell.of(node, Q2, "revenue", CallCategory.COMMIT))
        .kind(AdjustmentKind.OVERRIDE)
        .amount(Money.of(amount, "USD"))
        .reason("pushing the Acme renewal")
        .actor(actor)
        .expectedVersion(version);
  }

  @Test
  void managersAdjustOnlyNodesStrictlyBelowTheirTeams() {
    SalesPipeline engine = engine(null);
    assertThat(engine.adjustForecast(adjust(OrgNode.user(Fixtures.ALICE), MARIA, 5, 0).build()))
        .extracting(Adjustment::version)
        .isEqualTo(1L);
    assertThat(engine.adjustForecast(adjust(OrgNode.team(EAST), VP, 5, 0).build()).version())
        .isEqualTo(1L);
    for (var refused :
        java.util.List.of(
            adjust(OrgNode.team(EAST), MARIA, 5, 0),
            adjust(OrgNode.user(MARIA), MARIA, 5, 0),
            adjust(OrgNode.team(SALES), VP, 5, 0),
            adjust(OrgNode.user(Fixtures.BOB), Fixtures.ALICE, 5, 0))) {
      assertThatThrownBy(() -> engine.adjustForecast(refused.build()))
          .isInstanceOf(AdjustmentNotAllowedException.class)
          .hasMessageContaining("strictly below");
    }
  }

  @Test
  void aStaleVersionIsRefusedAndRevertRestoresThePreviousState() {
    SalesPipeline engine = engine(null);
    OrgNode alice = OrgNode.user(Fixtures.ALICE);
    AdjustmentCell cell = AdjustmentCell.of(alice, Q2, "revenue", CallCategory.COMMIT);
    engine.adjustForecast(adjust(alice, MARIA, 500, 0).build());
    engine.adjustForecast(adjust(alice, MARIA, 700, 1).build());
    assertThatThrownBy(() -> engine.adjustForecast(adjust(alice, MARIA, 900, 1).build()))
        .isInstanceOfSatisfying(
            ConcurrentAdjustmentModificationException.class,
            e -> assertThat(e.actualVersion()).isEqualTo(2));

    Adjustment reverted =
        engine.revertAdjustment(
            RevertAdjustment.builder()
                .cell(cell)
                .reason("deal slipped back")
                .actor(MARIA)
                .expectedVersion(2)
                .build());
    assertThat(reverted.version()).isEqualTo(3);
    assertThat(reverted.revertsVersion()).hasValue(2);
    assertThat(engine.adjustments(Q2, "revenue").inForce(cell))
        .map(a -> a.amount())
        .contains(Money.of(500, "USD"));
    engine.revertAdjustment(
        RevertAdjustment.builder().cell(cell).reason("no").actor(MARIA).expectedVersion(3).build());
    // why: a revert restores the state before the version it reverts, here version 2's override
    assertThat(engine.adjustments(Q2, "revenue").inForce(cell))
        .map(a -> a.amount())
        .contains(Money.of(700, "USD"));
    assertThat(engine.adjustments(Q2, "revenue").history(cell)).hasSize(4);
  }

  @Test
  void listenersHearCallsAndAdjustmentsAfterTheCommit() {
    java.util.List<Object> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
    SalesPipeline engine =
        SalesPipeline.builder()
            .store(new InMemoryPipelineStore())
            .clock(clock)
            .organisation(ORG)
            .listener(
                new org.salespipeline.core.event.PipelineListener() {
                  @Override
                  public void onCommitted(
                      java.util.List<org.salespipeline.core.event.DealEvent> e) {}

                  @Override
                  public void onCallSubmitted(ForecastCall call) {
                    heard.add(call);
                  }

                  @Override
                  public void onAdjusted(Adjustment adjustment) {
                    heard.add(adjustment);
                  }
                })
            .build();
    ForecastCall call = engine.submitCall(call(OrgNode.user(Fixtures.ALICE), 1, 2, 3).build());
    Adjustment adjustment =
        engine.adjustForecast(adjust(OrgNode.user(Fixtures.ALICE), MARIA, 5, 0).build());
    assertThat(heard).containsExactly(call, adjustment);
  }

  @Test
  void storedCallsSurviveAChangeOfConfiguration() {
    InMemoryPipelineStore store = new InMemoryPipelineStore();
    SalesPipeline before =
        SalesPipeline.builder().store(store).clock(clock).organisation(ORG).build();
    ForecastCall call =
        before.submitCall(call(OrgNode.team(EAST), 10, 20, 30).actor(MARIA).build());
    Instant now = clock.instant();
    SalesPipeline after =
        SalesPipeline.builder()
            .store(store)
            .clock(clock)
            .organisation(org.salespipeline.core.org.OrgDirectory.none())
            .callWindows(
                (p, t) -> java.util.Optional.of(SubmissionWindow.of(now.minusSeconds(9), now)))
            .build();
    assertThat(after.calls(OrgNode.team(EAST), Q2, "revenue").latest()).contains(call);
  }
}
