package org.salespipeline.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.salespipeline.testkit.ContractFixtures.allDeals;
import static org.salespipeline.testkit.ContractFixtures.engine;
import static org.salespipeline.testkit.ContractFixtures.newWorkspace;
import static org.salespipeline.testkit.ContractFixtures.openDeal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealId;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.command.DealImport;
import org.salespipeline.core.command.ImportResult;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.store.WorkspaceStore;

/**
 * A bulk import ({@link SalesPipeline#importDeals}) is resumable (issue 14, item 6): calling it
 * again with the same rows after an interruption writes each row exactly once and reports the rows
 * that were already in, whether rows are recognised by their deal id or by their idempotency key.
 */
public interface ImportResumeContract extends StoreUnderTest {

  /** Thrown by the progress listener to interrupt an import. */
  final class Interrupted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Interrupted() {
      super("interrupted by the test");
    }
  }

  @Test
  default void aRetriedImportInterruptedAfter2000Of5000RowsWritesEachRowOnce() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(storeUnderTest(), ws, clock);
    List<DealImport> rows = new ArrayList<>();
    List<DealId> ids = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      DealId id = new DealId(UUID.randomUUID());
      ids.add(id);
      rows.add(
          DealImport.builder()
              .deal(openDeal(clock).id(id).name("Imported " + i).build())
              .stage(i % 3 == 0 ? "qualification" : "prospecting")
              .build());
    }

    assertThatThrownBy(
            () ->
                pipeline.importDeals(
                    rows,
                    (done, total) -> {
                      if (done == 2_000) {
                        throw new Interrupted();
                      }
                    }))
        .isInstanceOf(Interrupted.class);
    WorkspaceStore view = storeUnderTest().workspace(ws);
    assertThat(allDeals(view)).hasSize(2_000);

    List<long[]> progress = new ArrayList<>();
    ImportResult retry = pipeline.importDeals(rows, (d, t) -> progress.add(new long[] {d, t}));

    assertThat(retry.alreadyPresent()).containsExactlyElementsOf(ids.subList(0, 2_000));
    assertThat(retry.imported()).containsExactlyElementsOf(ids.subList(2_000, 5_000));
    assertThat(progress).last().satisfies(p -> assertThat(p).containsExactly(5_000, 5_000));
    List<Deal> stored = allDeals(view);
    assertThat(stored).extracting(Deal::id).containsExactlyInAnyOrderElementsOf(ids);
    for (DealId id : List.of(ids.get(0), ids.get(1_999), ids.get(2_000), ids.get(4_999))) {
      assertThat(view.history(id)).extracting(DealEvent::type).first().isEqualTo("Created");
      assertThat(view.history(id).stream().filter(e -> e.type().equals("Created"))).hasSize(1);
    }

    ImportResult third = pipeline.importDeals(rows, (d, t) -> {});
    assertThat(third.imported()).isEmpty();
    assertThat(third.alreadyPresent()).containsExactlyElementsOf(ids);
    assertThat(allDeals(view)).hasSize(5_000);
  }

  @Test
  default void rowsWithoutIdsAreRecognisedByTheirIdempotencyKey() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(storeUnderTest(), ws, clock);
    List<DealImport> rows = new ArrayList<>();
    for (int i = 0; i < 2_500; i++) {
      rows.add(
          DealImport.builder()
              .deal(openDeal(clock).name("Keyed " + i).idempotencyKey("import-" + i).build())
              .build());
    }
    // The first run wrote 1,500 rows: one whole batch and half of the second.
    ImportResult first = pipeline.importDeals(rows.subList(0, 1_500), (d, t) -> {});

    ImportResult retry = pipeline.importDeals(rows, (d, t) -> {});

    assertThat(retry.alreadyPresent()).containsExactlyElementsOf(first.imported());
    assertThat(retry.imported()).hasSize(1_000).doesNotContainAnyElementsOf(first.imported());
    WorkspaceStore view = storeUnderTest().workspace(ws);
    assertThat(allDeals(view)).hasSize(2_500);
    assertThat(allDeals(view)).extracting(Deal::name).doesNotHaveDuplicates();
  }
}
