package org.salespipeline.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compacts an embedded H2 file while the store holding it is open (issue 14, item 13): with {@code
 * WRITE_DELAY=0} H2's own background writer, which would rewrite sparse chunks, does not run. A
 * daemon thread asks H2's store to rewrite sparse chunks, a bounded amount each time.
 *
 * <p>It reaches H2's store through its engine classes (there is no SQL statement that compacts an
 * open database); if they differ in the H2 version on the class path it logs once and stops, and
 * the store works on with a growing file.
 */
public final class H2FileCompactor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(H2FileCompactor.class);

  /**
   * Chunks whose live share (percent) is below this are rewritten; H2's own background writer aims
   * at 90 (AUTO_COMPACT_FILL_RATE) when idle, lower when busy.
   */
  static final int FILL_RATE_TARGET = 75;

  /** Bytes one compaction step may write; H2's background writer uses its commit buffer size. */
  static final int WRITE_LIMIT = 1 << 20;

  /**
   * How long one check may go on taking steps (each holds commits back while it writes): a quarter
   * of the default interval, so that a churn that outpaces it is still kept in check.
   */
  static final long MAX_BUSY_NANOS = 250_000_000L;

  private final MVStore store;
  private final ScheduledExecutorService thread;
  private volatile boolean stopped;

  private H2FileCompactor(MVStore store, Duration every) {
    this.store = store;
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "pipeline-h2-compaction");
              t.setDaemon(true);
              return t;
            });
    long millis = Math.max(1, every.toMillis());
    thread.scheduleWithFixedDelay(this::compact, millis, millis, TimeUnit.MILLISECONDS);
  }

  /**
   * Starts compacting the database that {@code keeper} (a connection to an embedded H2 database
   * that stays open as long as the store) belongs to.
   *
   * @return the running compactor, or null if H2's store cannot be reached
   */
  public static H2FileCompactor start(Connection keeper, Duration every) {
    try {
      Session session = keeper.unwrap(JdbcConnection.class).getSession();
      if (!(session instanceof SessionLocal local)) {
        return null;
      }
      return new H2FileCompactor(local.getDatabase().getStore().getMvStore(), every);
    } catch (SQLException | RuntimeException | LinkageError e) {
      LOG.warn(
          "cannot compact the H2 file while it is open (H2 version on the class path not"
              + " supported: {}); it is compacted on close only",
          e.toString());
      return null;
    }
  }

  /** One compaction, if the file needs it; errors stop the compactor, never the store. */
  private void compact() {
    if (stopped || store.isClosed()) {
      return;
    }
    try {
      // why: MVStore.compact is what H2's own background writer runs, under the store's lock; it
      // rewrites the live pages of sparse chunks so that their space is freed and reused
      // (RETENTION_TIME=0). compactFile, which also moves chunks, is not safe beside commits.
      long until = System.nanoTime() + MAX_BUSY_NANOS;
      while (!stopped && System.nanoTime() - until < 0) {
        if (!store.compact(FILL_RATE_TARGET, WRITE_LIMIT)) {
          break;
        }
      }
    } catch (RuntimeException | LinkageError e) {
      if (!stopped && !store.isClosed()) {
        stopped = true;
        LOG.warn("compacting the H2 file while open failed; it is compacted on close only", e);
      }
    }
  }

  /** Stops the thread, waiting for a compaction under way to finish. */
  @Override
  public void close() {
    stopped = true;
    // why: not shutdownNow: interrupting a thread in file I/O closes H2's file channel
    thread.shutdown();
    try {
      if (!thread.awaitTermination(1, TimeUnit.MINUTES)) {
        LOG.warn("the H2 compaction thread did not stop within a minute");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
