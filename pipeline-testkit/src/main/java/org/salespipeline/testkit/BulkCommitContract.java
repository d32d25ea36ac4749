package org.salespipeline.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.salespipeline.testkit.ContractFixtures.ALICE;
import static org.salespipeline.testkit.ContractFixtures.engine;
import static org.salespipeline.testkit.ContractFixtures.newWorkspace;
import static org.salespipeline.testkit.ContractFixtures.openDeal;
import static org.salespipeline.testkit.ContractFixtures.stored;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.ConcurrentDealModificationException;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealId;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.store.DealCommit;
import org.salespipeline.core.store.WorkspaceStore;
import org.salespipeline.testkit.ContractFixtures.Stored;

/**
 * Batches of deal commits ({@link WorkspaceStore#commitAll}): one commit in a batch that cannot go
 * through (it creates a deal that already exists) fails the whole batch with {@link
 * ConcurrentDealModificationException} and writes none of it; the batch without it commits every
 * deal.
 */
public interface BulkCommitContract extends StoreUnderTest {
  @Test
  default void commitAllIsAllOrNothing() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(storeUnderTest(), ws, clock);
    DealId existing = pipeline.openDeal(openDeal(clock).build()).deal().id();
    WorkspaceStore view = storeUnderTest().workspace(ws);
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
}
