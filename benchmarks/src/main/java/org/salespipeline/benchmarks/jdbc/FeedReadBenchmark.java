package org.salespipeline.benchmarks.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.salespipeline.core.Deal;
import org.salespipeline.core.ProgressListener;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.event.EventFeed;
import org.salespipeline.core.event.FeedEvent;
import org.salespipeline.core.event.FeedPage;
import org.salespipeline.core.stage.StandardPipelines;
import org.salespipeline.core.store.DealCommit;
import org.salespipeline.core.store.WorkspaceStore;
import org.salespipeline.jdbc.JdbcPipelineStore;

/**
 * Issue 15: reading the whole event feed of a workspace (20,000 events: 10,000 deals created and
 * moved once) in pages of 1,000 through {@link EventFeed}, against raw JDBC reading the same rows
 * with the same keyset query (every column read as a string or long, no decoding). Target: the feed
 * at least 0.7 x the raw read's throughput.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar FeedReadBenchmark -p db=postgres
 * -Dpipeline.bench.postgres.url=...}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx1g"})
public class FeedReadBenchmark {
  private static final int PAGE = 1_000;
  private static final String RAW =
      "SELECT deal_id, sequence, deal_version, actor, idempotency_key, change_type, payload,"
          + " feed_position FROM bench_deal_events WHERE workspace = ? AND feed_position > ?"
          + " ORDER BY feed_position LIMIT ?";

  @Param({"h2", "postgres"})
  public String db;

  @Param({"10000"})
  public int deals;

  private HikariDataSource pool;
  private EventFeed feed;
  private String workspace;

  @Setup(Level.Trial)
  public void open() throws SQLException {
    pool = BenchmarkDatabase.pool(db, 4);
    JdbcPipelineStore store = JdbcPipelineStore.builder(pool).tablePrefix("bench_").build();
    BenchmarkDatabase.truncate(pool, "bench_");
    WorkspaceId ws = WorkspaceId.of("bench-" + UUID.randomUUID());
    workspace = ws.value();
    WorkspaceStore view = store.workspace(ws);
    List<DealCommit> creates = new ArrayList<>();
    for (int i = 0; i < deals; i++) {
      creates.add(BenchmarkDatabase.create(BenchmarkDatabase.deal(ws, i)));
    }
    store.insertCreatedDeals(ws, creates, ProgressListener.NONE);
    for (DealCommit create : creates) {
      Deal deal = create.deal();
      view.commit(BenchmarkDatabase.move(deal, StandardPipelines.QUALIFICATION));
    }
    feed = EventFeed.of(view);
    // why: the first read publishes (numbers) the committed events; the raw baseline reads the
    // numbered rows, so both sides read the same 2 x deals rows
    feed.read(EventFeed.START, 1);
  }

  @TearDown(Level.Trial)
  public void close() {
    pool.close();
  }

  /**
   * The whole feed through the library as a de-duplicating consumer reads it: position, event id
   * and type of every event (the event itself is decoded on demand, see {@link #feedDecoded}).
   */
  @Benchmark
  public long feed(Blackhole bh) {
    long position = EventFeed.START;
    long read = 0;
    for (FeedPage page = feed.read(position, PAGE);
        !page.isEmpty();
        page = feed.read(position, PAGE)) {
      for (FeedEvent e : page.events()) {
        bh.consume(e.eventId());
        bh.consume(e.type());
      }
      read += page.events().size();
      position = page.nextPosition();
    }
    return read;
  }

  /** The whole feed with every event decoded (the payload codec's cost on top of the read). */
  @Benchmark
  public long feedDecoded(Blackhole bh) {
    long position = EventFeed.START;
    long read = 0;
    for (FeedPage page = feed.read(position, PAGE);
        !page.isEmpty();
        page = feed.read(position, PAGE)) {
      for (FeedEvent e : page.events()) {
        bh.consume(e.event());
      }
      read += page.events().size();
      position = page.nextPosition();
    }
    return read;
  }

  /** Baseline: the same rows by the same keyset query, columns read, nothing decoded. */
  @Benchmark
  public long baselineRawJdbc(Blackhole bh) throws SQLException {
    long position = 0;
    long read = 0;
    while (true) {
      int rows = 0;
      try (Connection c = pool.getConnection();
          PreparedStatement s = c.prepareStatement(RAW)) {
        s.setString(1, workspace);
        s.setLong(2, position);
        s.setInt(3, PAGE);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            bh.consume(rs.getString(1));
            bh.consume(rs.getLong(2));
            bh.consume(rs.getLong(3));
            bh.consume(rs.getString(4));
            bh.consume(rs.getString(5));
            bh.consume(rs.getString(6));
            bh.consume(rs.getString(7));
            position = rs.getLong(8);
            rows++;
          }
        }
      }
      if (rows == 0) {
        return read;
      }
      read += rows;
    }
  }
}
