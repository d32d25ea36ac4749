package org.salespipeline.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.salespipeline.core.stage.StandardPipelines.QUALIFICATION;
import static org.salespipeline.testkit.ContractFixtures.ALICE;
import static org.salespipeline.testkit.ContractFixtures.allDeals;
import static org.salespipeline.testkit.ContractFixtures.assertConsistentHistory;
import static org.salespipeline.testkit.ContractFixtures.call;
import static org.salespipeline.testkit.ContractFixtures.engine;
import static org.salespipeline.testkit.ContractFixtures.move;
import static org.salespipeline.testkit.ContractFixtures.moveCommit;
import static org.salespipeline.testkit.ContractFixtures.newWorkspace;
import static org.salespipeline.testkit.ContractFixtures.openDeal;
import static org.salespipeline.testkit.ContractFixtures.stored;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Activity;
import org.salespipeline.core.ActivityType;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealId;
import org.salespipeline.core.Money;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.ValidationException;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.command.CommandResult;
import org.salespipeline.core.command.LogActivity;
import org.salespipeline.core.command.MoveDeal;
import org.salespipeline.core.command.OpenDeal;
import org.salespipeline.core.command.UpdateDeal;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.store.DealCommit;
import org.salespipeline.core.store.DuplicateIdempotencyKeyException;
import org.salespipeline.core.store.IdempotencyKeyReusedException;
import org.salespipeline.core.store.IdempotencyRecord;
import org.salespipeline.core.store.WorkspaceStore;
import org.salespipeline.testkit.ContractFixtures.Stored;

/**
 * Idempotency keys: a command replayed under a used key returns the first result and writes
 * nothing, also when several threads replay it at once; a commit that reuses a key another commit
 * recorded is refused with {@link DuplicateIdempotencyKeyException} and writes nothing. A key
 * reused by a different command (another deal, another payload: another fingerprint) is refused
 * with {@link IdempotencyKeyReusedException}, never replayed (issue 14 item 2). Keys compare
 * exactly as Java compares strings: a trailing space makes another key, and a key that holds a lone
 * UTF-16 surrogate is refused (issue 14 item 3).
 */
