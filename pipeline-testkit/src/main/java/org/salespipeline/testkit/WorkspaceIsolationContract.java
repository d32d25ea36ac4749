package org.salespipeline.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.salespipeline.testkit.ContractFixtures.ALICE;
import static org.salespipeline.testkit.ContractFixtures.BOB;
import static org.salespipeline.testkit.ContractFixtures.allDeals;
import static org.salespipeline.testkit.ContractFixtures.engine;
import static org.salespipeline.testkit.ContractFixtures.newWorkspace;
import static org.salespipeline.testkit.ContractFixtures.openDeal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Account;
import org.salespipeline.core.Activity;
import org.salespipeline.core.ActivityType;
import org.salespipeline.core.ConcurrentDealModificationException;
import org.salespipeline.core.Contact;
import org.salespipeline.core.CustomerRetention;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealId;
import org.salespipeline.core.DealNotFoundException;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.Money;
import org.salespipeline.core.PipelineException;
import org.salespipeline.core.ProgressListener;
import org.salespipeline.core.RetentionStatus;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.Team;
import org.salespipeline.core.TeamId;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.command.CloseDeal;
import org.salespipeline.core.command.CommandResult;
import org.salespipeline.core.command.DealImport;
import org.salespipeline.core.command.LogActivity;
import org.salespipeline.core.command.MoveDeal;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.stage.StandardPipelines;
import org.salespipeline.core.store.DealCommit;
import org.salespipeline.core.store.DealQuery;
import org.salespipeline.core.store.EventQuery;
import org.salespipeline.core.store.IdempotencyRecord;
import org.salespipeline.core.store.WorkspaceStore;

/**
 * Workspace isolation: a store view bound to one workspace sees none of another workspace's deals,
 * events, activities, keys or reference data, and an idempotency key used in one workspace is free
 * in another.
 */
public interface WorkspaceIsolationContract extends StoreUnderTest {
  @Test
  default void workspacesAreIsolated() {
    WorkspaceId a = newWorkspace();
    WorkspaceId b = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline inA = engine(storeUnderTest(), a, clock);
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

    WorkspaceStore viewB = storeUnderTest().workspace(b);
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
    SalesPipeline inB = engine(storeUnderTest(), b, clock);
    CommandResult openedInB = inB.openDeal(openDeal(clock).idempotencyKey("shared-key").build());
    assertThat(openedInB.replayed()).isFalse();
    assertThat(openedInB.deal().id()).isNotEqualTo(id);
    assertThat(allDeals(viewB)).containsExactly(openedInB.deal());
    WorkspaceStore viewA = storeUnderTest().workspace(a);
    assertThat(viewA.deal(openedInB.deal().id())).isEmpty();
    IdempotencyRecord record = viewA.idempotencyRecord("shared-key").orElseThrow();
    assertThat(record.dealId()).isEqualTo(id);
    assertThat(record.dealVersion()).isEqualTo(1);
    assertThat(allDeals(viewA)).extracting(Deal::id).containsExactly(id);
    assertThat(viewA.teams()).containsExactly(team);
  }

  /**
   * Deal ids are unique across the store (issue 16): a create or import in workspace B with the id
   * of a deal of workspace A is refused with the error of any id clash, which tells nothing of A's
   * deal (not its workspace, name, amount or version); nothing is written in either workspace.
   */
  @Test
  default void aDealIdOfAnotherWorkspaceIsRefusedLikeAnyIdClash() {
    WorkspaceId a = newWorkspace();
    WorkspaceId b = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline inA = engine(storeUnderTest(), a, clock);
    SalesPipeline inB = engine(storeUnderTest(), b, clock);
    DealId ofA =
        inA.openDeal(
                openDeal(clock).name("Secret merger").amount(Money.of("987654.32", "EUR")).build())
            .deal()
            .id();
    inA.move(ofA, StandardPipelines.NEEDS_ANALYSIS, ALICE);
    inA.move(ofA, StandardPipelines.PROPOSAL, ALICE);
    WorkspaceStore viewA = storeUnderTest().workspace(a);
    WorkspaceStore viewB = storeUnderTest().workspace(b);
    ContractFixtures.Stored before = ContractFixtures.stored(viewA, ofA);
    Deal ofB = inB.openDeal(openDeal(clock).build()).deal();

    Throwable own = catchThrowable(() -> inB.openDeal(openDeal(clock).id(ofB.id()).build()));
    Throwable opened = catchThrowable(() -> inB.openDeal(openDeal(clock).id(ofA).build()));
    Throwable imported =
        catchThrowable(
            () ->
                inB.importDeals(
                    List.of(
                        DealImport.builder().deal(openDeal(clock).build()).build(),
                        DealImport.builder().deal(openDeal(clock).id(ofA).build()).build()),
                    ProgressListener.NONE));
    Deal copy = Deal.builder().from(ofB).id(ofA).build();
    DealEvent created =
        new DealEvent(
            ofA, 1, 1, clock.instant(), ALICE, Optional.empty(), new Change.Created(copy));
    DealCommit create =
        new DealCommit(0, copy, List.of(created), List.of(), Optional.empty(), Optional.empty());
    Throwable committed = catchThrowable(() -> viewB.commit(create));
    Throwable batched = catchThrowable(() -> viewB.commitAll(List.of(create)));

    assertThat(own).isInstanceOf(ConcurrentDealModificationException.class);
    for (Throwable refused : List.of(opened, imported, committed, batched)) {
      assertThat(refused)
          .isInstanceOfSatisfying(
              ConcurrentDealModificationException.class,
              e -> {
                assertThat(e.dealId()).isEqualTo(ofA);
                assertThat(e.expectedVersion()).isZero();
                assertThat(e.errorCode())
                    .isEqualTo(((ConcurrentDealModificationException) own).errorCode());
                // the same words as a clash with one's own deal, and nothing of A's deal
                assertThat(e.getMessage().replace(ofA.toString(), ofB.id().toString()))
                    .isEqualTo(own.getMessage());
                assertThat(e.getMessage())
                    .doesNotContain(a.value())
                    .doesNotContain("Secret")
                    // the amount as any format writes it; not "987" alone, which a random id
                    // may hold
                    .doesNotContain("987654")
                    .doesNotContain("987,654")
                    .doesNotContain("987 654")
                    .doesNotContain("version 3");
              });
    }
    assertThat(ContractFixtures.stored(viewA, ofA)).isEqualTo(before);
    assertThat(allDeals(viewB)).containsExactly(ofB);
    assertThat(viewB.history(ofA)).isEmpty();
  }

