package org.salespipeline.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.salespipeline.core.stage.StandardPipelines.CLOSING;
import static org.salespipeline.core.stage.StandardPipelines.NEEDS_ANALYSIS;
import static org.salespipeline.core.stage.StandardPipelines.NEGOTIATION;
import static org.salespipeline.core.stage.StandardPipelines.PROPOSAL;
import static org.salespipeline.core.stage.StandardPipelines.QUALIFICATION;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.ActionChain;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Account;
import org.salespipeline.core.AccountId;
import org.salespipeline.core.Activity;
import org.salespipeline.core.ActivityId;
import org.salespipeline.core.ActivityType;
import org.salespipeline.core.AttributeValue;
import org.salespipeline.core.ConcurrentDealModificationException;
import org.salespipeline.core.ConcurrentRetentionModificationException;
import org.salespipeline.core.Contact;
import org.salespipeline.core.ContactId;
import org.salespipeline.core.CustomerRetention;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealHistory;
import org.salespipeline.core.DealId;
import org.salespipeline.core.DealKind;
import org.salespipeline.core.DealSource;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.Money;
import org.salespipeline.core.NeedsAnalysis;
import org.salespipeline.core.Negotiation;
import org.salespipeline.core.PipelineId;
import org.salespipeline.core.Proposal;
import org.salespipeline.core.Quota;
import org.salespipeline.core.RetentionStatus;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.Team;
import org.salespipeline.core.TeamId;
import org.salespipeline.core.UserId;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.command.CloseDeal;
import org.salespipeline.core.command.CommandResult;
import org.salespipeline.core.command.LogActivity;
import org.salespipeline.core.command.MoveDeal;
import org.salespipeline.core.command.OpenDeal;
import org.salespipeline.core.command.RecordQualification;
import org.salespipeline.core.command.ReopenDeal;
import org.salespipeline.core.command.ScheduleFollowUp;
import org.salespipeline.core.command.UpdateDeal;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.qualification.AuthorityRole;
import org.salespipeline.core.qualification.BantAssessment;
import org.salespipeline.core.qualification.Budget;
import org.salespipeline.core.qualification.Need;
import org.salespipeline.core.qualification.NeedSeverity;
import org.salespipeline.core.qualification.Timeline;
import org.salespipeline.core.rule.RuleSet;
import org.salespipeline.core.stage.PipelineDefinition;
import org.salespipeline.core.stage.Stage;
import org.salespipeline.core.stage.StandardPipelines;
import org.salespipeline.core.store.DealCommit;
import org.salespipeline.core.store.DealQuery;
import org.salespipeline.core.store.DuplicateIdempotencyKeyException;
import org.salespipeline.core.store.EventQuery;
import org.salespipeline.core.store.IdempotencyRecord;
import org.salespipeline.core.store.Page;
import org.salespipeline.core.store.PipelineStore;
import org.salespipeline.core.store.WorkspaceStore;

/**
 * The contract every {@link PipelineStore} must meet: one abstract suite that the in-memory store,
 * the JDBC stores and a host's own store all run through an empty leaf class.
 *
 * <p>It covers, through the public SPI and the {@link SalesPipeline} engine: reads of what was
 * written (value equality, microsecond instants, exact money and decimals), versions and stale
 * writes (reliability item T1), idempotent replays, also concurrent (T10), workspace isolation,
 * history order and replay, paging and streaming, reference data, all-or-nothing commits, real
 * concurrency on one deal and on many (T2, T3), and jqwik action chains checked against a model
 * after every step (T17).
 *
 * <p>A host tests its own store by adding the {@code pipeline-testkit} artifact with test scope and
 * writing one class; JUnit Jupiter runs the examples and the jqwik engine (a dependency of the
 * testkit) runs the property:
 *
 * <pre>{@code
 * import org.salespipeline.core.store.PipelineStore;
 * import org.salespipeline.testkit.PipelineStoreContract;
 *
 * class AcmeStoreContractTest extends PipelineStoreContract {
 *   // Shared by all tests: each test makes its own random workspace, so nothing needs emptying.
 *   private static final PipelineStore STORE = AcmeStore.connect("jdbc:acme://localhost/test");
 *
 *   @Override
 *   protected PipelineStore store() {
 *     return STORE;
 *   }
 * }
 * }</pre>
 *
 * <p>Requirements on the store under test: it keeps instants to at least microsecond precision (the
 * suite's clocks are truncated to microseconds); it may hold records of other workspaces (tests
 * never look beyond their own); it is safe for use by several threads (the concurrency tests run up
 * to eight). A commit the SPI does not name an exception for (events that do not continue the
 * history, a stale retention version inside a deal commit) may fail with any runtime exception, but
 * must write nothing.
 *
 * <p>The suite takes a few seconds on the in-memory store; against a database it runs a few
 * thousand short transactions.
 */
public abstract class PipelineStoreContract {
  private static final UserId ALICE = UserId.of("alice");
  private static final UserId BOB = UserId.of("bob");
  private static final List<String> LATER_OPEN_STAGES =
      List.of(QUALIFICATION, NEEDS_ANALYSIS, PROPOSAL, NEGOTIATION, CLOSING);

  /**
   * A store to test; may be shared between tests, but each test uses fresh workspaces it makes
   * itself (random WorkspaceId), so stores need not be emptied.
   *
   * @return the store under test, never null
   */
  protected abstract PipelineStore store();

  // ------------------------------------------------------------------ set-up

  private static WorkspaceId newWorkspace() {
    return WorkspaceId.of("t" + UUID.randomUUID().toString().replace("-", ""));
  }

  private SalesPipeline engine(WorkspaceId workspace, TestClock clock) {
    return SalesPipeline.builder()
        .store(store())
        .workspace(workspace)
        .clock(clock)
        .rules(RuleSet.none())
        .build();
  }

  private static OpenDeal.Builder openDeal(TestClock clock) {
    return OpenDeal.builder()
        .name("Acme platform")
        .owner(ALICE)
        .actor(ALICE)
        .amount(Money.of("50000.00", "USD"))
        .expectedCloseDate(clock.today().plusMonths(2));
  }

  private static MoveDeal move(DealId deal, String stage) {
    return MoveDeal.builder().deal(deal).toStage(stage).actor(ALICE).build();
  }

  /** A commit moving the deal one stage, built by hand as a store sees it. */
  private static DealCommit moveCommit(
      Deal deal, String to, Instant at, List<Activity> activities, Optional<String> key) {
    long sequence = deal.lastEventSequence() + 1;
    Deal moved =
        Deal.builder()
            .from(deal)
            .stage(to)
            .stageEnteredAt(at)
            .version(deal.version() + 1)
            .lastEventSequence(sequence)
            .build();
    DealEvent event =
        new DealEvent(
            deal.id(),
            sequence,
            deal.version() + 1,
            at,
            ALICE,
            key,
            new Change.StageChanged(deal.stage(), to));
    return new DealCommit(deal.version(), moved, List.of(event), activities, Optional.empty(), key);
  }

  private static Activity call(WorkspaceId workspace, DealId deal, Instant at) {
    return Activity.builder()
        .id(new ActivityId(UUID.randomUUID()))
        .workspace(workspace)
        .deal(deal)
        .type(ActivityType.CALL)
        .owner(ALICE)
        .subject("Discovery call")
        .occurredAt(at)
        .recordedAt(at)
        .build();
  }

  /** What a store holds about one deal. */
  private record Stored(Optional<Deal> deal, List<DealEvent> history, List<Activity> activities) {}

  private static Stored stored(WorkspaceStore view, DealId id) {
    return new Stored(view.deal(id), view.history(id), view.activities(id));
  }

  private static List<Deal> allDeals(WorkspaceStore view) {
    try (Stream<Deal> deals = view.streamDeals(DealQuery.all())) {
      return deals.toList();
    }
  }

  private static void assertConsistentHistory(WorkspaceStore view, DealId id) {
    Deal deal = view.deal(id).orElseThrow();
    List<DealEvent> history = view.history(id);
    assertThat(history)
        .extracting(DealEvent::sequence)
        .containsExactlyElementsOf(sequence(history));
    assertThat(history).extracting(DealEvent::dealId).containsOnly(id);
    assertThat(deal.lastEventSequence()).isEqualTo(history.size());
    assertThat(history.get(history.size() - 1).dealVersion()).isEqualTo(deal.version());
    assertThat(DealHistory.replay(history)).isEqualTo(deal);
  }

  private static List<Long> sequence(List<?> items) {
    return LongStream.rangeClosed(1, items.size()).boxed().toList();
  }

  // ------------------------------------------------------------------ create, read, update

