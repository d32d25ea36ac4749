package org.salespipeline.jdbc;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salespipeline.core.Deal;
import org.salespipeline.core.store.DealCommit;
import org.salespipeline.core.store.WorkspaceStore;

/**
 * The figures of BENCHMARKS.md "Issue 14 item 13: H2 file compaction while open": moves of 1,000
 * deals, 20,000 commits, with the store's compaction while open (defaults) and without ({@link
 * H2FileCompaction#none()}), alternating. A measurement, not a test: it runs only with {@code
 * -Dpipeline.measure=true} and asserts nothing.
 */
class H2CompactionMeasurement {
  @Test
  void churnWithAndWithoutCompactionWhileOpen(@TempDir Path dir) throws Exception {
    assumeTrue(Boolean.getBoolean("pipeline.measure"), "run with -Dpipeline.measure=true");
    int rounds = Integer.getInteger("pipeline.measure.rounds", 2);
    boolean onlyCompacting = Boolean.getBoolean("pipeline.measure.onlyCompacting");
    for (int round = 0; round < rounds; round++) {
      for (boolean compacting :
          onlyCompacting ? new boolean[] {true} : new boolean[] {true, false}) {
        Path file = dir.resolve("m" + round + compacting);
        H2FileCompaction setting =
            compacting
                ? H2FileCompaction.defaults().withCloseCompactionUpTo(0)
                : H2FileCompaction.none();
        long largest = 0;
        long nanos;
        int commits = Integer.getInteger("pipeline.measure.commits", 20_000);
        StringBuilder growth = new StringBuilder();
        try (JdbcPipelineStore store = JdbcPipelineStore.h2File(file, setting)) {
          WorkspaceStore ws = store.workspace(Fixtures.randomWorkspace());
          List<Deal> deals = new ArrayList<>();
          for (int i = 0; i < 1_000; i++) {
            Deal deal = Fixtures.deal(ws.workspaceId(), Fixtures.newId());
            ws.commit(Fixtures.create(deal));
            deals.add(deal);
          }
          long started = System.nanoTime();
          for (int i = 0; i < commits; i++) {
            int k = i % deals.size();
            DealCommit move =
                Fixtures.move(
                    deals.get(k),
                    H2FileSizeTest.STAGES[(i / deals.size()) % H2FileSizeTest.STAGES.length],
                    Optional.empty());
            ws.commit(move);
            deals.set(k, move.deal());
            if (i % 500 == 499) {
              largest = Math.max(largest, H2FileSizeTest.size(file));
            }
            if (i % 5_000 == 4_999) {
              growth.append(String.format(" %.1f", H2FileSizeTest.size(file) / 1e6));
            }
          }
          nanos = System.nanoTime() - started;
        }
        System.out.printf(
            "H2CompactionMeasurement round %d compacting=%s: %d commits in %.1f s = %.0f/s,"
                + " largest file while open %.1f MB, closed (no rewrite) %.1f MB;"
                + " MB every 5,000 commits:%s%n",
            round,
            compacting,
            commits,
            nanos / 1e9,
            commits / (nanos / 1e9),
            largest / 1e6,
            H2FileSizeTest.size(file) / 1e6,
            growth);
      }
    }
  }
}
