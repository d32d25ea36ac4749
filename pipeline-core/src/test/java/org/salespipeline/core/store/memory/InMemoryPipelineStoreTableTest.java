package org.salespipeline.core.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
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
import org.salespipeline.core.store.DealQuery;
import org.salespipeline.core.store.Page;
import org.salespipeline.core.store.WorkspaceStore;

/**
 * The in-memory store's per-deal records past their first sizes: thousands of deals, ids whose
 * hashes collide, histories that outgrow their first array, and the id order pages keep.
 */
class InMemoryPipelineStoreTableTest {
  private static final WorkspaceId ACME = WorkspaceId.of("acme");
  private static final UserId REP = UserId.of("rep");
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  @Test
  void thousandsOfDealsAreFoundWithTheirHistoriesAndPagedInIdOrder() {
    WorkspaceStore store = new InMemoryPipelineStore().workspace(ACME);
    List<DealId> ids = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      // why: every third id shares its hash with the one before (same bits, swapped halves)
      UUID uuid =
          i % 3 == 2
              ? new UUID(
                  ids.get(i - 1).value().getLeastSignificantBits(),
                  ids.get(i - 1).value().getMostSignificantBits())
              : UUID.randomUUID();
      DealId id = new DealId(uuid);
      ids.add(id);
      store.commit(create(id));
    }
    for (int round = 1; round <= 6; round++) {
      for (int i = 0; i < ids.size(); i += 7) {
        Deal current = store.deal(ids.get(i)).orElseThrow();
        store.commit(move(current));
      }
    }

    for (int i = 0; i < ids.size(); i++) {
      DealId id = ids.get(i);
      long moves = i % 7 == 0 ? 6 : 0;
      assertThat(store.deal(id)).map(Deal::version).contains(1 + moves);
      List<DealEvent> history = store.history(id);
      assertThat(history).hasSize((int) (1 + moves));
      for (int s = 0; s < history.size(); s++) {
        assertThat(history.get(s).sequence()).isEqualTo(s + 1);
        assertThat(history.get(s).dealId()).isEqualTo(id);
      }
    }
    assertThat(store.deal(new DealId(UUID.randomUUID()))).isEmpty();
    assertThat(store.history(new DealId(UUID.randomUUID()))).isEmpty();

    List<DealId> paged = new ArrayList<>();
    DealQuery query = DealQuery.builder().limit(500).build();
    while (true) {
      Page<Deal> page = store.findDeals(query);
      page.items().forEach(d -> paged.add(d.id()));
      if (page.next().isEmpty()) {
        break;
      }
      query = DealQuery.builder().limit(500).afterId(page.next().get()).build();
    }
    List<DealId> sorted = new ArrayList<>(ids);
    sorted.sort(Comparator.naturalOrder());
    assertThat(paged).containsExactlyElementsOf(sorted);
  }

  @Test
  void aReaderRacingNewDealsFindsEveryDealCommittedBeforeItsRead() throws Exception {
    WorkspaceStore store = new InMemoryPipelineStore().workspace(ACME);
    int deals = 3_000;
    DealId[] ids = new DealId[deals];
    for (int i = 0; i < deals; i++) {
      ids[i] = new DealId(UUID.randomUUID());
    }
    AtomicInteger committed = new AtomicInteger();
    AtomicReference<Throwable> readerFailure = new AtomicReference<>();
    AtomicInteger misses = new AtomicInteger();
    Thread reader =
        new Thread(
            () -> {
              try {
                int seen = 0;
                while (seen < deals) {
                  seen = committed.get();
                  // why: every deal committed before this read must be there, however the store
                  // grows its index meanwhile
                  for (int i = Math.max(0, seen - 64); i < seen; i++) {
                    if (store.deal(ids[i]).isEmpty()) {
                      misses.incrementAndGet();
                    }
                  }
                }
              } catch (Throwable e) {
                readerFailure.set(e);
              }
            });
    reader.start();
    for (int i = 0; i < deals; i++) {
      store.commit(create(ids[i]));
      committed.set(i + 1);
    }
    reader.join();

    assertThat(readerFailure.get()).isNull();
    assertThat(misses.get()).isZero();
    for (DealId id : ids) {
      assertThat(store.deal(id)).map(Deal::version).contains(1L);
    }
  }

  private static Deal deal(DealId id, long version, String stage) {
    return Deal.builder()
        .id(id)
        .workspace(ACME)
        .pipeline(StandardPipelines.NEW_BUSINESS)
        .stage(stage)
        .status(DealStatus.OPEN)
        .name("Deal")
        .owner(REP)
        .amount(Money.of(1000, "USD"))
        .expectedCloseDate(LocalDate.of(2026, 6, 30))
        .forecastCategory(ForecastCategory.PIPELINE)
        .createdAt(T0)
        .stageEnteredAt(T0)
        .version(version)
        .lastEventSequence(version)
        .build();
  }

  private static DealCommit create(DealId id) {
    Deal deal = deal(id, 1, StandardPipelines.PROSPECTING);
    DealEvent created =
        new DealEvent(id, 1, 1, T0, REP, Optional.empty(), new Change.Created(deal));
    return new DealCommit(0, deal, List.of(created), List.of(), Optional.empty(), Optional.empty());
  }

  private static DealCommit move(Deal from) {
    long version = from.version() + 1;
    String to =
        from.stage().equals(StandardPipelines.PROSPECTING)
            ? StandardPipelines.QUALIFICATION
            : StandardPipelines.PROSPECTING;
    DealEvent moved =
        new DealEvent(
            from.id(),
            version,
            version,
            T0,
            REP,
            Optional.empty(),
            new Change.StageChanged(from.stage(), to));
    return new DealCommit(
        from.version(),
        deal(from.id(), version, to),
        List.of(moved),
        List.of(),
        Optional.empty(),
        Optional.empty());
  }
}
