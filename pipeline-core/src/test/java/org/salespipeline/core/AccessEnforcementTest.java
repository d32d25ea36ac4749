package org.salespipeline.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.salespipeline.core.Fixtures.ALICE;
import static org.salespipeline.core.Fixtures.BOB;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.access.AccessDeniedException;
import org.salespipeline.core.access.AccessPolicy;
import org.salespipeline.core.access.Action;
import org.salespipeline.core.access.Grants;
import org.salespipeline.core.access.InvisibleDeals;
import org.salespipeline.core.access.Principal;
import org.salespipeline.core.call.AdjustForecast;
import org.salespipeline.core.call.AdjustmentCell;
import org.salespipeline.core.call.AdjustmentKind;
import org.salespipeline.core.call.CallCategory;
import org.salespipeline.core.call.CallPeriod;
import org.salespipeline.core.call.SubmitCall;
import org.salespipeline.core.command.DealImport;
import org.salespipeline.core.command.LogActivity;
import org.salespipeline.core.command.MoveDeal;
import org.salespipeline.core.command.UpdateDeal;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.org.OrgChart;
import org.salespipeline.core.org.OrgNode;
import org.salespipeline.core.stage.StandardPipelines;
import org.salespipeline.core.store.DealQuery;
import org.salespipeline.core.store.memory.InMemoryPipelineStore;

/** The engine's access checks (issue 16): where they sit and what a refusal leaves behind. */
class AccessEnforcementTest {
  static final UserId MIA = UserId.of("mia");
  static final UserId OLGA = UserId.of("olga");
  final TestClock clock = Fixtures.clock();

  SalesPipeline engine(AccessPolicy policy) {
    return SalesPipeline.builder()
        .store(new InMemoryPipelineStore())
        .clock(clock)
        .accessPolicy(policy)
        .build();
  }

  static Grants grants() {
    OrgChart org =
        OrgChart.builder()
            .team(TeamId.of("east"), MIA)
            .member(ALICE, TeamId.of("east"))
            .member(BOB, TeamId.of("east"))
            .build();
    return Grants.builder()
        .org(org)
        .roleWithEveryAction("sales-ops")
        .lockEditing(Set.of(StandardPipelines.NEGOTIATION), Set.of("sales-ops"))
        .build();
  }

  @Test
  void aPipelineWithoutAPolicyAllowsEverythingAsBefore() {
    SalesPipeline pipeline = Fixtures.engine(clock);
    Deal deal = Fixtures.open(pipeline).deal();

    assertThat(pipeline.principal()).isEmpty();
    pipeline.move(deal.id(), StandardPipelines.QUALIFICATION, BOB);
    SalesPipeline asBob = pipeline.as(Principal.of(BOB));
    assertThat(asBob.deal(deal.id())).isPresent();
    asBob.update(UpdateDeal.builder().deal(deal.id()).actor(BOB).nextStep("demo").build());
    assertThat(asBob.requireDeal(deal.id()).nextStep()).contains("demo");
  }