  /**
   * Issue 16, under races: 8 workspaces create one deal id at the same instant, round after round,
   * half of them as a single commit and half as a batch (an import with a second, free id). Exactly
   * one wins each round; every loser gets the typed id clash ({@link
   * ConcurrentDealModificationException#ID_TAKEN}, naming nothing of the winner) and writes
   * nothing, not even the free deal of its batch. A store that checks the id with a read alone lets
   * two workspaces win the same round.
   */
  @Test
  default void workspacesRacingToCreateOneDealIdLetExactlyOneWin() throws Exception {
    int threads = 8;
    int rounds = 25;
    TestClock clock = TestClock.start();
    List<WorkspaceId> workspaces = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      WorkspaceId ws = newWorkspace();
      engine(storeUnderTest(), ws, clock);
      workspaces.add(ws);
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < rounds; round++) {
        DealId contested = new DealId(UUID.randomUUID());
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Future<Optional<Throwable>>> results = new ArrayList<>();
        List<DealId> free = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
          WorkspaceStore view = storeUnderTest().workspace(workspaces.get(i));
          DealCommit mine = racingCreate(workspaces.get(i), contested, clock);
          DealId other = new DealId(UUID.randomUUID());
          free.add(other);
          DealCommit extra = racingCreate(workspaces.get(i), other, clock);
          boolean batch = i % 2 == 1;
          results.add(
              pool.submit(
                  () -> {
                    start.await();
                    try {
                      if (batch) {
                        view.commitAll(List.of(extra, mine));
                      } else {
                        view.commit(mine);
                      }
                      return Optional.<Throwable>empty();
                    } catch (RuntimeException e) {
                      return Optional.<Throwable>of(e);
                    }
                  }));
        }
        int winner = -1;
        for (int i = 0; i < threads; i++) {
          Optional<Throwable> outcome = results.get(i).get();
          if (outcome.isEmpty()) {
            assertThat(winner).as("round %d: a second workspace won", round).isEqualTo(-1);
            winner = i;
            continue;
          }
          assertThat(outcome.get())
              .as("round %d, workspace %d", round, i)
              .isInstanceOfSatisfying(
                  ConcurrentDealModificationException.class,
                  e -> {
                    assertThat(e.dealId()).isEqualTo(contested);
                    assertThat(e.expectedVersion()).isZero();
                    assertThat(e.actualVersion())
                        .isEqualTo(ConcurrentDealModificationException.ID_TAKEN);
                    for (WorkspaceId ws : workspaces) {
                      assertThat(e.getMessage()).doesNotContain(ws.value());
                    }
                  });
        }
        assertThat(winner).as("round %d: nobody won", round).isNotEqualTo(-1);
        for (int i = 0; i < threads; i++) {
          WorkspaceStore view = storeUnderTest().workspace(workspaces.get(i));
          assertThat(view.deal(contested).isPresent())
              .as("round %d, workspace %d", round, i)
              .isEqualTo(i == winner);
          assertThat(view.deal(free.get(i)).isPresent())
              .as("round %d, workspace %d: the batch's free deal", round, i)
              .isEqualTo(i == winner && i % 2 == 1);
          assertThat(view.history(contested)).hasSize(i == winner ? 1 : 0);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static DealCommit racingCreate(WorkspaceId ws, DealId id, TestClock clock) {
    Instant now = clock.instant();
    Deal deal =
        Deal.builder()
            .id(id)
            .workspace(ws)
            .pipeline(StandardPipelines.NEW_BUSINESS)
            .stage(StandardPipelines.PROSPECTING)
            .status(DealStatus.OPEN)
            .name("Racing deal")
            .owner(ALICE)
            .amount(Money.of(1000, "USD"))
            .expectedCloseDate(LocalDate.of(2026, 6, 30))
            .forecastCategory(ForecastCategory.PIPELINE)
            .createdAt(now)
            .stageEnteredAt(now)
            .version(1)
            .lastEventSequence(1)
            .build();
    DealEvent created =
        new DealEvent(id, 1, 1, now, ALICE, Optional.empty(), new Change.Created(deal));
    return new DealCommit(0, deal, List.of(created), List.of(), Optional.empty(), Optional.empty());
  }

  /**
   * Commands in workspace B naming A's deal or account (a move, a close, an activity, a retention
   * change) find nothing and change nothing of A's.
   */
  @Test
  default void commandsInAnotherWorkspaceNeverTouchItsRecords() {
    WorkspaceId a = newWorkspace();
    WorkspaceId b = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline inA = engine(storeUnderTest(), a, clock);
    SalesPipeline inB = engine(storeUnderTest(), b, clock);
    Account account = inA.createAccount("Acme");
    DealId won = inA.openDeal(openDeal(clock).account(account.id()).build()).deal().id();
    inA.win(CloseDeal.builder().deal(won).actor(ALICE).build());
    DealId open = inA.openDeal(openDeal(clock).build()).deal().id();
    WorkspaceStore viewA = storeUnderTest().workspace(a);
    ContractFixtures.Stored wonBefore = ContractFixtures.stored(viewA, won);
    ContractFixtures.Stored openBefore = ContractFixtures.stored(viewA, open);
    CustomerRetention retentionBefore = viewA.retention(account.id()).orElseThrow();
    List<Activity> accountActivitiesBefore = viewA.accountActivities(account.id());

    assertThatThrownBy(() -> inB.move(open, StandardPipelines.PROPOSAL, ALICE))
        .isInstanceOf(DealNotFoundException.class);
    assertThatThrownBy(() -> inB.win(CloseDeal.builder().deal(open).actor(ALICE).build()))
        .isInstanceOf(DealNotFoundException.class);
    assertThatThrownBy(
            () ->
                inB.logActivity(
                    LogActivity.builder()
                        .deal(open)
                        .actor(ALICE)
                        .type(ActivityType.NOTE)
                        .subject("from B")
                        .build()))
        .isInstanceOf(PipelineException.class);
    assertThatThrownBy(
            () -> inB.updateRetention(account.id(), RetentionStatus.AT_RISK, Optional.empty()))
        .isInstanceOf(PipelineException.class);

    assertThat(ContractFixtures.stored(viewA, won)).isEqualTo(wonBefore);
    assertThat(ContractFixtures.stored(viewA, open)).isEqualTo(openBefore);
    assertThat(viewA.retention(account.id())).contains(retentionBefore);
    assertThat(viewA.accountActivities(account.id())).isEqualTo(accountActivitiesBefore);
    WorkspaceStore viewB = storeUnderTest().workspace(b);
    assertThat(allDeals(viewB)).isEmpty();
    assertThat(viewB.retention(account.id())).isEmpty();
    assertThat(viewB.activities(open)).isEmpty();
  }

  /**
   * Idempotency keys are per workspace: B running a command under a key A used (for another kind of
   * command, or the very same one) runs it and does not replay, or refuse with, A's result.
   */
  @Test
  default void anIdempotencyKeyOfAnotherWorkspaceNeverReplaysItsResult() {
    WorkspaceId a = newWorkspace();
    WorkspaceId b = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline inA = engine(storeUnderTest(), a, clock);
    SalesPipeline inB = engine(storeUnderTest(), b, clock);
    DealId ofA = inA.openDeal(openDeal(clock).idempotencyKey("open-1").build()).deal().id();
    CommandResult movedInA =
        inA.move(
            MoveDeal.builder()
                .deal(ofA)
                .toStage(StandardPipelines.NEEDS_ANALYSIS)
                .actor(ALICE)
                .idempotencyKey("move-1")
                .build());

    CommandResult sameInB = inB.openDeal(openDeal(clock).idempotencyKey("open-1").build());
    CommandResult otherInB = inB.openDeal(openDeal(clock).idempotencyKey("move-1").build());

    assertThat(sameInB.replayed()).isFalse();
    assertThat(otherInB.replayed()).isFalse();
    assertThat(sameInB.deal().id()).isNotEqualTo(ofA);
    assertThat(otherInB.deal().id()).isNotEqualTo(ofA).isNotEqualTo(sameInB.deal().id());
    WorkspaceStore viewB = storeUnderTest().workspace(b);
    assertThat(viewB.idempotencyRecord("move-1").orElseThrow().dealId())
        .isEqualTo(otherInB.deal().id());
    WorkspaceStore viewA = storeUnderTest().workspace(a);
    assertThat(viewA.idempotencyRecord("move-1").orElseThrow().dealId()).isEqualTo(ofA);
    assertThat(viewA.deal(ofA)).contains(movedInA.deal());
    assertThat(viewA.history(ofA)).hasSize((int) movedInA.deal().lastEventSequence());
  }
}
