package org.salespipeline.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.salespipeline.core.stage.StandardPipelines.QUALIFICATION;
import static org.salespipeline.testkit.ContractFixtures.ALICE;
import static org.salespipeline.testkit.ContractFixtures.BOB;
import static org.salespipeline.testkit.ContractFixtures.engine;
import static org.salespipeline.testkit.ContractFixtures.move;
import static org.salespipeline.testkit.ContractFixtures.newWorkspace;
import static org.salespipeline.testkit.ContractFixtures.openDeal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.ActivityType;
import org.salespipeline.core.DealId;
import org.salespipeline.core.Money;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.ValidationException;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.command.CommandResult;
import org.salespipeline.core.command.LogActivity;
import org.salespipeline.core.command.UpdateDeal;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.event.EventFeed;
import org.salespipeline.core.event.FeedEvent;
import org.salespipeline.core.event.FeedPage;
import org.salespipeline.core.store.WorkspaceStore;

/**
 * The event feed ({@link WorkspaceStore#readFeed}, read through {@link EventFeed}): every committed
 * event of a workspace, once each, each deal's in sequence order, what commits after a read after
 * it, resumable from a stored position; and, under eight concurrent writers with a consumer that
 * crashes and resumes at random moments, nothing missed, nothing out of order per deal, and
 * duplicates only across a resume.
 */
public interface EventFeedContract extends StoreUnderTest {

  @Test
  default void feedGivesEveryCommittedEventOncePerDealInOrder() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(storeUnderTest(), ws, clock);
    List<DealEvent> committed = new ArrayList<>();
    DealId first = record(committed, pipeline.openDeal(openDeal(clock).build())).deal().id();
    DealId second = record(committed, pipeline.openDeal(openDeal(clock).build())).deal().id();
    clock.tick();
    record(committed, pipeline.move(move(second, QUALIFICATION)));
    record(committed, pipeline.update(amount(first, 70_000)));
    record(
        committed,
        pipeline.win(
            org.salespipeline.core.command.CloseDeal.builder()
                .deal(first)
                .actor(ALICE)
                .reason("budget approved")
                .build()));

    List<FeedEvent> read = new ArrayList<>();
    long position = EventFeed.START;
    for (FeedPage page = pipeline.feed().read(position, 2);
        !page.isEmpty();
        page = pipeline.feed().read(position, 2)) {
      assertThat(page.events()).hasSizeLessThanOrEqualTo(2);
      assertThat(page.nextPosition())
          .isEqualTo(page.events().get(page.events().size() - 1).position());
      read.addAll(page.events());
      position = page.nextPosition();
    }

    // one read after all five commands: their events, each deal's in sequence order (the order of
    // deals among events published together is the store's)
    assertThat(read).extracting(FeedEvent::event).containsExactlyInAnyOrderElementsOf(committed);
    for (DealId id : List.of(first, second)) {
      assertThat(read.stream().filter(e -> e.dealId().equals(id)).map(FeedEvent::event))
          .containsExactlyElementsOf(
              committed.stream().filter(e -> e.dealId().equals(id)).toList());
    }
    assertThat(read)
        .allSatisfy(
            e -> {
              assertThat(e.dealId()).isEqualTo(e.event().dealId());
              assertThat(e.sequence()).isEqualTo(e.event().sequence());
              assertThat(e.type()).isEqualTo(e.event().type());
            });
    assertThat(read).extracting(FeedEvent::position).isSorted().doesNotHaveDuplicates();
    assertThat(read).extracting(FeedEvent::eventId).doesNotHaveDuplicates();
    FeedPage caughtUp = pipeline.feed().read(position, 100);
    assertThat(caughtUp.isEmpty()).isTrue();
    assertThat(caughtUp.nextPosition()).isEqualTo(position);