  @Test
  public void openedDealIsReadBackExactly() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(ws, clock);
    Account account = pipeline.createAccount("Acme", Optional.of("Machinery"), Optional.of(BOB));
    Contact contact =
        pipeline.createContact("Dana", Optional.of(account.id()), Optional.of("dana@acme.test"));

    CommandResult opened =
        pipeline.openDeal(
            openDeal(clock)
                .account(account.id())
                .primaryContact(contact.id())
                .amount(Money.of("1234567.89", "EUR"))
                .source(DealSource.REFERRAL)
                .probabilityOverride(0.35)
                .nextStep("Send the security questionnaire")
                .putAttributes("seats", AttributeValue.number(new BigDecimal("12.50")))
                .putAttributes("region", AttributeValue.text("EMEA"))
                .putAttributes("strategic", AttributeValue.flag(true))
                .putAttributes("renewal", AttributeValue.date(LocalDate.of(2027, 1, 31)))
                .build());

    WorkspaceStore view = store().workspace(ws);
    Deal deal = opened.deal();
    assertThat(deal.version()).isEqualTo(1);
    assertThat(deal.createdAt()).isEqualTo(TestClock.START);
    assertThat(view.deal(deal.id())).contains(deal);
    assertThat(view.history(deal.id())).containsExactlyElementsOf(opened.events());
    assertThat(view.history(deal.id()).get(0).change()).isEqualTo(new Change.Created(deal));
    assertThat(view.activities(deal.id())).isEmpty();
    assertThat(view.deal(new DealId(UUID.randomUUID()))).isEmpty();
    assertThat(view.history(new DealId(UUID.randomUUID()))).isEmpty();
  }

  @Test
  public void updateRaisesTheVersionByOneAndAppendsItsEvents() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(ws, clock);
    DealId id = pipeline.openDeal(openDeal(clock).build()).deal().id();
    clock.tick();

    CommandResult updated =
        pipeline.update(
            UpdateDeal.builder()
                .deal(id)
                .actor(BOB)
                .amount(Money.of("60000.50", "USD"))
                .owner(BOB)
                .expectedVersion(1)
                .build());

    WorkspaceStore view = store().workspace(ws);
    Deal deal = view.deal(id).orElseThrow();
    assertThat(deal).isEqualTo(updated.deal());
    assertThat(deal.version()).isEqualTo(2);
    assertThat(deal.amount()).isEqualTo(Money.of("60000.50", "USD"));
    assertThat(deal.owner()).isEqualTo(BOB);
    List<DealEvent> history = view.history(id);
    assertThat(history).hasSize(3);
    assertThat(history.subList(1, 3)).containsExactlyElementsOf(updated.events());
    assertThat(history.subList(1, 3)).extracting(DealEvent::dealVersion).containsOnly(2L);
    assertThat(history.get(1).at()).isEqualTo(clock.instant());
    assertConsistentHistory(view, id);
  }

  @Test
  public void everyDealFieldRoundTrips() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(ws, clock);
    Account account = pipeline.createAccount("Globex");
    DealId won = pipeline.openDeal(openDeal(clock).account(account.id()).build()).deal().id();
    pipeline.win(CloseDeal.builder().deal(won).actor(ALICE).reason("signed").build());
    clock.tick();

    DealId id =
        pipeline
            .openDeal(
                openDeal(clock)
                    .name("Globex upsell")
                    .kind(DealKind.UPSELL)
                    .linkedDeal(won)
                    .amount(Money.of("12345.678", "BHD"))
                    .forecastCategory(ForecastCategory.COMMIT)
                    .putAttributes("discount", AttributeValue.number(new BigDecimal("0.125")))
                    .build())
            .deal()
            .id();
    clock.tick();
    pipeline.recordQualification(
        RecordQualification.builder()
            .deal(id)
            .actor(ALICE)
            .assessment(
                BantAssessment.builder()
                    .budget(Budget.confirmed(Money.of("15000.000", "BHD")))
                    .authority(AuthorityRole.DECISION_MAKER)
                    .need(Need.of(NeedSeverity.HIGH, "manual forecasting"))
                    .timeline(Timeline.by(clock.today().plusMonths(1)))
                    .build())
            .build());
    clock.tick();
    pipeline.update(
        UpdateDeal.builder()
            .deal(id)
            .actor(ALICE)
            .expectedCloseDate(clock.today().plusMonths(3))
            .needsAnalysis(new NeedsAnalysis(List.of("slow quotes", "no forecast"), List.of("SSO")))
            .proposal(
                new Proposal(
                    clock.instant().minusNanos(1_000),
                    Money.of("12000.5", "BHD"),
                    clock.today().plusDays(30)))
            .negotiation(
                new Negotiation(
                    new BigDecimal("12.5"), List.of("price"), Optional.of(clock.instant())))
            .build());
    clock.tick();
    pipeline.logActivity(
        LogActivity.builder()
            .deal(id)
            .actor(BOB)
            .type(ActivityType.MEETING)
            .subject("Pricing meeting")
            .outcome("Asked for a discount")
            .build());
    clock.tick();
    pipeline.scheduleFollowUp(
        ScheduleFollowUp.builder()
            .deal(id)
            .actor(ALICE)
            .subject("Call back")
            .dueAt(clock.instant().plus(Duration.ofDays(2)))
            .build());
    clock.tick();
    CommandResult lost =
        pipeline.lose(
            CloseDeal.builder()
                .deal(id)
                .actor(ALICE)
                .reason("chose competitor")
                .detail("Initech")
                .build());

    WorkspaceStore view = store().workspace(ws);
    Deal deal = view.deal(id).orElseThrow();
    assertThat(deal).isEqualTo(lost.deal());
    assertThat(deal.qualification()).isPresent();
    assertThat(deal.proposal()).isPresent();
    assertThat(deal.lastActivityAt()).isPresent();
    assertThat(deal.followUpDueAt()).isPresent();
    assertThat(deal.closedAt()).contains(clock.instant());
    assertThat(deal.linkedDeal()).contains(won);
    assertThat(deal.account()).contains(account.id());
    assertThat(view.activities(id)).hasSize(2);
    assertConsistentHistory(view, id);
    assertConsistentHistory(view, won);
  }

  // ------------------------------------------------------------------ T1: stale writes

  @Test
  public void staleCommitFailsAndWritesNothing() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    DealId id = engine(ws, clock).openDeal(openDeal(clock).build()).deal().id();
    WorkspaceStore view = store().workspace(ws);
    Deal first = view.deal(id).orElseThrow();
    Deal second = view.deal(id).orElseThrow();
    clock.tick();

    view.commit(moveCommit(first, QUALIFICATION, clock.instant(), List.of(), Optional.empty()));
    Stored after = stored(view, id);
    clock.tick();
    Instant at = clock.instant();
    DealCommit stale =
        moveCommit(second, NEEDS_ANALYSIS, at, List.of(call(ws, id, at)), Optional.of("stale-1"));

    assertThatThrownBy(() -> view.commit(stale))
        .isInstanceOfSatisfying(
            ConcurrentDealModificationException.class,
            e -> {
              assertThat(e.dealId()).isEqualTo(id);
              assertThat(e.expectedVersion()).isEqualTo(1);
            });
    assertThat(stored(view, id)).isEqualTo(after);
    assertThat(after.deal().orElseThrow().version()).isEqualTo(2);
    assertThat(after.deal().orElseThrow().stage()).isEqualTo(QUALIFICATION);
    assertThat(after.history()).hasSize(2);
    assertThat(view.idempotencyRecord("stale-1")).isEmpty();
    assertConsistentHistory(view, id);
  }

  @Test
  public void staleCommandFailsThroughTheEngine() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(ws, clock);
    DealId id = pipeline.openDeal(openDeal(clock).build()).deal().id();
    long seen = pipeline.requireDeal(id).version();
    clock.tick();
    pipeline.move(
        MoveDeal.builder()
            .deal(id)
            .toStage(QUALIFICATION)
            .actor(ALICE)
            .expectedVersion(seen)
            .build());
    clock.tick();

    assertThatThrownBy(
            () ->
                pipeline.move(
                    MoveDeal.builder()
                        .deal(id)
                        .toStage(PROPOSAL)
                        .actor(BOB)
                        .expectedVersion(seen)
                        .build()))
        .isInstanceOf(ConcurrentDealModificationException.class);
    WorkspaceStore view = store().workspace(ws);
    assertThat(view.deal(id).orElseThrow().version()).isEqualTo(2);
    assertThat(view.deal(id).orElseThrow().stage()).isEqualTo(QUALIFICATION);
    assertThat(view.history(id)).hasSize(2);
  }

  @Test
  public void creatingAnExistingIdFails() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(ws, clock);
    DealId id = new DealId(UUID.randomUUID());
    CommandResult opened = pipeline.openDeal(openDeal(clock).id(id).build());
    WorkspaceStore view = store().workspace(ws);
    Stored before = stored(view, id);
    clock.tick();

    assertThatThrownBy(() -> pipeline.openDeal(openDeal(clock).id(id).name("Again").build()))
        .isInstanceOf(ConcurrentDealModificationException.class);
    Deal copy = Deal.builder().from(opened.deal()).name("Direct").build();
    DealEvent created =
        new DealEvent(
            id,
            1,
            1,
            clock.instant(),
            ALICE,
            Optional.of("create-again"),
            new Change.Created(copy));
    DealCommit again =
        new DealCommit(
            0,
            copy,
            List.of(created),
            List.of(call(ws, id, clock.instant())),
            Optional.empty(),
            Optional.of("create-again"));
    assertThatThrownBy(() -> view.commit(again))
        .isInstanceOf(ConcurrentDealModificationException.class);

    assertThat(stored(view, id)).isEqualTo(before);
    assertThat(view.idempotencyRecord("create-again")).isEmpty();
    assertThat(allDeals(view)).containsExactly(opened.deal());
  }

  // ------------------------------------------------------------------ T10: idempotency

  @Test
  public void replayedKeyReturnsTheFirstResultAndWritesNothing() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(ws, clock);
    OpenDeal open = openDeal(clock).idempotencyKey("open-1").build();
    CommandResult opened = pipeline.openDeal(open);
    DealId id = opened.deal().id();
    clock.tick();
    CommandResult reopened = pipeline.openDeal(open);
    assertThat(reopened.replayed()).isTrue();
    assertThat(opened.replayed()).isFalse();
    assertThat(reopened.deal()).isEqualTo(opened.deal());
    assertThat(reopened.events()).isEqualTo(opened.events());

    MoveDeal move =
        MoveDeal.builder()
            .deal(id)
            .toStage(QUALIFICATION)
            .actor(ALICE)
            .idempotencyKey("m-1")
            .build();
    CommandResult moved = pipeline.move(move);
    clock.tick();
    pipeline.update(
        UpdateDeal.builder().deal(id).actor(ALICE).amount(Money.of(70_000, "USD")).build());
    clock.tick();
    CommandResult replayed = pipeline.move(move);

    assertThat(replayed.replayed()).isTrue();
    assertThat(replayed.deal()).isEqualTo(moved.deal());
    assertThat(replayed.events()).isEqualTo(moved.events());
    WorkspaceStore view = store().workspace(ws);
    assertThat(view.history(id)).hasSize(3);
    assertThat(view.deal(id).orElseThrow().version()).isEqualTo(3);
    assertThat(view.idempotencyRecord("m-1")).contains(new IdempotencyRecord("m-1", id, 2));
    assertThat(view.idempotencyRecord("open-1")).contains(new IdempotencyRecord("open-1", id, 1));
    assertThat(view.idempotencyRecord("never-used")).isEmpty();
    assertThat(allDeals(view)).hasSize(1);
  }

  @Test
  public void concurrentReplaysOfOneKeyWriteOnce() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(ws, clock);
    int threads = 8;

    OpenDeal open = openDeal(clock).idempotencyKey("race-open").build();
    List<Race.Outcome<CommandResult>> opens = Race.run(threads, i -> pipeline.openDeal(open));
    assertThat(opens).allSatisfy(o -> assertThat(o.error()).isNull());
    List<CommandResult> openResults = opens.stream().map(Race.Outcome::value).toList();
    assertThat(openResults).filteredOn(r -> !r.replayed()).hasSize(1);
    Deal deal = openResults.get(0).deal();
    assertThat(openResults).extracting(CommandResult::deal).containsOnly(deal);
    WorkspaceStore view = store().workspace(ws);
    assertThat(allDeals(view)).containsExactly(deal);

    LogActivity log =
        LogActivity.builder()
            .deal(deal.id())
            .actor(ALICE)
            .type(ActivityType.CALL)
            .subject("Follow-up call")
            .idempotencyKey("race-log")
            .build();
    List<Race.Outcome<Activity>> logs = Race.run(threads, i -> pipeline.logActivity(log));
    assertThat(logs).allSatisfy(o -> assertThat(o.error()).isNull());
    Activity activity = logs.get(0).value();
    assertThat(logs).extracting(Race.Outcome::value).containsOnly(activity);
    assertThat(view.activities(deal.id())).containsExactly(activity);
    assertThat(view.history(deal.id())).hasSize(2);
    assertThat(view.idempotencyRecord("race-log"))
        .contains(new IdempotencyRecord("race-log", deal.id(), 2));

    MoveDeal move =
        MoveDeal.builder()
            .deal(deal.id())
            .actor(ALICE)
            .toStage("qualification")
            .idempotencyKey("race-move")
            .build();
    List<Race.Outcome<CommandResult>> moves = Race.run(threads, i -> pipeline.move(move));
    assertThat(moves).allSatisfy(o -> assertThat(o.error()).isNull());
    assertThat(moves).extracting(o -> o.value().deal()).containsOnly(moves.get(0).value().deal());
    assertThat(moves).filteredOn(o -> !o.value().replayed()).hasSize(1);
    assertThat(view.history(deal.id())).hasSize(3);
    assertConsistentHistory(view, deal.id());
  }

  // ------------------------------------------------------------------ isolation

  @Test
  public void workspacesAreIsolated() {
    WorkspaceId a = newWorkspace();
    WorkspaceId b = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline inA = engine(a, clock);
    Account account = inA.createAccount("Acme");
    Contact contact = inA.createContact("Dana", Optional.of(account.id()), Optional.empty());
    DealId id =
        inA.openDeal(openDeal(clock).account(account.id()).idempotencyKey("shared-key").build())
            .deal()
            .id();
    inA.logActivity(
        LogActivity.builder().deal(id).actor(ALICE).type(ActivityType.NOTE).subject("n").build());
    inA.win(CloseDeal.builder().deal(id).actor(ALICE).build());
    Team team = Team.builder().id(TeamId.of("east")).workspace(a).name("East").manager(BOB).build();
    inA.saveTeam(team);

    WorkspaceStore viewB = store().workspace(b);
    assertThat(viewB.workspaceId()).isEqualTo(b);
    assertThat(viewB.deal(id)).isEmpty();
    assertThat(viewB.findDeals(DealQuery.all()).items()).isEmpty();
    assertThat(allDeals(viewB)).isEmpty();
    try (Stream<DealEvent> events = viewB.streamEvents(EventQuery.all())) {
      assertThat(events).isEmpty();
    }
    assertThat(viewB.history(id)).isEmpty();
    assertThat(viewB.activities(id)).isEmpty();
    assertThat(viewB.idempotencyRecord("shared-key")).isEmpty();
    assertThat(viewB.account(account.id())).isEmpty();
    assertThat(viewB.contact(contact.id())).isEmpty();
    assertThat(viewB.accountActivities(account.id())).isEmpty();
    assertThat(viewB.retention(account.id())).isEmpty();
    assertThat(viewB.teams()).isEmpty();
    assertThat(viewB.pipelines()).isEmpty();

    // The same key is free in another workspace.
    SalesPipeline inB = engine(b, clock);
    CommandResult openedInB = inB.openDeal(openDeal(clock).idempotencyKey("shared-key").build());
    assertThat(openedInB.replayed()).isFalse();
    assertThat(openedInB.deal().id()).isNotEqualTo(id);
    assertThat(allDeals(viewB)).containsExactly(openedInB.deal());
    WorkspaceStore viewA = store().workspace(a);
    assertThat(viewA.deal(openedInB.deal().id())).isEmpty();
    assertThat(viewA.idempotencyRecord("shared-key"))
        .contains(new IdempotencyRecord("shared-key", id, 1));
    assertThat(allDeals(viewA)).extracting(Deal::id).containsExactly(id);
    assertThat(viewA.teams()).containsExactly(team);
  }

  // ------------------------------------------------------------------ history

  @Test
  public void historyIsInSequenceOrderAndReplaysToTheStoredDeal() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(ws, clock);
    Account account = pipeline.createAccount("Initech");
    List<CommandResult> results = new ArrayList<>();
    results.add(pipeline.openDeal(openDeal(clock).account(account.id()).build()));
    DealId id = results.get(0).deal().id();
    clock.tick();
    results.add(
        pipeline.update(
            UpdateDeal.builder()
                .deal(id)
                .actor(ALICE)
                .amount(Money.of("51000.00", "USD"))
                .nextStep("Demo")
                .build()));
    clock.tick();
    results.add(pipeline.move(move(id, QUALIFICATION)));
    clock.tick();
    results.add(pipeline.move(move(id, NEGOTIATION)));
    clock.tick();
    Activity logged =
        pipeline.logActivity(
            LogActivity.builder()
                .deal(id)
                .actor(ALICE)
                .type(ActivityType.DEMO)
                .subject("Demo")
                .build());
    clock.tick();
    results.add(pipeline.win(CloseDeal.builder().deal(id).actor(ALICE).reason("signed").build()));
    clock.tick();
    results.add(
        pipeline.reopen(
            ReopenDeal.builder()
                .deal(id)
                .actor(BOB)
                .toStage(CLOSING)
                .reason("contract not countersigned")
                .build()));

    WorkspaceStore view = store().workspace(ws);
    List<DealEvent> history = view.history(id);
    List<DealEvent> expected = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      expected.addAll(results.get(i).events());
      if (i == 3) {
        expected.addAll(
            history.stream()
                .filter(e -> e.change() instanceof Change.ActivityLogged)
                .limit(1)
                .toList());
      }
    }
    assertThat(history).containsExactlyElementsOf(expected);
    assertThat(history)
        .extracting(DealEvent::sequence)
        .containsExactlyElementsOf(sequence(history));
    assertThat(history).extracting(DealEvent::dealVersion).isSorted();
    assertThat(history).extracting(DealEvent::at).isSorted();
    assertThat(history.stream().map(DealEvent::dealVersion).distinct()).hasSize(7);
    assertThat(history.get(history.size() - 1).change())
        .isInstanceOfAny(Change.StageChanged.class, Change.CategoryChanged.class);
    Deal deal = view.deal(id).orElseThrow();
    assertThat(deal).isEqualTo(results.get(results.size() - 1).deal());
    assertThat(deal.version()).isEqualTo(7);
    assertThat(deal.status()).isEqualTo(DealStatus.OPEN);
    assertThat(DealHistory.replay(history)).isEqualTo(deal);
    assertConsistentHistory(view, id);

    List<Activity> activities = view.activities(id);
    assertThat(activities).hasSize(2);
    assertThat(activities.get(0)).isEqualTo(logged);
    assertThat(activities.get(1).dueAt()).isPresent();
    assertThat(view.accountActivities(account.id())).containsExactlyElementsOf(activities);
    CustomerRetention retention = view.retention(account.id()).orElseThrow();
    assertThat(retention.status()).isEqualTo(RetentionStatus.ONBOARDING);
    assertThat(retention.wonDeal()).isEqualTo(id);
    assertThat(retention.version()).isEqualTo(1);
  }

  // ------------------------------------------------------------------ reads

  /** Opens deals with random ids (so id order differs from creation order), some lost. */
  private List<Deal> openMany(SalesPipeline pipeline, TestClock clock, int count) {
    for (int i = 0; i < count; i++) {
      OpenDeal.Builder open = openDeal(clock).name("Deal " + i).owner(i % 2 == 0 ? ALICE : BOB);
      if (i % 2 == 1) {
        open.id(new DealId(UUID.randomUUID()));
      }
      DealId id = pipeline.openDeal(open.build()).deal().id();
      if (i % 3 == 0) {
        pipeline.lose(CloseDeal.builder().deal(id).actor(ALICE).reason("no budget").build());
      } else if (i % 3 == 1) {
        pipeline.move(move(id, LATER_OPEN_STAGES.get(i % LATER_OPEN_STAGES.size())));
      }
      clock.tick();
    }
    List<Deal> all = allDeals(pipeline.store());
    assertThat(all).hasSize(count);
    return all;
  }

  private static List<DealId> pageThrough(WorkspaceStore view, DealQuery query, int pages) {
    List<DealId> ids = new ArrayList<>();
    Optional<DealId> after = Optional.empty();
    for (int page = 1; ; page++) {
      Page<Deal> result = view.findDeals(DealQuery.builder().from(query).afterId(after).build());
      assertThat(result.items()).hasSizeLessThanOrEqualTo(query.limit());
      assertThat(result.items()).allMatch(query::matches);
      ids.addAll(result.items().stream().map(Deal::id).toList());
      if (result.next().isEmpty()) {
        assertThat(page).as("pages").isEqualTo(pages);
        return ids;
      }
      assertThat(result.items()).hasSize(query.limit());
      assertThat(result.next()).contains(result.items().get(result.items().size() - 1).id());
      after = result.next();
      assertThat(page).as("pages").isLessThan(pages);
    }
  }

  @Test
  public void pagesCoverEveryDealOnceInIdOrder() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(ws, clock);
    List<Deal> all = openMany(pipeline, clock, 24);
    List<DealId> ids = all.stream().map(Deal::id).toList();
    assertThat(ids).isSortedAccordingTo(Comparator.naturalOrder()).doesNotHaveDuplicates();
    WorkspaceStore view = store().workspace(ws);

    assertThat(pageThrough(view, DealQuery.builder().limit(7).build(), 4)).isEqualTo(ids);
    assertThat(pageThrough(view, DealQuery.builder().limit(8).build(), 3)).isEqualTo(ids);
    assertThat(pageThrough(view, DealQuery.builder().limit(DealQuery.MAX_LIMIT).build(), 1))
        .isEqualTo(ids);
    DealQuery open = DealQuery.builder().addStatuses(DealStatus.OPEN).limit(5).build();
    assertThat(pageThrough(view, open, 4))
        .isEqualTo(all.stream().filter(open::matches).map(Deal::id).toList())
        .hasSize(16);
    assertThat(view.findDeals(DealQuery.builder().afterId(ids.get(ids.size() - 1)).build()).items())
        .isEmpty();
  }

  @Test
  public void findDealsAndStreamDealsApplyEveryFilter() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(ws, clock);
    Account account = pipeline.createAccount("Umbrella");
    openMany(pipeline, clock, 9);
    pipeline.openDeal(openDeal(clock).account(account.id()).build());
    pipeline.openDeal(openDeal(clock).pipeline(StandardPipelines.RENEWALS).owner(BOB).build());
    WorkspaceStore view = store().workspace(ws);
    List<Deal> all = allDeals(view);
    DealId middle = all.get(all.size() / 2).id();

    List<DealQuery> queries =
        List.of(
            DealQuery.all(),
            DealQuery.builder().addOwners(BOB).build(),
            DealQuery.builder().addStages(QUALIFICATION, NEEDS_ANALYSIS).build(),
            DealQuery.builder().addStatuses(DealStatus.LOST, DealStatus.WON).build(),
            DealQuery.builder().account(account.id()).build(),
            DealQuery.builder().pipeline(StandardPipelines.RENEWALS).build(),
            DealQuery.builder().pipeline(StandardPipelines.NEW_BUSINESS).build(),
            DealQuery.builder().addOwners(ALICE).addStatuses(DealStatus.OPEN).build(),
            DealQuery.builder().afterId(middle).build(),
            DealQuery.builder().addOwners(UserId.of("nobody")).build());
    for (DealQuery query : queries) {
      List<Deal> expected =
          all.stream()
              .filter(query::matches)
              .filter(d -> query.afterId().map(a -> d.id().compareTo(a) > 0).orElse(true))
              .toList();
      assertThat(view.findDeals(query).items()).as(query.toString()).isEqualTo(expected);
      try (Stream<Deal> streamed = view.streamDeals(query)) {
        assertThat(streamed.toList()).as(query.toString()).isEqualTo(expected);
      }
    }
    assertThat(view.findDeals(DealQuery.builder().addOwners(BOB).build()).items())
        .isNotEmpty()
        .allMatch(d -> d.owner().equals(BOB));
    assertThat(view.findDeals(DealQuery.builder().account(account.id()).build()).items())
        .hasSize(1);
  }

  @Test
  public void streamsReturnEverythingInIdOrderAndCanBeClosedEarly() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(ws, clock);
    List<Deal> all = openMany(pipeline, clock, 12);
    WorkspaceStore view = store().workspace(ws);
    assertThat(all).isEqualTo(view.findDeals(DealQuery.all()).items());
    assertThat(all).extracting(Deal::id).isSorted();

    // Far more early closes than any sane connection pool has connections: a leak shows here.
    for (int i = 0; i < 40; i++) {
      try (Stream<Deal> deals = view.streamDeals(DealQuery.all())) {
        assertThat(deals.findFirst()).contains(all.get(0));
      }
      try (Stream<DealEvent> events = view.streamEvents(EventQuery.all())) {
        assertThat(events.findFirst().map(DealEvent::dealId)).contains(all.get(0).id());
      }
    }
    Stream<Deal> closedTwice = view.streamDeals(DealQuery.all());
    closedTwice.close();
    closedTwice.close();
    assertThat(allDeals(view)).isEqualTo(all);
  }

  /** The values {@link WorkspaceStore#scanOpenDeals} passes for one deal. */
  private record ScannedDeal(
      String id,
      String stage,
      String owner,
      long amountMinor,
      String currency,
      int closeDay,
      ForecastCategory category,
      long createdSecond,
      int createdNano) {

    static ScannedDeal of(Deal d) {
      return new ScannedDeal(
          d.id().toString(),
          d.stage(),
          d.owner().value(),
          d.amount().toMinorUnits(),
          d.amount().currency().getCurrencyCode(),
          Math.toIntExact(d.expectedCloseDate().toEpochDay()),
          d.forecastCategory(),
          d.createdAt().getEpochSecond(),
          d.createdAt().getNano());
    }
  }

  private static List<ScannedDeal> scan(WorkspaceStore view, PipelineId pipeline) {
    List<ScannedDeal> out = new ArrayList<>();
    view.scanOpenDeals(
        pipeline,
        (id, stage, owner, amount, currency, closeDay, category, second, nano) ->
            out.add(
                new ScannedDeal(
                    id, stage, owner, amount, currency, closeDay, category, second, nano)));
    return out;
  }

  @Test
  public void scanOpenDealsVisitsExactlyTheOpenDealsOfThePipelineInIdOrder() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(ws, clock);
    List<Deal> many = openMany(pipeline, clock, 12);
    // Other currencies (0 and 3 fraction digits), a rep's category, an override, a pushed date.
    DealId yen =
        pipeline.openDeal(openDeal(clock).amount(Money.of("7000000", "JPY")).build()).deal().id();
    clock.tick();
    DealId dinar =
        pipeline
            .openDeal(openDeal(clock).owner(BOB).amount(Money.of("12000.505", "BHD")).build())
            .deal()
            .id();
    clock.tick();
    pipeline.update(
        UpdateDeal.builder()
            .deal(yen)
            .actor(ALICE)
            .forecastCategory(ForecastCategory.COMMIT)
            .probabilityOverride(0.8)
            .expectedCloseDate(clock.today().plusMonths(5))
            .build());
    pipeline.update(
        UpdateDeal.builder()
            .deal(dinar)
            .actor(BOB)
            .expectedCloseDate(clock.today().plusMonths(4))
            .build());
    // many is in id order and half the ids are random, so pick an open deal rather than a position
    DealId toWin = many.stream().filter(Deal::isOpen).findFirst().orElseThrow().id();
    pipeline.win(CloseDeal.builder().deal(toWin).actor(ALICE).build());
    // Open deals the scan must not see: another pipeline, another workspace.
    pipeline.openDeal(openDeal(clock).pipeline(StandardPipelines.RENEWALS).build());
    WorkspaceId otherWs = newWorkspace();
    engine(otherWs, clock).openDeal(openDeal(clock).build());

    WorkspaceStore view = store().workspace(ws);
    PipelineId newBusiness = StandardPipelines.NEW_BUSINESS;
    List<Deal> expected =
        allDeals(view).stream()
            .filter(d -> d.isOpen() && d.pipeline().equals(newBusiness))
            .toList();
    assertThat(expected).hasSizeGreaterThan(8);
    List<ScannedDeal> scanned = scan(view, newBusiness);

    assertThat(scanned).isEqualTo(expected.stream().map(ScannedDeal::of).toList());
    assertThat(scanned).extracting(ScannedDeal::id).isSorted().doesNotHaveDuplicates();
    assertThat(scanned).extracting(ScannedDeal::currency).contains("USD", "JPY", "BHD");
    assertThat(scanned)
        .filteredOn(r -> r.id().equals(yen.toString()))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.category()).isEqualTo(ForecastCategory.COMMIT);
              assertThat(r.amountMinor()).isEqualTo(7_000_000L);
            });
    assertThat(scanned)
        .filteredOn(r -> r.id().equals(dinar.toString()))
        .singleElement()
        .satisfies(r -> assertThat(r.amountMinor()).isEqualTo(12_000_505L));
    DealQuery open = DealQuery.builder().pipeline(newBusiness).addStatuses(DealStatus.OPEN).build();
    try (Stream<Deal> streamed = view.streamDeals(open)) {
      assertThat(streamed.map(ScannedDeal::of).toList()).isEqualTo(scanned);
    }

    assertThat(scan(view, StandardPipelines.RENEWALS)).hasSize(1);
    assertThat(scan(store().workspace(otherWs), newBusiness)).hasSize(1);
    assertThat(scan(view, PipelineId.of("nowhere"))).isEmpty();
    assertThat(scan(store().workspace(newWorkspace()), newBusiness)).isEmpty();
  }

  @Test
  public void scanOpenDealsReleasesItsResourcesWhenTheVisitorThrows() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(ws, clock);
    openMany(pipeline, clock, 6);
    WorkspaceStore view = store().workspace(ws);
    // Far more failed scans than any sane connection pool has connections: a leak shows here.
    for (int i = 0; i < 40; i++) {
      assertThatThrownBy(
              () ->
                  view.scanOpenDeals(
                      StandardPipelines.NEW_BUSINESS,
                      (id, stage, owner, amount, currency, day, category, second, nano) -> {
                        throw new IllegalStateException("stop");
                      }))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("stop");
    }
    assertThat(scan(view, StandardPipelines.NEW_BUSINESS)).hasSize(4);
  }

  @Test
  public void streamEventsOrdersByDealThenSequenceWithinInclusiveBounds() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(ws, clock);
    List<DealId> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(
          pipeline.openDeal(openDeal(clock).id(new DealId(UUID.randomUUID())).build()).deal().id());
      clock.tick();
    }
    // Interleave commands over the deals so that time order differs from stream order.
    for (int round = 0; round < 3; round++) {
      for (DealId id : ids) {
        pipeline.move(move(id, LATER_OPEN_STAGES.get(round)));
        clock.tick();
      }
    }
    WorkspaceStore view = store().workspace(ws);
    List<DealEvent> expected =
        ids.stream().sorted().flatMap(id -> view.history(id).stream()).toList();
    try (Stream<DealEvent> events = view.streamEvents(EventQuery.all())) {
      assertThat(events.toList()).isEqualTo(expected);
    }

    List<Instant> times = expected.stream().map(DealEvent::at).sorted().distinct().toList();
    Instant from = times.get(4);
    Instant until = times.get(times.size() - 5);
    EventQuery bounded = EventQuery.builder().from(from).until(until).build();
    List<DealEvent> within = expected.stream().filter(bounded::matches).toList();
    assertThat(within).extracting(DealEvent::at).contains(from, until);
    try (Stream<DealEvent> events = view.streamEvents(bounded)) {
      assertThat(events.toList()).isEqualTo(within);
    }
    try (Stream<DealEvent> events = view.streamEvents(EventQuery.until(from))) {
      assertThat(events.toList())
          .isEqualTo(expected.stream().filter(e -> !e.at().isAfter(from)).toList())
          .hasSize(5);
    }
  }

  // ------------------------------------------------------------------ reference data

  @Test
  public void pipelinesRoundTripInIdOrderAndAreReplaced() {
    WorkspaceId ws = newWorkspace();
    WorkspaceStore view = store().workspace(ws);
    PipelineDefinition custom =
        PipelineDefinition.builder()
            .from(
                StandardPipelines.newBusiness()
                    .withStageAdded(
                        1,
                        Stage.open(
                            "discovery",
                            "Discovery",
                            0.125,
                            ForecastCategory.PIPELINE,
                            Duration.ofHours(36).plusSeconds(1))))
            .id(PipelineId.of("a_custom"))
            .name("Custom")
            .build();
    view.savePipeline(StandardPipelines.renewals());
    view.savePipeline(StandardPipelines.newBusiness());
    view.savePipeline(custom);

    assertThat(view.pipeline(custom.id())).contains(custom);
    assertThat(view.pipeline(StandardPipelines.RENEWALS)).contains(StandardPipelines.renewals());
    assertThat(view.pipeline(PipelineId.of("unknown"))).isEmpty();
    assertThat(view.pipelines())
        .containsExactly(custom, StandardPipelines.newBusiness(), StandardPipelines.renewals());

    PipelineDefinition renamed = custom.withStageRenamed("discovery", "First call");
    view.savePipeline(renamed);
    assertThat(view.pipeline(custom.id())).contains(renamed);
    assertThat(view.pipelines()).hasSize(3).first().isEqualTo(renamed);
  }

  @Test
  public void accountsAndContactsRoundTripAndAreReplaced() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    WorkspaceStore view = store().workspace(ws);
    Account full =
        Account.builder()
            .id(new AccountId(UUID.randomUUID()))
            .workspace(ws)
            .name("Acme Ltd.")
            .industry("Manufacturing")
            .website("https://acme.test")
            .owner(BOB)
            .createdAt(clock.instant())
            .build();
    Account bare =
        Account.builder()
            .id(new AccountId(UUID.randomUUID()))
            .workspace(ws)
            .name("Bare")
            .createdAt(clock.instant().plusNanos(1_000))
            .build();
    view.saveAccount(full);
    view.saveAccount(bare);
    assertThat(view.account(full.id())).contains(full);
    assertThat(view.account(bare.id())).contains(bare);
    assertThat(view.account(new AccountId(UUID.randomUUID()))).isEmpty();
    Account renamed =
        Account.builder().from(full).name("Acme Group").website(Optional.empty()).build();
    view.saveAccount(renamed);
    assertThat(view.account(full.id())).contains(renamed);

    Contact contact =
        Contact.builder()
            .id(new ContactId(UUID.randomUUID()))
            .workspace(ws)
            .account(full.id())
            .name("Dana Scully")
            .email("dana@acme.test")
            .phone("+44 20 7946 0000")
            .title("VP Sales")
            .build();
    Contact lone =
        Contact.builder().id(new ContactId(UUID.randomUUID())).workspace(ws).name("Lone").build();
    view.saveContact(contact);
    view.saveContact(lone);
    assertThat(view.contact(contact.id())).contains(contact);
    assertThat(view.contact(lone.id())).contains(lone);
    Contact moved =
        Contact.builder().from(contact).account(bare.id()).phone(Optional.empty()).build();
    view.saveContact(moved);
    assertThat(view.contact(contact.id())).contains(moved);
    assertThat(view.contact(new ContactId(UUID.randomUUID()))).isEmpty();
  }

  @Test
  public void teamsRoundTripInIdOrderAndAreReplaced() {
    WorkspaceId ws = newWorkspace();
    WorkspaceStore view = store().workspace(ws);
    Team zeta =
        Team.builder()
            .id(TeamId.of("zeta"))
            .workspace(ws)
            .name("Zeta")
            .manager(ALICE)
            .addMembers(UserId.of("carol"), ALICE, BOB)
            .build();
    Team alpha =
        Team.builder()
            .id(TeamId.of("alpha"))
            .workspace(ws)
            .name("Alpha")
            .manager(BOB)
            .parent(zeta.id())
            .build();
    view.saveTeam(zeta);
    view.saveTeam(alpha);
    assertThat(view.teams()).containsExactly(alpha, zeta);

    Team reshuffled = Team.builder().from(zeta).members(List.of(BOB, UserId.of("dave"))).build();
    view.saveTeam(reshuffled);
    assertThat(view.teams()).containsExactly(alpha, reshuffled);
  }

  @Test
  public void quotasRoundTripInPeriodOrderAndAreReplaced() {
    WorkspaceId ws = newWorkspace();
    WorkspaceStore view = store().workspace(ws);
    Quota spring =
        Quota.builder()
            .workspace(ws)
            .owner(ALICE)
            .periodStart(LocalDate.of(2026, 4, 1))
            .periodEnd(LocalDate.of(2026, 6, 30))
            .amount(Money.of("150000.00", "USD"))
            .build();
    Quota winter =
        Quota.builder()
            .workspace(ws)
            .team(TeamId.of("east"))
            .periodStart(LocalDate.of(2026, 2, 1))
            .periodEnd(LocalDate.of(2026, 2, 28))
            .amount(Money.of("1.234", "BHD"))
            .build();
    Quota january =
        Quota.builder()
            .workspace(ws)
            .owner(BOB)
            .periodStart(LocalDate.of(2026, 1, 1))
            .periodEnd(LocalDate.of(2026, 3, 31))
            .amount(Money.of(5_000_000, "JPY"))
            .build();
    view.saveQuota(spring);
    view.saveQuota(winter);
    view.saveQuota(january);
    assertThat(view.quotas()).containsExactly(january, winter, spring);

    Quota raised = Quota.builder().from(spring).amount(Money.of("175000.01", "USD")).build();
    view.saveQuota(raised);
    Quota otherOwner = Quota.builder().from(spring).owner(BOB).build();
    view.saveQuota(otherOwner);
    assertThat(view.quotas()).hasSize(4).containsSubsequence(january, winter);
    assertThat(view.quotas().subList(2, 4)).containsExactlyInAnyOrder(raised, otherOwner);
  }

  @Test
  public void retentionRoundTripsAndChecksItsVersion() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(ws, clock);
    Account account = pipeline.createAccount("Hooli");
    DealId deal = pipeline.openDeal(openDeal(clock).account(account.id()).build()).deal().id();
    WorkspaceStore view = store().workspace(ws);
    assertThat(view.retention(account.id())).isEmpty();

    CustomerRetention first =
        CustomerRetention.builder()
            .account(account.id())
            .workspace(ws)
            .status(RetentionStatus.ONBOARDING)
            .wonDeal(deal)
            .since(clock.instant())
            .version(1)
            .build();
    Activity kickoff = accountActivity(ws, account.id(), clock.instant(), "Kick-off");
    view.commitRetention(first, List.of(kickoff));
    assertThat(view.retention(account.id())).contains(first);
    assertThat(view.accountActivities(account.id())).containsExactly(kickoff);
    clock.tick();

    CustomerRetention second =
        CustomerRetention.builder()
            .from(first)
            .status(RetentionStatus.ACTIVE)
            .since(clock.instant())
            .renewalDate(LocalDate.of(2027, 3, 1))
            .version(2)
            .build();
    view.commitRetention(second, List.of());
    assertThat(view.retention(account.id())).contains(second);

    for (long version : new long[] {1, 2, 4}) {
      CustomerRetention stale =
          CustomerRetention.builder()
              .from(second)
              .status(RetentionStatus.AT_RISK)
              .version(version)
              .build();
      Activity lost = accountActivity(ws, account.id(), clock.instant(), "Lost " + version);
      assertThatThrownBy(() -> view.commitRetention(stale, List.of(lost)))
          .as("version %s", version)
          .isInstanceOf(ConcurrentRetentionModificationException.class);
    }
    assertThat(view.retention(account.id())).contains(second);
    assertThat(view.accountActivities(account.id())).containsExactly(kickoff);
  }

  private static Activity accountActivity(
      WorkspaceId ws, AccountId account, Instant at, String subject) {
    return Activity.builder()
        .id(new ActivityId(UUID.randomUUID()))
        .workspace(ws)
        .account(account)
        .type(ActivityType.EMAIL)
        .owner(BOB)
        .subject(subject)
        .occurredAt(at)
        .recordedAt(at)
        .build();
  }

  @Test
  public void accountActivitiesRoundTripInRecordedOrder() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(ws, clock);
    Account account = pipeline.createAccount("Stark");
    Account other = pipeline.createAccount("Wayne");
    WorkspaceStore view = store().workspace(ws);
    Activity email = accountActivity(ws, account.id(), clock.instant(), "Intro");
    clock.tick();
    Activity followUp =
        Activity.builder()
            .id(new ActivityId(UUID.randomUUID()))
            .workspace(ws)
            .account(account.id())
            .type(ActivityType.FOLLOW_UP)
            .owner(ALICE)
            .subject("Check in")
            .dueAt(clock.instant().plus(Duration.ofDays(3)))
            .outcome("scheduled")
            .recordedAt(clock.instant())
            .build();
    clock.tick();
    Activity earlier =
        Activity.builder()
            .from(accountActivity(ws, account.id(), TestClock.START.minusSeconds(60), "Old"))
            .recordedAt(clock.instant())
            .build();
    view.saveAccountActivity(email);
    view.saveAccountActivity(followUp);
    view.saveAccountActivity(earlier);
    clock.tick();
    Activity logged =
        pipeline.logActivity(
            LogActivity.builder()
                .account(account.id())
                .actor(BOB)
                .type(ActivityType.NOTE)
                .subject("Met at the fair")
                .build());

    assertThat(view.accountActivities(account.id()))
        .containsExactly(email, followUp, earlier, logged);
    assertThat(view.accountActivities(other.id())).isEmpty();
  }

  // ------------------------------------------------------------------ all or nothing

  @Test
  public void commitThatDoesNotContinueTheHistoryWritesNothing() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(ws, clock);
    DealId id = pipeline.openDeal(openDeal(clock).build()).deal().id();
    DealId otherId = pipeline.openDeal(openDeal(clock).build()).deal().id();
    clock.tick();
    pipeline.move(move(id, QUALIFICATION));
    WorkspaceStore view = store().workspace(ws);
    Deal deal = view.deal(id).orElseThrow();
    Stored before = stored(view, id);
    Stored otherBefore = stored(view, otherId);
    clock.tick();
    Instant at = clock.instant();

    List<Function<DealEvent, DealEvent>> breakages =
        List.of(
            e -> withSequence(e, e.sequence() + 1), // a gap
            e -> withSequence(e, e.sequence() - 1), // a repeat
            e -> withSequence(e, 1), // a second start
            e ->
                new DealEvent(
                    otherId,
                    e.sequence(),
                    e.dealVersion(),
                    e.at(),
                    e.actor(),
                    e.idempotencyKey(),
                    e.change())); // another deal's event
    int attempt = 0;
    for (Function<DealEvent, DealEvent> breakage : breakages) {
      String key = "broken-" + attempt++;
      DealCommit good = moveCommit(deal, PROPOSAL, at, List.of(call(ws, id, at)), Optional.of(key));
      DealCommit broken =
          new DealCommit(
              good.expectedVersion(),
              good.deal(),
              List.of(breakage.apply(good.events().get(0))),
              good.activities(),
              good.retention(),
              good.idempotencyKey());
      assertThatThrownBy(() -> view.commit(broken)).as(key).isInstanceOf(RuntimeException.class);
      assertThat(stored(view, id)).as(key).isEqualTo(before);
      assertThat(stored(view, otherId)).as(key).isEqualTo(otherBefore);
      assertThat(view.idempotencyRecord(key)).as(key).isEmpty();
    }
    // The same commit unbroken goes through.
    view.commit(moveCommit(deal, PROPOSAL, at, List.of(call(ws, id, at)), Optional.of("fine")));
    assertThat(view.history(id)).hasSize(before.history().size() + 1);
    assertThat(view.activities(id)).hasSize(1);
    assertConsistentHistory(view, id);
  }

  private static DealEvent withSequence(DealEvent e, long sequence) {
    return new DealEvent(
        e.dealId(), sequence, e.dealVersion(), e.at(), e.actor(), e.idempotencyKey(), e.change());
  }

  @Test
  public void commitAllIsAllOrNothing() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(ws, clock);
    DealId existing = pipeline.openDeal(openDeal(clock).build()).deal().id();
    WorkspaceStore view = store().workspace(ws);
    Stored before = stored(view, existing);
    clock.tick();
    Instant at = clock.instant();
    List<DealCommit> batch = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Deal fresh =
          Deal.builder()
              .from(before.deal().orElseThrow())
              .id(new DealId(UUID.randomUUID()))
              .build();
      batch.add(
          new DealCommit(
              0,
              fresh,
              List.of(
                  new DealEvent(
                      fresh.id(), 1, 1, at, ALICE, Optional.empty(), new Change.Created(fresh))),
              List.of(),
              Optional.empty(),
              Optional.empty()));
    }
    // The last commit of the batch is stale: it claims to create a deal that exists.
    Deal clash = before.deal().orElseThrow();
    batch.add(
        new DealCommit(
            0,
            clash,
            List.of(
                new DealEvent(
                    clash.id(), 1, 1, at, ALICE, Optional.empty(), new Change.Created(clash))),
            List.of(),
            Optional.empty(),
            Optional.empty()));

    assertThatThrownBy(() -> view.commitAll(batch))
        .isInstanceOf(ConcurrentDealModificationException.class);
    for (DealCommit commit : batch.subList(0, 3)) {
      assertThat(view.deal(commit.deal().id())).isEmpty();
      assertThat(view.history(commit.deal().id())).isEmpty();
    }
    assertThat(stored(view, existing)).isEqualTo(before);

    view.commitAll(batch.subList(0, 3));
    assertThat(batch.subList(0, 3))
        .allSatisfy(c -> assertThat(view.deal(c.deal().id())).contains(c.deal()));
  }

  @Test
  public void commitWithAUsedKeyWritesNothing() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(ws, clock);
    DealId first = pipeline.openDeal(openDeal(clock).idempotencyKey("used").build()).deal().id();
    DealId second = pipeline.openDeal(openDeal(clock).build()).deal().id();
    WorkspaceStore view = store().workspace(ws);
    Stored before = stored(view, second);
    clock.tick();
    Instant at = clock.instant();

    DealCommit reused =
        moveCommit(
            before.deal().orElseThrow(),
            QUALIFICATION,
            at,
            List.of(call(ws, second, at)),
            Optional.of("used"));
    assertThatThrownBy(() -> view.commit(reused))
        .isInstanceOfSatisfying(
            DuplicateIdempotencyKeyException.class, e -> assertThat(e.key()).isEqualTo("used"));
    assertThat(stored(view, second)).isEqualTo(before);
    assertThat(view.idempotencyRecord("used")).contains(new IdempotencyRecord("used", first, 1));

    // A new deal under a used key is refused too, and not created.
    Deal fresh =
        Deal.builder().from(before.deal().orElseThrow()).id(new DealId(UUID.randomUUID())).build();
    DealCommit create =
        new DealCommit(
            0,
            fresh,
            List.of(
                new DealEvent(
                    fresh.id(), 1, 1, at, ALICE, Optional.of("used"), new Change.Created(fresh))),
            List.of(),
            Optional.empty(),
            Optional.of("used"));
    assertThatThrownBy(() -> view.commit(create))
        .isInstanceOf(DuplicateIdempotencyKeyException.class);
    assertThat(view.deal(fresh.id())).isEmpty();
    assertThat(view.history(fresh.id())).isEmpty();
    assertThat(allDeals(view)).hasSize(2);
  }

  @Test
  public void commitWithAStaleRetentionWritesNothing() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(ws, clock);
    Account account = pipeline.createAccount("Soylent");
    DealId won = pipeline.openDeal(openDeal(clock).account(account.id()).build()).deal().id();
    pipeline.win(CloseDeal.builder().deal(won).actor(ALICE).build());
    DealId id = pipeline.openDeal(openDeal(clock).account(account.id()).build()).deal().id();
    WorkspaceStore view = store().workspace(ws);
    CustomerRetention retention = view.retention(account.id()).orElseThrow();
    Stored before = stored(view, id);
    List<Activity> accountBefore = view.accountActivities(account.id());
    clock.tick();
    Instant at = clock.instant();

    DealCommit good =
        moveCommit(
            before.deal().orElseThrow(),
            QUALIFICATION,
            at,
            List.of(call(ws, id, at)),
            Optional.of("stale-retention"));
    CustomerRetention stale =
        CustomerRetention.builder()
            .from(retention)
            .wonDeal(id)
            .version(retention.version())
            .build();
    DealCommit broken =
        new DealCommit(
            good.expectedVersion(),
            good.deal(),
            good.events(),
            good.activities(),
            Optional.of(stale),
            good.idempotencyKey());
    assertThatThrownBy(() -> view.commit(broken)).isInstanceOf(RuntimeException.class);
    assertThat(stored(view, id)).isEqualTo(before);
    assertThat(view.retention(account.id())).contains(retention);
    assertThat(view.accountActivities(account.id())).isEqualTo(accountBefore);
    assertThat(view.idempotencyRecord("stale-retention")).isEmpty();

    CustomerRetention next =
        CustomerRetention.builder().from(stale).version(retention.version() + 1).build();
    view.commit(
        new DealCommit(
            good.expectedVersion(),
            good.deal(),
            good.events(),
            good.activities(),
            Optional.of(next),
            good.idempotencyKey()));
    assertThat(view.retention(account.id())).contains(next);
    assertThat(view.deal(id)).contains(good.deal());
  }

  // ------------------------------------------------------------------ T2, T3: concurrency

  @Test
  public void concurrentCommitsFromOneVersionLetExactlyOneWin() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    DealId id = engine(ws, clock).openDeal(openDeal(clock).build()).deal().id();
    WorkspaceStore view = store().workspace(ws);
    Deal base = view.deal(id).orElseThrow();
    clock.tick();
    int threads = 8;

    List<Race.Outcome<String>> outcomes =
        Race.run(
            threads,
            i -> {
              String stage = LATER_OPEN_STAGES.get(i % LATER_OPEN_STAGES.size());
              view.commit(
                  moveCommit(base, stage, clock.instant(), List.of(), Optional.of("c-" + i)));
              return stage;
            });

    assertThat(outcomes).filteredOn(Race.Outcome::succeeded).hasSize(1);
    assertThat(outcomes)
        .filteredOn(o -> !o.succeeded())
        .hasSize(threads - 1)
        .allSatisfy(
            o -> assertThat(o.error()).isInstanceOf(ConcurrentDealModificationException.class));
    String winner =
        outcomes.stream().filter(Race.Outcome::succeeded).findFirst().orElseThrow().value();
    Deal deal = view.deal(id).orElseThrow();
    assertThat(deal.version()).isEqualTo(2);
    assertThat(deal.stage()).isEqualTo(winner);
    assertThat(view.history(id)).hasSize(2);
    long keys =
        LongStream.range(0, threads)
            .filter(i -> view.idempotencyRecord("c-" + i).isPresent())
            .count();
    assertThat(keys).isEqualTo(1);
    assertConsistentHistory(view, id);
  }

  @Test
  public void concurrentMovesOfOneDealFromOneVersionLetExactlyOneWin() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(ws, clock);
    DealId id = pipeline.openDeal(openDeal(clock).build()).deal().id();
    clock.tick();
    int threads = 8;

    List<Race.Outcome<CommandResult>> outcomes =
        Race.run(
            threads,
            i ->
                pipeline.move(
                    MoveDeal.builder()
                        .deal(id)
                        .toStage(LATER_OPEN_STAGES.get(i % LATER_OPEN_STAGES.size()))
                        .actor(ALICE)
                        .expectedVersion(1)
                        .build()));

    assertThat(outcomes).filteredOn(Race.Outcome::succeeded).hasSize(1);
    assertThat(outcomes)
        .filteredOn(o -> !o.succeeded())
        .allSatisfy(
            o -> assertThat(o.error()).isInstanceOf(ConcurrentDealModificationException.class));
    CommandResult winner =
        outcomes.stream().filter(Race.Outcome::succeeded).findFirst().orElseThrow().value();
    WorkspaceStore view = store().workspace(ws);
    assertThat(view.deal(id)).contains(winner.deal());
    assertThat(view.history(id)).hasSize(1 + winner.events().size());
    assertConsistentHistory(view, id);
  }

  @Test
  public void concurrentMovesOfDifferentDealsAllCommit() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(ws, clock);
    int threads = 8;
    List<DealId> ids = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      ids.add(pipeline.openDeal(openDeal(clock).build()).deal().id());
    }
    clock.tick();

    List<Race.Outcome<CommandResult>> outcomes =
        Race.run(
            threads,
            i ->
                pipeline.move(
                    MoveDeal.builder()
                        .deal(ids.get(i))
                        .toStage(PROPOSAL)
                        .actor(ALICE)
                        .expectedVersion(1)
                        .build()));

    assertThat(outcomes).allSatisfy(o -> assertThat(o.error()).isNull());
    WorkspaceStore view = store().workspace(ws);
    for (DealId id : ids) {
      Deal deal = view.deal(id).orElseThrow();
      assertThat(deal.version()).isEqualTo(2);
      assertThat(deal.stage()).isEqualTo(PROPOSAL);
      assertConsistentHistory(view, id);
    }
  }

  /** What one writer thread saw succeed. */
  private record WriterLog(
      List<CommandResult> results, Map<DealId, List<ActivityId>> logged, int conflicts) {}

  @Test
  public void manyWritersAgreeWithTheModel() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(ws, clock);
    int dealCount = 12;
    int threads = 4;
    int commands = 150;
    List<DealId> ids = new ArrayList<>();
    for (int i = 0; i < dealCount; i++) {
      ids.add(pipeline.openDeal(openDeal(clock).build()).deal().id());
    }

    List<Race.Outcome<WriterLog>> outcomes =
        Race.run(
            threads,
            t -> {
              Random random = new Random(31L * t + 7);
              List<CommandResult> results = new ArrayList<>();
              Map<DealId, List<ActivityId>> logged = new HashMap<>();
              int conflicts = 0;
              for (int i = 0; i < commands; i++) {
                DealId id = ids.get(random.nextInt(dealCount));
                Deal seen = pipeline.requireDeal(id);
                try {
                  switch (random.nextInt(3)) {
                    case 0 -> {
                      List<String> targets = new ArrayList<>(LATER_OPEN_STAGES);
                      targets.add(StandardPipelines.PROSPECTING);
                      targets.remove(seen.stage());
                      results.add(
                          pipeline.move(
                              MoveDeal.builder()
                                  .deal(id)
                                  .toStage(targets.get(random.nextInt(targets.size())))
                                  .actor(ALICE)
                                  .expectedVersion(seen.version())
                                  .build()));
                    }
                    case 1 ->
                        results.add(
                            pipeline.update(
                                UpdateDeal.builder()
                                    .deal(id)
                                    .actor(BOB)
                                    .amount(Money.of(100_000 + t * 10_000 + i, "USD"))
                                    .expectedVersion(seen.version())
                                    .build()));
                    default -> {
                      Activity activity =
                          pipeline.logActivity(
                              LogActivity.builder()
                                  .deal(id)
                                  .actor(ALICE)
                                  .type(ActivityType.CALL)
                                  .subject("Call " + t + "-" + i)
                                  .idempotencyKey("w" + t + "-" + i)
                                  .build());
                      logged.computeIfAbsent(id, k -> new ArrayList<>()).add(activity.id());
                    }
                  }
                } catch (ConcurrentDealModificationException e) {
                  conflicts++;
                }
              }
              return new WriterLog(results, logged, conflicts);
            });

    assertThat(outcomes).allSatisfy(o -> assertThat(o.error()).isNull());
    List<WriterLog> logs = outcomes.stream().map(Race.Outcome::value).toList();
    WorkspaceStore view = store().workspace(ws);
    assertThat(allDeals(view)).extracting(Deal::id).containsExactlyInAnyOrderElementsOf(ids);
    for (DealId id : ids) {
      List<CommandResult> changes =
          logs.stream()
              .flatMap(l -> l.results().stream())
              .filter(r -> r.deal().id().equals(id))
              .toList();
      List<ActivityId> activities =
          logs.stream().flatMap(l -> l.logged().getOrDefault(id, List.of()).stream()).toList();
      Deal deal = view.deal(id).orElseThrow();
      List<DealEvent> history = view.history(id);
      assertThat(changes).allSatisfy(r -> assertThat(r.events()).isNotEmpty());
      assertThat(deal.version()).isEqualTo(1 + changes.size() + activities.size());
      assertThat(changes).extracting(r -> r.deal().version()).doesNotHaveDuplicates();
      assertThat(history)
          .hasSize(1 + changes.stream().mapToInt(r -> r.events().size()).sum() + activities.size());
      assertThat(view.activities(id))
          .extracting(Activity::id)
          .containsExactlyInAnyOrderElementsOf(activities);
      assertThat(
              history.stream()
                  .map(DealEvent::change)
                  .filter(Change.ActivityLogged.class::isInstance)
                  .map(c -> ((Change.ActivityLogged) c).activity()))
          .containsExactlyInAnyOrderElementsOf(activities);
      changes.stream()
          .max(Comparator.comparingLong(r -> r.deal().version()))
          .ifPresent(
              last -> {
                assertThat(deal.stage()).isEqualTo(last.deal().stage());
                assertThat(deal.amount()).isEqualTo(last.deal().amount());
              });
      for (CommandResult change : changes) {
        long version = change.deal().version();
        assertThat(history.stream().filter(e -> e.dealVersion() == version).toList())
            .isEqualTo(change.events());
      }
      assertConsistentHistory(view, id);
    }
    int succeeded =
        logs.stream()
            .mapToInt(
                l -> l.results().size() + l.logged().values().stream().mapToInt(List::size).sum())
            .sum();
    int conflicts = logs.stream().mapToInt(WriterLog::conflicts).sum();
    assertThat(succeeded + conflicts).isEqualTo(threads * commands);
    Set<ActivityId> unique = new HashSet<>();
    logs.forEach(l -> l.logged().values().forEach(unique::addAll));
    assertThat(unique).hasSize(succeeded - logs.stream().mapToInt(l -> l.results().size()).sum());
  }

  // ------------------------------------------------------------------ T17: action chains

  /**
   * Random sequences of create, move, stale move, replay of a key, win, lose, reopen, log activity
   * and query, run through the engine on {@link #store()} and checked against a model after every
   * step.
   */
  @Property(tries = 50)
  void actionChainsAgreeWithTheModel(@ForAll("dealActionChains") ActionChain<DealChain> chain) {
    chain.withInvariant("the store agrees with the model", DealChain::checkAllDeals).run();
  }

  /** The chains {@link #actionChainsAgreeWithTheModel} runs; each in a fresh workspace. */
  @Provide
  Arbitrary<ActionChain<DealChain>> dealActionChains() {
    PipelineStore store = store();
    return DealChain.chains(() -> new DealChain(store, newWorkspace()), 30);
  }
}
