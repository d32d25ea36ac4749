package org.salespipeline.core.store.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.ConcurrentDealModificationException;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealId;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.Money;
import org.salespipeline.core.UserId;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.stage.StandardPipelines;
import org.salespipeline.core.store.DealCommit;
import org.salespipeline.core.store.DuplicateIdempotencyKeyException;

/**
 * Issue 16: the in-memory store claims a new deal's id for its workspace before applying the
 * create, so deal ids are unique across the store even when workspaces race, and a refused create
 * leaves its id free.
 */
class InMemoryDealIdClaimTest {
  private static final UserId REP = UserId.of("rep");
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  private static DealCommit create(WorkspaceId ws, DealId id, Optional<String> key) {
    Deal deal =
        Deal.builder()
            .id(id)
            .workspace(ws)
            .pipeline(StandardPipelines.NEW_BUSINESS)
            .stage(StandardPipelines.PROSPECTING)
            .status(DealStatus.OPEN)
            .name("Deal")
            .owner(REP)
            .amount(Money.of(1000, "USD"))
            .expectedCloseDate(LocalDate.of(2026, 6, 30))
            .forecastCategory(ForecastCategory.PIPELINE)
            .createdAt(T0)
            .stageEnteredAt(T0)
            .version(1)
            .lastEventSequence(1)
            .build();
    DealEvent created = new DealEvent(id, 1, 1, T0, REP, key, new Change.Created(deal));
    return new DealCommit(0, deal, List.of(created), List.of(), Optional.empty(), key);
  }

  @Test
  void workspacesRacingToCreateOneIdLetExactlyOneWin() throws Exception {
    for (int round = 0; round < 50; round++) {
      InMemoryPipelineStore store = new InMemoryPipelineStore();
      DealId id = new DealId(UUID.randomUUID());
      int n = 8;
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(n);
      List<Future<Boolean>> results = new ArrayList<>();
      List<WorkspaceId> workspaces = new ArrayList<>();
      try {
        for (int i = 0; i < n; i++) {
          WorkspaceId ws = WorkspaceId.of("w" + round + "-" + i);
          workspaces.add(ws);
          Callable<Boolean> task =
              () -> {
                start.await();
                try {
                  store.workspace(ws).commit(create(ws, id, Optional.empty()));
                  return true;
                } catch (ConcurrentDealModificationException e) {
                  return false;
                }
              };
          results.add(pool.submit(task));
        }
        start.countDown();
        int won = 0;
        for (Future<Boolean> r : results) {
          won += r.get() ? 1 : 0;
        }
        assertThat(won).isEqualTo(1);
        assertThat(workspaces.stream().filter(w -> store.workspace(w).deal(id).isPresent()))
            .hasSize(1);
      } finally {
        pool.shutdown();
      }
    }
  }

  @Test
  void aRefusedCreateLeavesItsIdFreeForAnotherWorkspace() {
    InMemoryPipelineStore store = new InMemoryPipelineStore();
    WorkspaceId a = WorkspaceId.of("a");
    WorkspaceId b = WorkspaceId.of("b");
    store.workspace(a).commit(create(a, new DealId(UUID.randomUUID()), Optional.of("k")));
    DealId id = new DealId(UUID.randomUUID());
    // refused by the key rule after the id was claimed
    assertThatThrownBy(() -> store.workspace(a).commit(create(a, id, Optional.of("k"))))
        .isInstanceOf(DuplicateIdempotencyKeyException.class);
    store.workspace(b).commit(create(b, id, Optional.empty()));
    assertThat(store.workspace(b).deal(id)).isPresent();
    assertThatThrownBy(() -> store.workspace(a).commit(create(a, id, Optional.empty())))
        .isInstanceOfSatisfying(
            ConcurrentDealModificationException.class,
            e ->
                assertThat(e.actualVersion())
                    .isEqualTo(ConcurrentDealModificationException.ID_TAKEN));
  }
}