    // what commits after a read comes after everything that read returned
    CommandResult later = pipeline.update(amount(second, 80_000));
    FeedPage next = pipeline.feed().read(position, 100);
    assertThat(next.events()).extracting(FeedEvent::event).isEqualTo(later.events());
    assertThat(next.events().get(0).position()).isGreaterThan(position);
    assertThat(next.events().get(0).eventId()).isEqualTo(second + "/3");
  }

  @Test
  default void feedResumesAfterAStoredPositionWithTheSameEventIds() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(storeUnderTest(), ws, clock);
    DealId id = pipeline.openDeal(openDeal(clock).build()).deal().id();
    pipeline.update(amount(id, 60_000));
    FeedPage firstRead = pipeline.feed().read(EventFeed.START, 1);
    pipeline.update(amount(id, 61_000));

    // a new reader over a new view of the store, as after a restart of the consumer
    EventFeed restarted = EventFeed.of(storeUnderTest().workspace(ws));
    FeedPage again = restarted.read(EventFeed.START, 1);
    FeedPage rest = restarted.read(firstRead.nextPosition(), 10);

    assertThat(again.events()).isEqualTo(firstRead.events());
    assertThat(rest.events()).extracting(e -> e.event().sequence()).containsExactly(2L, 3L);
    assertThat(rest.events()).extracting(FeedEvent::eventId).containsExactly(id + "/2", id + "/3");
  }

  @Test
  default void feedShowsOnlyItsOwnWorkspace() {
    TestClock clock = TestClock.start();
    WorkspaceId mine = newWorkspace();
    WorkspaceId other = newWorkspace();
    engine(storeUnderTest(), other, clock).openDeal(openDeal(clock).build());
    SalesPipeline pipeline = engine(storeUnderTest(), mine, clock);
    DealId id = pipeline.openDeal(openDeal(clock).build()).deal().id();

    FeedPage page = pipeline.feed().read(EventFeed.START, 100);

    assertThat(page.events()).extracting(e -> e.event().dealId()).containsExactly(id);
  }

  @Test
  default void feedRefusesPositionsAndLimitsOutOfRange() {
    EventFeed feed = EventFeed.of(storeUnderTest().workspace(newWorkspace()));

    assertThatThrownBy(() -> feed.read(-1, 10))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("afterPosition");
    assertThatThrownBy(() -> feed.read(0, 0))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("limit");
    assertThatThrownBy(() -> feed.read(0, EventFeed.MAX_LIMIT + 1))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("limit");
    assertThat(feed.read(Long.MAX_VALUE, 10).isEmpty()).isTrue();
  }

  /**
   * Eight writers commit commands (without expected versions, so the engine retries conflicts) on
   * shared deals while a consumer reads the feed, stores its position now and then, and crashes at
   * random moments, even half-way through a page; each restart is a new reader from the stored
   * position. Afterwards: every event was delivered, each deal's events came in sequence order, and
   * an event came twice only when a crash fell between its handling and the next stored position.
   */
  @Test
  default void crashingConsumerMissesNothingUnderConcurrentWriters() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(storeUnderTest(), ws, clock);
    int dealCount = 20;
    int writers = 8;
    int commands = 40;
    List<DealId> ids = new ArrayList<>();
    for (int i = 0; i < dealCount; i++) {
      ids.add(pipeline.openDeal(openDeal(clock).build()).deal().id());
    }
    AtomicInteger writing = new AtomicInteger(writers);

    List<Race.Outcome<FeedConsumer>> outcomes =
        Race.run(
            writers + 1,
            t -> {
              if (t == writers) {
                return FeedConsumer.run(() -> storeUnderTest().workspace(ws), writing, 17);
              }
              try {
                Random random = new Random(97L * t + 3);
                for (int i = 0; i < commands; i++) {
                  DealId id = ids.get(random.nextInt(dealCount));
                  if (random.nextBoolean()) {
                    pipeline.update(amount(id, 100_000 + t * 1_000 + i));
                  } else {
                    pipeline.logActivity(
                        LogActivity.builder()
                            .deal(id)
                            .actor(BOB)
                            .type(ActivityType.CALL)
                            .subject("call " + t + "-" + i)
                            .build());
                  }
                }
                return null;
              } finally {
                writing.decrementAndGet();
              }
            });

    assertThat(outcomes).allSatisfy(o -> assertThat(o.error()).isNull());
    FeedConsumer consumer = outcomes.get(writers).value();
    WorkspaceStore view = storeUnderTest().workspace(ws);
    Map<String, DealEvent> stored = new HashMap<>();
    for (DealId id : ids) {
      for (DealEvent e : view.history(id)) {
        stored.put(e.dealId() + "/" + e.sequence(), e);
      }
    }
    assertThat(stored).hasSize(dealCount + writers * commands);
    assertThat(consumer.crashes).as("the consumer crashed and resumed").isPositive();
    assertThat(consumer.missing(stored.keySet())).as("events never delivered").isEmpty();
    assertThat(consumer.outOfOrder).as("deliveries out of order within a deal").isEmpty();
    assertThat(consumer.duplicatesWithoutResume)
        .as("duplicates not explained by a resume")
        .isEmpty();
    assertThat(consumer.delivered.values())
        .as("delivered events equal the stored ones")
        .allSatisfy(e -> assertThat(e).isEqualTo(stored.get(e.dealId() + "/" + e.sequence())));
  }

  private static UpdateDeal amount(DealId id, long dollars) {
    return UpdateDeal.builder().deal(id).actor(ALICE).amount(Money.of(dollars, "USD")).build();
  }

  private static CommandResult record(List<DealEvent> committed, CommandResult result) {
    committed.addAll(result.events());
    return result;
  }
}