public interface IdempotencyContract extends StoreUnderTest {
  @Test
  default void replayedKeyReturnsTheFirstResultAndWritesNothing() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(storeUnderTest(), ws, clock);
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
    WorkspaceStore view = storeUnderTest().workspace(ws);
    assertThat(view.history(id)).hasSize(3);
    assertThat(view.deal(id).orElseThrow().version()).isEqualTo(3);
    assertRecord(view, "m-1", id, 2);
    assertRecord(view, "open-1", id, 1);
    assertThat(view.idempotencyRecord("never-used")).isEmpty();
    assertThat(allDeals(view)).hasSize(1);
  }

  @Test
  default void concurrentReplaysOfOneKeyWriteOnce() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(storeUnderTest(), ws, clock);
    int threads = 8;

    OpenDeal open = openDeal(clock).idempotencyKey("race-open").build();
    List<Race.Outcome<CommandResult>> opens = Race.run(threads, i -> pipeline.openDeal(open));
    assertThat(opens).allSatisfy(o -> assertThat(o.error()).isNull());
    List<CommandResult> openResults = opens.stream().map(Race.Outcome::value).toList();
    assertThat(openResults).filteredOn(r -> !r.replayed()).hasSize(1);
    Deal deal = openResults.get(0).deal();
    assertThat(openResults).extracting(CommandResult::deal).containsOnly(deal);
    WorkspaceStore view = storeUnderTest().workspace(ws);
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
    assertRecord(view, "race-log", deal.id(), 2);

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

  @Test
  default void commitWithAUsedKeyWritesNothing() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(storeUnderTest(), ws, clock);
    DealId first = pipeline.openDeal(openDeal(clock).idempotencyKey("used").build()).deal().id();
    DealId second = pipeline.openDeal(openDeal(clock).build()).deal().id();
    WorkspaceStore view = storeUnderTest().workspace(ws);
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
    assertRecord(view, "used", first, 1);

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
  default void keyReusedByAnotherCommandIsRefusedNotReplayed() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(storeUnderTest(), ws, clock);
    WorkspaceStore view = storeUnderTest().workspace(ws);
    DealId first =
        pipeline
            .openDeal(openDeal(clock).name("First").idempotencyKey("order-17").build())
            .deal()
            .id();
    // the same command again is a replay
    assertThat(
            pipeline
                .openDeal(openDeal(clock).name("First").idempotencyKey("order-17").build())
                .replayed())
        .isTrue();

    // another payload under the same key is refused, and nothing is written
    assertThatThrownBy(
            () ->
                pipeline.openDeal(openDeal(clock).name("Other").idempotencyKey("order-17").build()))
        .isInstanceOfSatisfying(
            IdempotencyKeyReusedException.class,
            e -> {
              assertThat(e.key()).isEqualTo("order-17");
              assertThat(e.storedFingerprint()).isNotEqualTo(e.fingerprint());
              assertThat(e.getMessage()).contains("order-17");
            });
    assertThat(allDeals(view)).extracting(Deal::id).containsExactly(first);

    // another deal under a used key is refused too
    DealId second = pipeline.openDeal(openDeal(clock).name("Second").build()).deal().id();
    MoveDeal moveFirst =
        MoveDeal.builder()
            .deal(first)
            .toStage(QUALIFICATION)
            .actor(ALICE)
            .idempotencyKey("mv")
            .build();
    pipeline.move(moveFirst);
    assertThat(pipeline.move(moveFirst).replayed()).isTrue();
    MoveDeal moveSecond =
        MoveDeal.builder()
            .deal(second)
            .toStage(QUALIFICATION)
            .actor(ALICE)
            .idempotencyKey("mv")
            .build();
    assertThatThrownBy(() -> pipeline.move(moveSecond))
        .isInstanceOf(IdempotencyKeyReusedException.class);
    assertThat(view.deal(second).orElseThrow().version()).isEqualTo(1);
    assertThat(view.history(second)).hasSize(1);
  }

  @Test
  default void storeRefusesACommitWhoseFingerprintDiffersFromTheKeysRecord() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(storeUnderTest(), ws, clock);
    WorkspaceStore view = storeUnderTest().workspace(ws);
    DealId first = pipeline.openDeal(openDeal(clock).build()).deal().id();
    DealId second = pipeline.openDeal(openDeal(clock).build()).deal().id();
    clock.tick();
    Instant at = clock.instant();
    view.commit(
        moveCommit(
                stored(view, first).deal().orElseThrow(),
                QUALIFICATION,
                at,
                List.of(),
                Optional.of("k"))
            .withCommandFingerprint("fingerprint-a"));
    assertThat(view.idempotencyRecord("k").orElseThrow().commandFingerprint())
        .contains("fingerprint-a");
    Stored before = stored(view, second);

    DealCommit other =
        moveCommit(before.deal().orElseThrow(), QUALIFICATION, at, List.of(), Optional.of("k"))
            .withCommandFingerprint("fingerprint-b");
    assertThatThrownBy(() -> view.commit(other))
        .isInstanceOfSatisfying(
            IdempotencyKeyReusedException.class,
            e -> {
              assertThat(e.key()).isEqualTo("k");
              assertThat(e.storedFingerprint()).isEqualTo("fingerprint-a");
              assertThat(e.fingerprint()).isEqualTo("fingerprint-b");
            });
    assertThatThrownBy(() -> view.commitAll(List.of(other)))
        .isInstanceOf(IdempotencyKeyReusedException.class);
    assertThat(stored(view, second)).isEqualTo(before);

    // the same fingerprint is the same command: a duplicate, as before
    DealCommit same =
        moveCommit(before.deal().orElseThrow(), QUALIFICATION, at, List.of(), Optional.of("k"))
            .withCommandFingerprint("fingerprint-a");
    assertThatThrownBy(() -> view.commit(same))
        .isInstanceOf(DuplicateIdempotencyKeyException.class)
        .isNotInstanceOf(IdempotencyKeyReusedException.class);
    assertThat(stored(view, second)).isEqualTo(before);
  }

  @Test
  default void keysCompareExactlyAsJavaStrings() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(storeUnderTest(), ws, clock);
    WorkspaceStore view = storeUnderTest().workspace(ws);
    DealId plain =
        pipeline.openDeal(openDeal(clock).idempotencyKey("order-17").build()).deal().id();
    CommandResult spaced = pipeline.openDeal(openDeal(clock).idempotencyKey("order-17 ").build());
    assertThat(spaced.replayed()).isFalse();
    assertThat(spaced.deal().id()).isNotEqualTo(plain);
    CommandResult upper = pipeline.openDeal(openDeal(clock).idempotencyKey("ORDER-17").build());
    assertThat(upper.replayed()).isFalse();
    assertRecord(view, "order-17", plain, 1);
    assertRecord(view, "order-17 ", spaced.deal().id(), 1);
    assertRecord(view, "ORDER-17", upper.deal().id(), 1);
    assertThat(view.idempotencyRecord("order-17  ")).isEmpty();
    assertThat(allDeals(view)).hasSize(3);
  }

  @Test
  default void keysWithALoneSurrogateAreRefused() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(storeUnderTest(), ws, clock);
    WorkspaceStore view = storeUnderTest().workspace(ws);
    DealId id = pipeline.openDeal(openDeal(clock).build()).deal().id();
    clock.tick();
    for (String key : List.of("order-\uD800", "order-\uDC00x")) {
      DealCommit commit =
          moveCommit(
              stored(view, id).deal().orElseThrow(),
              QUALIFICATION,
              clock.instant(),
              List.of(),
              Optional.of(key));
      assertThatThrownBy(() -> view.commit(commit))
          .isInstanceOfSatisfying(
              ValidationException.class,
              e -> assertThat(e.getMessage()).contains("idempotencyKey"));
    }
    assertThat(view.history(id)).hasSize(1);
    // a whole surrogate pair is a character like any other
    String emoji = "order-\uD83D\uDE00";
    DealId other = pipeline.openDeal(openDeal(clock).idempotencyKey(emoji).build()).deal().id();
    assertRecord(view, emoji, other, 1);
  }

  private static void assertRecord(WorkspaceStore view, String key, DealId deal, long version) {
    IdempotencyRecord record = view.idempotencyRecord(key).orElseThrow();
    assertThat(record.key()).isEqualTo(key);
    assertThat(record.dealId()).isEqualTo(deal);
    assertThat(record.dealVersion()).isEqualTo(version);
  }
}
