package org.salespipeline.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salespipeline.core.stage.StandardPipelines.PROPOSAL;
import static org.salespipeline.testkit.ContractFixtures.ALICE;
import static org.salespipeline.testkit.ContractFixtures.BOB;
import static org.salespipeline.testkit.ContractFixtures.LATER_OPEN_STAGES;
import static org.salespipeline.testkit.ContractFixtures.allDeals;
import static org.salespipeline.testkit.ContractFixtures.assertConsistentHistory;
import static org.salespipeline.testkit.ContractFixtures.engine;
import static org.salespipeline.testkit.ContractFixtures.moveCommit;
import static org.salespipeline.testkit.ContractFixtures.newWorkspace;
import static org.salespipeline.testkit.ContractFixtures.openDeal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Activity;
import org.salespipeline.core.ActivityId;
import org.salespipeline.core.ActivityType;
import org.salespipeline.core.ConcurrentDealModificationException;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealId;
import org.salespipeline.core.Money;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.command.CommandResult;
import org.salespipeline.core.command.LogActivity;
import org.salespipeline.core.command.MoveDeal;
import org.salespipeline.core.command.UpdateDeal;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.stage.StandardPipelines;
import org.salespipeline.core.store.WorkspaceStore;

/**
 * Real concurrency: of several threads committing from one version of a deal exactly one wins and
 * the others fail with {@link ConcurrentDealModificationException}; moves of different deals all
 * commit; and many writers issuing random commands on shared deals leave every deal agreeing with
 * what the writers saw succeed.
 */
public interface ConcurrencyContract extends StoreUnderTest {
  @Test
  default void concurrentCommitsFromOneVersionLetExactlyOneWin() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    DealId id = engine(storeUnderTest(), ws, clock).openDeal(openDeal(clock).build()).deal().id();
    WorkspaceStore view = storeUnderTest().workspace(ws);
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
  default void concurrentMovesOfOneDealFromOneVersionLetExactlyOneWin() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(storeUnderTest(), ws, clock);
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
    WorkspaceStore view = storeUnderTest().workspace(ws);
    assertThat(view.deal(id)).contains(winner.deal());
    assertThat(view.history(id)).hasSize(1 + winner.events().size());
    assertConsistentHistory(view, id);
  }

  @Test
  default void concurrentMovesOfDifferentDealsAllCommit() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(storeUnderTest(), ws, clock);
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
    WorkspaceStore view = storeUnderTest().workspace(ws);
    for (DealId id : ids) {
      Deal deal = view.deal(id).orElseThrow();
      assertThat(deal.version()).isEqualTo(2);
      assertThat(deal.stage()).isEqualTo(PROPOSAL);
      assertConsistentHistory(view, id);
    }
  }

  @Test
  default void manyWritersAgreeWithTheModel() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(storeUnderTest(), ws, clock);
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
    WorkspaceStore view = storeUnderTest().workspace(ws);
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

  /**
   * Issue 15: eight threads on 50 deals, commands without expected versions (updates and
   * activities): the engine retries the conflicts, so none fails and every change is stored.
   */
  @Test
  default void commandsWithoutAVersionAreRetriedUntilTheyCommit() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(storeUnderTest(), ws, clock);
    int dealCount = 50;
    int threads = 8;
    int commands = 150;
    List<DealId> ids = new ArrayList<>();
    for (int i = 0; i < dealCount; i++) {
      ids.add(pipeline.openDeal(openDeal(clock).build()).deal().id());
    }

    List<Race.Outcome<List<CommandResult>>> outcomes =
        Race.run(
            threads,
            t -> {
              Random random = new Random(13L * t + 5);
              List<CommandResult> results = new ArrayList<>();
              for (int i = 0; i < commands; i++) {
                DealId id = ids.get(random.nextInt(dealCount));
                if (random.nextBoolean()) {
                  results.add(
                      pipeline.update(
                          UpdateDeal.builder()
                              .deal(id)
                              .actor(BOB)
                              .amount(Money.of(200_000 + t * 1_000 + i, "USD"))
                              .build()));
                } else {
                  pipeline.logActivity(
                      LogActivity.builder()
                          .deal(id)
                          .actor(ALICE)
                          .type(ActivityType.EMAIL)
                          .subject("Mail " + t + "-" + i)
                          .build());
                }
              }
              return results;
            });

    assertThat(outcomes).allSatisfy(o -> assertThat(o.error()).isNull());
    List<CommandResult> updates = outcomes.stream().flatMap(o -> o.value().stream()).toList();
    assertThat(updates).allSatisfy(r -> assertThat(r.attempts()).isBetween(1, 8));
    WorkspaceStore view = storeUnderTest().workspace(ws);
    long events = ids.stream().mapToLong(id -> view.history(id).size()).sum();
    assertThat(events).isEqualTo(dealCount + (long) threads * commands);
    for (DealId id : ids) {
      assertConsistentHistory(view, id);
    }
  }

  /** A command with an expected version is never retried: the conflict reaches the caller. */
  @Test
  default void commandsWithAnExpectedVersionAreNeverRetried() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(storeUnderTest(), ws, clock);
    DealId id = pipeline.openDeal(openDeal(clock).build()).deal().id();
    CommandResult first =
        pipeline.update(
            UpdateDeal.builder()
                .deal(id)
                .actor(BOB)
                .amount(Money.of(1_000, "USD"))
                .expectedVersion(1)
                .build());

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                pipeline.update(
                    UpdateDeal.builder()
                        .deal(id)
                        .actor(BOB)
                        .amount(Money.of(2_000, "USD"))
                        .expectedVersion(1)
                        .build()))
        .isInstanceOf(ConcurrentDealModificationException.class);
    assertThat(first.attempts()).isEqualTo(1);
    assertThat(storeUnderTest().workspace(ws).deal(id).orElseThrow().version()).isEqualTo(2);
  }
}
