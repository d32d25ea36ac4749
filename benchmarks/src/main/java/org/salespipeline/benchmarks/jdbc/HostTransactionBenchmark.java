package org.salespipeline.benchmarks.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.salespipeline.core.Deal;
import org.salespipeline.core.ProgressListener;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.store.DealCommit;
import org.salespipeline.core.store.WorkspaceStore;
import org.salespipeline.jdbc.HostTransactions;
import org.salespipeline.jdbc.JdbcPipelineStore;
import org.salespipeline.jdbc.internal.Codec;

/**
 * The cost of running inside a host's transaction (issue 15 item 4): a stage move through {@code
 * WorkspaceStore.commit} inside a {@link HostTransactions} scope that the host commits after each
 * move (the store wraps the move in a savepoint and releases it), against the same move in the
 * store's own transaction, and against raw JDBC doing the update and the event insert in one
 * transaction. 4 threads, each on its own slice of deals, so nothing conflicts.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx1g"})
@Threads(4)
public class HostTransactionBenchmark {

  /** The deals, the pool, the store over the pool and the store over host transactions. */
  @State(Scope.Benchmark)
  public static class Shared {
    @Param({"postgres"})
    public String db;

    @Param({"4000"})
    public int deals;

    HikariDataSource pool;
    HostTransactions host;
    WorkspaceStore own;
    WorkspaceStore hosted;
    List<Deal> all;
    final AtomicInteger slices = new AtomicInteger();

    @Setup(Level.Trial)
    public void open() throws SQLException {
      pool = BenchmarkDatabase.pool(db, 6);
      JdbcPipelineStore store = JdbcPipelineStore.builder(pool).tablePrefix("bench_").build();
      BenchmarkDatabase.truncate(pool, "bench_");
      host = HostTransactions.over(pool);
      JdbcPipelineStore hostStore = JdbcPipelineStore.builder(host).tablePrefix("bench_").build();
      WorkspaceId ws = WorkspaceId.of("bench-" + UUID.randomUUID());
      own = store.workspace(ws);
      hosted = hostStore.workspace(ws);
      List<DealCommit> creates = new ArrayList<>();
      for (int i = 0; i < deals; i++) {
        creates.add(BenchmarkDatabase.create(BenchmarkDatabase.deal(ws, i)));
      }
      store.insertCreatedDeals(ws, creates, ProgressListener.NONE);
      all = creates.stream().map(DealCommit::deal).toList();
    }

    @TearDown(Level.Trial)
    public void close() {
      pool.close();
    }
  }

  /** One thread's slice of deals and where it is in them. */
  @State(Scope.Thread)
  public static class Slice {
    Deal[] deals;
    String[] bodies;
    int next;
    int stage;

    @Setup(Level.Trial)
    public void take(Shared shared) {
      int index = shared.slices.getAndIncrement() % 4;
      int size = shared.all.size() / 4;
      deals = shared.all.subList(index * size, (index + 1) * size).toArray(new Deal[0]);
      bodies = new String[deals.length];
      for (int i = 0; i < deals.length; i++) {
        bodies[i] = Codec.encodeDeal(deals[i]);
      }
    }

    DealCommit nextMove() {
      int i = next % deals.length;
      return BenchmarkDatabase.move(
          deals[i], StageMoveBenchmark.STAGES[stage++ % StageMoveBenchmark.STAGES.length]);
    }

    long done(DealCommit move) {
      deals[next++ % deals.length] = move.deal();
      return move.deal().version();
    }
  }

  @Benchmark
  public long storeInHostTransaction(Shared shared, Slice slice) throws SQLException {
    DealCommit move = slice.nextMove();
    try (Connection c = shared.pool.getConnection();
        HostTransactions.Scope tx = shared.host.begin(c)) {
      shared.hosted.commit(move);
      tx.commit();
    }
    return slice.done(move);
  }

  @Benchmark
  public long storeOwnTransaction(Shared shared, Slice slice) {
    DealCommit move = slice.nextMove();
    shared.own.commit(move);
    return slice.done(move);
  }

  @Benchmark
  public long baselineRawJdbc(Shared shared, Slice slice) throws SQLException {
    DealCommit move = slice.nextMove();
    Deal to = move.deal();
    DealEvent event = move.events().get(0);
    String ws = to.workspace().value();
    try (Connection c = shared.pool.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement u =
          c.prepareStatement(
              "UPDATE bench_deals SET stage = ?, version = ?, last_event_sequence = ?, body = ?"
                  + " WHERE workspace = ? AND id = ? AND version = ?")) {
        u.setString(1, to.stage());
        u.setLong(2, to.version());
        u.setLong(3, to.lastEventSequence());
        u.setString(4, slice.bodies[slice.next % slice.deals.length]);
        u.setString(5, ws);
        u.setString(6, to.id().toString());
        u.setLong(7, move.expectedVersion());
        if (u.executeUpdate() != 1) {
          throw new IllegalStateException("stale");
        }
      }
      try (PreparedStatement e =
          c.prepareStatement(
              "INSERT INTO bench_deal_events (workspace, deal_id, sequence, deal_version,"
                  + " occurred_at, actor, idempotency_key, change_type, payload)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        e.setString(1, ws);
        e.setString(2, to.id().toString());
        e.setLong(3, event.sequence());
        e.setLong(4, event.dealVersion());
        e.setObject(5, LocalDateTime.ofInstant(event.at(), ZoneOffset.UTC));
        e.setString(6, event.actor().value());
        e.setNull(7, java.sql.Types.VARCHAR);
        e.setString(8, "StageChanged");
        e.setString(9, "{\"at\":\"2026-01-01T00:00:00Z\",\"c\":{\"from\":\"a\",\"to\":\"b\"}}");
        e.executeUpdate();
      }
      c.commit();
    }
    return slice.done(move);
  }
}
