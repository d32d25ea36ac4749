package org.salespipeline.benchmarks.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The same two comparisons as {@link BulkImportBenchmark} and {@link StageMoveBenchmark}, but with
 * store and baseline alternating round by round, so that load drift on a shared machine hits both
 * alike (JMH runs all iterations of one benchmark before the other). Prints one line per round.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar
 * org.salespipeline.benchmarks.jdbc.InterleavedRuns import h2|postgres} or {@code ... moves}.
 */
public final class InterleavedRuns {
  private InterleavedRuns() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("moves")) {
      moves();
    } else {
      bulkImport(args.length > 1 ? args[1] : "h2");
    }
  }

  static void bulkImport(String db) throws Exception {
    BulkImportBenchmark b = new BulkImportBenchmark();
    b.db = db;
    b.deals = 100_000;
    b.open();
    for (int round = 0; round < 5; round++) {
      b.prepare();
      long t = System.nanoTime();
      b.store();
      long store = (System.nanoTime() - t) / 1_000_000;
      b.prepare();
      t = System.nanoTime();
      b.baselineJdbcBatches();
      long base = (System.nanoTime() - t) / 1_000_000;
      System.out.printf(
          "import %s round %d: store %d ms, baseline %d ms, ratio %.2f%n",
          db, round, store, base, (double) store / base);
    }
    b.close();
  }

  static void moves() throws Exception {
    StageMoveBenchmark b = new StageMoveBenchmark();
    StageMoveBenchmark.Shared shared = new StageMoveBenchmark.Shared();
    shared.db = "postgres";
    shared.deals = 10_000;
    shared.open();
    List<StageMoveBenchmark.Slice> slices = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      StageMoveBenchmark.Slice s = new StageMoveBenchmark.Slice();
      s.take(shared);
      slices.add(s);
    }
    for (int round = 0; round < 10; round++) {
      boolean store = round % 2 == 0;
      AtomicLong ops = new AtomicLong();
      AtomicBoolean stop = new AtomicBoolean();
      List<Thread> threads = new ArrayList<>();
      for (StageMoveBenchmark.Slice s : slices) {
        Thread t =
            new Thread(
                () -> {
                  try {
                    while (!stop.get()) {
                      if (store) {
                        b.store(shared, s);
                      } else {
                        b.baselineRawJdbc(shared, s);
                      }
                      ops.incrementAndGet();
                    }
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                });
        threads.add(t);
        t.start();
      }
      Thread.sleep(8_000);
      stop.set(true);
      for (Thread t : threads) {
        t.join();
      }
      System.out.printf(
          "moves round %d: %s %.0f ops/s%n",
          round, store ? "store   " : "baseline", ops.get() / 8.0);
    }
    shared.close();
  }
}
