package org.salespipeline.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salespipeline.core.stage.StandardPipelines.CLOSING;
import static org.salespipeline.core.stage.StandardPipelines.NEGOTIATION;
import static org.salespipeline.core.stage.StandardPipelines.QUALIFICATION;
import static org.salespipeline.testkit.ContractFixtures.ALICE;
import static org.salespipeline.testkit.ContractFixtures.BOB;
import static org.salespipeline.testkit.ContractFixtures.LATER_OPEN_STAGES;
import static org.salespipeline.testkit.ContractFixtures.assertConsistentHistory;
import static org.salespipeline.testkit.ContractFixtures.engine;
import static org.salespipeline.testkit.ContractFixtures.move;
import static org.salespipeline.testkit.ContractFixtures.newWorkspace;
import static org.salespipeline.testkit.ContractFixtures.openDeal;
import static org.salespipeline.testkit.ContractFixtures.sequence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Account;
import org.salespipeline.core.Activity;
import org.salespipeline.core.ActivityType;
import org.salespipeline.core.CustomerRetention;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealHistory;
import org.salespipeline.core.DealId;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.Money;
import org.salespipeline.core.RetentionStatus;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.command.CloseDeal;
import org.salespipeline.core.command.CommandResult;
import org.salespipeline.core.command.LogActivity;
import org.salespipeline.core.command.ReopenDeal;
import org.salespipeline.core.command.UpdateDeal;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.store.EventQuery;
import org.salespipeline.core.store.WorkspaceStore;

/**
 * Deal history and the event stream: a deal's history holds every command's events in sequence
 * order, with versions and times that never go back, and replaying it gives the stored deal; {@link
 * WorkspaceStore#streamEvents} orders events by deal, then sequence, within inclusive time bounds.
 */
public interface EventHistoryContract extends StoreUnderTest {
  @Test
  default void historyIsInSequenceOrderAndReplaysToTheStoredDeal() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(storeUnderTest(), ws, clock);
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

    WorkspaceStore view = storeUnderTest().workspace(ws);
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

  @Test
  default void streamEventsOrdersByDealThenSequenceWithinInclusiveBounds() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(storeUnderTest(), ws, clock);
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
    WorkspaceStore view = storeUnderTest().workspace(ws);
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
}
