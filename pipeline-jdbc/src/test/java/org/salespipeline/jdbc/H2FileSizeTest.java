package org.salespipeline.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salespipeline.core.ConfigurationException;
import org.salespipeline.core.Deal;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.store.DealCommit;
import org.salespipeline.core.store.WorkspaceStore;

/**
 * Issue 14, item 13: closing an {@link JdbcPipelineStore#h2File} store compacts the file (with
 * WRITE_DELAY=0 H2 never rewrites sparse chunks while open: the demo's file reached 279-413 MB for
 * 55 MB of data), and nothing committed is lost by it.
 */
class H2FileSizeTest {
  static final String[] STAGES = StoreSuite.STAGES;

  static long size(Path file) throws Exception {
    return Files.size(file.resolveSibling(file.getFileName() + ".mv.db"));
  }

  @Test
  void closeCompactsTheFileAndKeepsEveryCommit(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("churn");
    long afterFirstThousand;
    long afterThreeThousand;
    WorkspaceId workspace = Fixtures.randomWorkspace();
    List<Deal> last;
    try (JdbcPipelineStore store = JdbcPipelineStore.h2File(file)) {
      WorkspaceStore ws = store.workspace(workspace);
      List<Deal> deals = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        Deal deal = Fixtures.deal(ws.workspaceId(), Fixtures.newId());
        ws.commit(Fixtures.create(deal));
        deals.add(deal);
      }
      afterFirstThousand = 0;
      for (int i = 0; i < 3_000; i++) {
        int k = i % deals.size();
        DealCommit move =
            Fixtures.move(
                deals.get(k), STAGES[(i / deals.size()) % STAGES.length], Optional.empty());
        ws.commit(move);
        deals.set(k, move.deal());
        if (i == 999) {
          afterFirstThousand = size(file);
        }
      }
      afterThreeThousand = size(file);
      last = List.copyOf(deals);
    }
    long closed = size(file);
    System.out.printf(
        "H2FileSizeTest: after 1,000 commits %d, after 3,000 %d, closed %d bytes%n",
        afterFirstThousand, afterThreeThousand, closed);
    // before issue 14 close left the file as it was (H2 compacts for 200 ms at most)
    assertThat(closed)
        .as("after 3,000 commits %d bytes, closed %d bytes", afterThreeThousand, closed)
        .isLessThan(afterThreeThousand / 2);
    try (JdbcPipelineStore reopened = JdbcPipelineStore.h2File(file, false)) {
      WorkspaceStore ws = reopened.workspace(workspace);
      for (Deal deal : last) {
        assertThat(ws.deal(deal.id())).contains(deal);
      }
    }
    assertThat(size(file)).isLessThanOrEqualTo(closed + closed / 10);
  }

  /** Moves 100 deals {@code commits} times in all; returns the largest file size seen meanwhile. */
  static long churn(WorkspaceStore ws, Path file, int commits, List<Deal> out) throws Exception {
    List<Deal> deals = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      Deal deal = Fixtures.deal(ws.workspaceId(), Fixtures.newId());
      ws.commit(Fixtures.create(deal));
      deals.add(deal);
    }
    long largest = 0;
    for (int i = 0; i < commits; i++) {
      int k = i % deals.size();
      DealCommit move =
          Fixtures.move(deals.get(k), STAGES[(i / deals.size()) % STAGES.length], Optional.empty());
      ws.commit(move);
      deals.set(k, move.deal());
      if (i % 100 == 99) {
        largest = Math.max(largest, size(file));
      }
    }
    out.addAll(deals);
    return largest;
  }

  /**
   * Issue 14, item 13: under churn (many updates of the same deals) the file stays within a bound
   * proportional to its live data while open, because the store compacts it in the background; a
   * size assertion, the compaction interval only shortened so that it runs during the churn.
   */
  @Test
  void churnKeepsTheOpenFileWithinABoundOfItsLiveData(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("churn");
    WorkspaceId workspace = Fixtures.randomWorkspace();
    List<Deal> last = new ArrayList<>();
    long largest;
    long atEnd;
    try (JdbcPipelineStore store =
        JdbcPipelineStore.h2File(
            file,
            H2FileCompaction.defaults()
                .withCheckEvery(Duration.ofMillis(20))
                .withCloseCompactionUpTo(0))) {
      largest = churn(store.workspace(workspace), file, 6_000, last);
      atEnd = size(file);
    }
    long live;
    try (JdbcPipelineStore compacted =
        JdbcPipelineStore.h2File(
            file, H2FileCompaction.none().withCloseCompactionUpTo(Long.MAX_VALUE))) {
      WorkspaceStore ws = compacted.workspace(workspace);
      for (Deal deal : last) {
        assertThat(ws.deal(deal.id())).contains(deal);
      }
    }
    live = size(file);
    System.out.printf(
        "H2FileSizeTest churn: largest while open %d, at end %d, compacted %d bytes%n",
        largest, atEnd, live);
    assertThat(largest).as("largest %d, live %d", largest, live).isLessThan(16 * live + 4_000_000);
  }

  /**
   * Issue 14, item 13: close rewrites the file only within its bound: a file larger than the bound
   * is left as it was, one within it shrinks (sizes, not times, are asserted).
   */
  @Test
  void closeCompactionHonoursItsBound(@TempDir Path dir) throws Exception {
    long[] before = new long[2];
    long[] after = new long[2];
    long[] bounds = {1L << 20, 1L << 30};
    for (int b = 0; b < bounds.length; b++) {
      Path file = dir.resolve("close" + b);
      try (JdbcPipelineStore store =
          JdbcPipelineStore.h2File(
              file, H2FileCompaction.none().withCloseCompactionUpTo(bounds[b]))) {
        churn(store.workspace(Fixtures.randomWorkspace()), file, 3_000, new ArrayList<>());
        before[b] = size(file);
      }
      after[b] = size(file);
    }
    System.out.printf(
        "H2FileSizeTest close: bound 1 MB: %d -> %d bytes; bound 1 GB: %d -> %d bytes%n",
        before[0], after[0], before[1], after[1]);
    assertThat(before[0]).isGreaterThan(bounds[0]);
    assertThat(after[0]).isGreaterThanOrEqualTo(before[0] * 9 / 10);
    assertThat(after[1]).isLessThan(before[1] / 4);
  }

  @Test
  void compactionSettingsRefuseBadBounds() {
    assertThatThrownBy(() -> H2FileCompaction.defaults().withCloseCompactionUpTo(-1))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("closeCompactionUpTo");
    assertThatThrownBy(() -> H2FileCompaction.defaults().withCheckEvery(null))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("checkEvery");
    assertThatThrownBy(() -> H2FileCompaction.defaults().withCheckEvery(Duration.ofHours(2)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("checkEvery");
    assertThatThrownBy(() -> JdbcPipelineStore.h2File(Path.of("x"), (H2FileCompaction) null))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("compaction");
    assertThat(H2FileCompaction.defaults().closeCompactionUpTo()).isEqualTo(256L << 20);
    assertThat(H2FileCompaction.defaults().checkEvery()).isEqualTo(Duration.ofSeconds(1));
    assertThat(H2FileCompaction.none().checkEvery()).isZero();
  }
}
