package org.salespipeline.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salespipeline.core.stage.StandardPipelines.CLOSING;
import static org.salespipeline.core.stage.StandardPipelines.NEEDS_ANALYSIS;
import static org.salespipeline.core.stage.StandardPipelines.NEGOTIATION;
import static org.salespipeline.core.stage.StandardPipelines.PROPOSAL;
import static org.salespipeline.core.stage.StandardPipelines.QUALIFICATION;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.salespipeline.core.AccountId;
import org.salespipeline.core.Activity;
import org.salespipeline.core.ActivityId;
import org.salespipeline.core.ActivityType;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealHistory;
import org.salespipeline.core.DealId;
import org.salespipeline.core.Money;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.UserId;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.command.MoveDeal;
import org.salespipeline.core.command.OpenDeal;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.rule.RuleSet;
import org.salespipeline.core.store.DealCommit;
import org.salespipeline.core.store.DealQuery;
import org.salespipeline.core.store.PipelineStore;
import org.salespipeline.core.store.WorkspaceStore;

/**
 * What the contract themes share: users, workspaces, an engine on the store, commits built by hand.
 */
final class ContractFixtures {
  static final UserId ALICE = UserId.of("alice");
  static final UserId BOB = UserId.of("bob");
  static final List<String> LATER_OPEN_STAGES =
      List.of(QUALIFICATION, NEEDS_ANALYSIS, PROPOSAL, NEGOTIATION, CLOSING);

  private ContractFixtures() {}

  static WorkspaceId newWorkspace() {
    return WorkspaceId.of("t" + UUID.randomUUID().toString().replace("-", ""));
  }

  static SalesPipeline engine(PipelineStore store, WorkspaceId workspace, TestClock clock) {
    return SalesPipeline.builder()
        .store(store)
        .workspace(workspace)
        .clock(clock)
        .rules(RuleSet.none())
        .build();
  }

  static OpenDeal.Builder openDeal(TestClock clock) {
    return OpenDeal.builder()
        .name("Acme platform")
        .owner(ALICE)
        .actor(ALICE)
        .amount(Money.of("50000.00", "USD"))
        .expectedCloseDate(clock.today().plusMonths(2));
  }

  static MoveDeal move(DealId deal, String stage) {
    return MoveDeal.builder().deal(deal).toStage(stage).actor(ALICE).build();
  }

  /** A commit moving the deal one stage, built by hand as a store sees it. */
  static DealCommit moveCommit(
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

  static Activity call(WorkspaceId workspace, DealId deal, Instant at) {
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
  record Stored(Optional<Deal> deal, List<DealEvent> history, List<Activity> activities) {}

  static Stored stored(WorkspaceStore view, DealId id) {
    return new Stored(view.deal(id), view.history(id), view.activities(id));
  }

  static List<Deal> allDeals(WorkspaceStore view) {
    try (Stream<Deal> deals = view.streamDeals(DealQuery.all())) {
      return deals.toList();
    }
  }

  static void assertConsistentHistory(WorkspaceStore view, DealId id) {
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

  static List<Long> sequence(List<?> items) {
    return LongStream.rangeClosed(1, items.size()).boxed().toList();
  }

  static Activity accountActivity(WorkspaceId ws, AccountId account, Instant at, String subject) {
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
}