  @Test
  void aRefusedCommandNamesActionAndReasonAndWritesNothing() {
    SalesPipeline pipeline = engine(grants());
    Deal deal = Fixtures.open(pipeline).deal();
    List<DealEvent> before = pipeline.history(deal.id());

    assertThatThrownBy(
            () ->
                pipeline
                    .as(Principal.of(UserId.of("dave")))
                    .move(deal.id(), StandardPipelines.QUALIFICATION, UserId.of("dave")))
        .isInstanceOf(DealNotFoundException.class);
    assertThatThrownBy(
            () ->
                pipeline
                    .as(Principal.of(BOB))
                    .move(deal.id(), StandardPipelines.QUALIFICATION, BOB))
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e -> {
              assertThat(e.action()).isEqualTo(Action.MOVE);
              assertThat(e.deal()).contains(deal.id());
              assertThat(e.user()).isEqualTo(BOB);
              assertThat(e.errorCode()).isEqualTo(ErrorCode.ACCESS_DENIED);
              assertThat(e.getMessage()).contains("MOVE").contains("owned by alice");
            });
    assertThat(pipeline.history(deal.id())).isEqualTo(before);
    assertThat(pipeline.requireDeal(deal.id())).isEqualTo(deal);
  }

  @Test
  void theActorOfAPrincipalsCommandMustBeThePrincipal() {
    SalesPipeline pipeline = engine(grants());
    Deal deal = Fixtures.open(pipeline).deal();

    assertThatThrownBy(
            () ->
                pipeline
                    .as(Principal.of(BOB))
                    .move(deal.id(), StandardPipelines.QUALIFICATION, ALICE))
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e -> assertThat(e.reason()).contains("actor alice is not the principal bob"));
    assertThat(pipeline.requireDeal(deal.id()).version()).isEqualTo(1);
  }

  @Test
  void aRuleOverrideNeedsOverrideRule() {
    SalesPipeline pipeline = engine(Grants.builder().org(orgWithMia()).build());
    Deal deal = Fixtures.open(pipeline).deal();
    MoveDeal skip =
        MoveDeal.builder()
            .deal(deal.id())
            .toStage(StandardPipelines.CLOSING)
            .actor(ALICE)
            .override("customer signed early")
            .build();

    assertThatThrownBy(() -> pipeline.as(Principal.of(ALICE)).move(skip))
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e -> assertThat(e.action()).isEqualTo(Action.OVERRIDE_RULE));
    assertThat(pipeline.requireDeal(deal.id()).stage()).isEqualTo(StandardPipelines.PROSPECTING);

    pipeline.as(Principal.of(MIA)).move(MoveDeal.builder().from(skip).actor(MIA).build());
    assertThat(pipeline.history(deal.id()))
        .extracting(DealEvent::change)
        .anyMatch(c -> c instanceof Change.RuleOverridden);
  }

  private static OrgChart orgWithMia() {
    return OrgChart.builder().team(TeamId.of("east"), MIA).member(ALICE, TeamId.of("east")).build();
  }

  @Test
  void editingIsLockedInChosenStagesExceptForChosenRoles() {
    SalesPipeline locked =
        SalesPipeline.builder()
            .store(new InMemoryPipelineStore())
            .clock(clock)
            .rules(org.salespipeline.core.rule.RuleSet.none())
            .accessPolicy(grants())
            .build();
    Deal deal = Fixtures.open(locked).deal();
    locked.move(deal.id(), StandardPipelines.NEGOTIATION, ALICE);
    UpdateDeal edit = UpdateDeal.builder().deal(deal.id()).actor(ALICE).nextStep("sign").build();

    assertThat(locked.as(Principal.of(ALICE)).deal(deal.id())).isPresent();
    assertThatThrownBy(() -> locked.as(Principal.of(ALICE)).update(edit))
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e -> assertThat(e.reason()).isEqualTo("stage negotiation is locked for editing"));
    locked
        .as(Principal.of(OLGA, "sales-ops"))
        .update(UpdateDeal.builder().from(edit).actor(OLGA).build());
    assertThat(locked.requireDeal(deal.id()).nextStep()).contains("sign");
  }

  @Test
  void workspaceActionsAreCheckedImportQuotaTeamsAndTheFeed() {
    SalesPipeline pipeline = engine(grants());
    SalesPipeline alice = pipeline.as(Principal.of(ALICE));
    Quota quota =
        Quota.builder()
            .workspace(pipeline.workspace())
            .owner(ALICE)
            .periodStart(LocalDate.of(2026, 1, 1))
            .periodEnd(LocalDate.of(2026, 3, 31))
            .amount(Money.of(100_000, "USD"))
            .build();
    Team team =
        Team.builder()
            .id(TeamId.of("west"))
            .workspace(pipeline.workspace())
            .name("West")
            .manager(ALICE)
            .build();
    DealImport row = DealImport.builder().deal(Fixtures.openDeal().build()).build();

    assertThatThrownBy(() -> alice.setQuota(quota))
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e -> assertThat(e.action()).isEqualTo(Action.MANAGE_QUOTA));
    assertThatThrownBy(() -> alice.saveTeam(team))
        .isInstanceOfSatisfying(
            AccessDeniedException.class, e -> assertThat(e.action()).isEqualTo(Action.ADMIN));
    assertThatThrownBy(() -> alice.importDeals(List.of(row), (done, all) -> {}))
        .isInstanceOfSatisfying(
            AccessDeniedException.class, e -> assertThat(e.action()).isEqualTo(Action.IMPORT));
    assertThatThrownBy(() -> alice.feed().read(0, 10))
        .isInstanceOfSatisfying(
            AccessDeniedException.class, e -> assertThat(e.action()).isEqualTo(Action.ADMIN));
    assertThat(pipeline.quotas()).isEmpty();
    assertThat(pipeline.teams()).isEmpty();
    assertThat(pipeline.findDeals(DealQuery.all()).items()).isEmpty();

    SalesPipeline ops = pipeline.as(Principal.of(OLGA, "sales-ops"));
    ops.setQuota(quota);
    assertThat(pipeline.quotas()).containsExactly(quota);
  }

  @Test
  void aSystemPrincipalIsRecordedInHistoryAsSuch() {
    SalesPipeline pipeline = engine(grants());
    Principal job = Principal.system("nightly-import");
    SalesPipeline system = pipeline.as(job);

    Deal deal = system.openDeal(Fixtures.openDeal().actor(job.user()).build()).deal();

    Deal imported =
        system
            .importDeals(
                List.of(
                    DealImport.builder()
                        .deal(Fixtures.openDeal().actor(job.user()).build())
                        .build()),
                (done, all) -> {})
            .imported()
            .stream()
            .map(pipeline::requireDeal)
            .findFirst()
            .orElseThrow();
    assertThat(pipeline.history(imported.id()))
        .extracting(DealEvent::actor)
        .containsOnly(job.user());
    assertThatThrownBy(
            () ->
                system.importDeals(
                    List.of(DealImport.builder().deal(Fixtures.openDeal().build()).build()),
                    (done, all) -> {}))
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e ->
                assertThat(e.reason())
                    .isEqualTo("actor alice is not the principal system.nightly-import"));
    assertThat(job.isSystem()).isTrue();
    assertThat(job.user()).isEqualTo(UserId.of("system.nightly-import"));
    assertThat(pipeline.history(deal.id())).extracting(DealEvent::actor).containsOnly(job.user());
    assertThatThrownBy(() -> Principal.system("bad job"))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("job"));
  }

  @Test
  void readsOfAnInvisibleDealAnswerAsNotFoundOrRefuse() {
    SalesPipeline pipeline = engine(grants());
    Deal deal = Fixtures.open(pipeline).deal();
    pipeline.logActivity(
        LogActivity.builder()
            .deal(deal.id())
            .type(ActivityType.CALL)
            .subject("intro")
            .actor(ALICE)
            .build());
    SalesPipeline dave = pipeline.as(Principal.of(UserId.of("dave")));

    assertThat(dave.deal(deal.id())).isEmpty();
    assertThat(dave.history(deal.id())).isEmpty();
    assertThat(dave.activities(deal.id())).isEmpty();
    assertThat(dave.dealAsOf(deal.id(), clock.instant())).isEmpty();
    assertThat(dave.idleDeals(Optional.empty(), Optional.empty())).isEmpty();
    assertThat(dave.board().count()).isZero();
    assertThatThrownBy(() -> dave.requireDeal(deal.id())).isInstanceOf(DealNotFoundException.class);

    SalesPipeline refusing =
        SalesPipeline.builder()
            .store(new InMemoryPipelineStore())
            .clock(clock)
            .accessPolicy(grants())
            .invisibleDeals(InvisibleDeals.DENIED)
            .build();
    Deal other = Fixtures.open(refusing).deal();
    assertThatThrownBy(() -> refusing.as(Principal.of(UserId.of("dave"))).deal(other.id()))
        .isInstanceOfSatisfying(
            AccessDeniedException.class, e -> assertThat(e.action()).isEqualTo(Action.VIEW));
  }

  @Test
  void aReassignmentAloneNeedsReassignNotEdit() {
    SalesPipeline pipeline =
        engine(Grants.builder().role("router", Action.VIEW, Action.REASSIGN).build());
    Deal deal = Fixtures.open(pipeline).deal();
    SalesPipeline router = pipeline.as(Principal.of(OLGA, "router"));

    router.update(UpdateDeal.builder().deal(deal.id()).actor(OLGA).owner(BOB).build());
    assertThat(pipeline.requireDeal(deal.id()).owner()).isEqualTo(BOB);
    assertThatThrownBy(
            () ->
                router.update(
                    UpdateDeal.builder().deal(deal.id()).actor(OLGA).nextStep("call").build()))
        .isInstanceOfSatisfying(
            AccessDeniedException.class, e -> assertThat(e.action()).isEqualTo(Action.EDIT));
    assertThat(pipeline.requireDeal(deal.id()).nextStep()).isEmpty();
  }

  @Test
  void forecastCallsAndAdjustmentsNeedTheirActionsAndARefusalStoresNothing() {
    TeamId east = TeamId.of("east");
    OrgChart org = OrgChart.builder().team(east, MIA).member(ALICE, east).build();
    SalesPipeline pipeline =
        SalesPipeline.builder()
            .store(new InMemoryPipelineStore())
            .clock(clock)
            .organisation(org)
            .accessPolicy(Grants.builder().org(org).everyone(Action.SUBMIT_FORECAST).build())
            .build();
    CallPeriod q2 = CallPeriod.of(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 7, 1));
    SubmitCall call =
        SubmitCall.builder()
            .node(OrgNode.user(ALICE))
            .period(q2)
            .commit(Money.of(100, "USD"))
            .mostLikely(Money.of(150, "USD"))
            .bestCase(Money.of(200, "USD"))
            .actor(ALICE)
            .build();
    AdjustForecast cut =
        AdjustForecast.builder()
            .cell(AdjustmentCell.of(OrgNode.user(ALICE), q2, "revenue", CallCategory.COMMIT))
            .kind(AdjustmentKind.OVERRIDE)
            .amount(Money.of(80, "USD"))
            .reason("pushing Acme")
            .actor(MIA)
            .expectedVersion(0)
            .build();

    pipeline.as(Principal.of(ALICE)).submitCall(call);
    assertThatThrownBy(() -> pipeline.as(Principal.of(MIA)).adjustForecast(cut))
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e -> assertThat(e.action()).isEqualTo(Action.ADJUST_FORECAST));
    assertThat(pipeline.adjustments(q2, "revenue").cells()).isEmpty();

    SalesPipeline withAdjusting =
        SalesPipeline.builder()
            .store(new InMemoryPipelineStore())
            .clock(clock)
            .organisation(org)
            .accessPolicy(Grants.builder().org(org).everyone(Action.ADJUST_FORECAST).build())
            .build();
    assertThatThrownBy(() -> withAdjusting.as(Principal.of(ALICE)).submitCall(call))
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e -> assertThat(e.action()).isEqualTo(Action.SUBMIT_FORECAST));
    assertThat(withAdjusting.calls(q2, "revenue")).isEmpty();
    withAdjusting.as(Principal.of(MIA)).adjustForecast(cut);
    assertThat(withAdjusting.adjustments(q2, "revenue").allInForce()).hasSize(1);
  }
}
