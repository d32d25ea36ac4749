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
import org.salespipeline.core.Deal;
import org.salespipeline.core.ProgressListener;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.store.DealCommit;
import org.salespipeline.jdbc.JdbcPipelineStore;
import org.salespipeline.jdbc.internal.Codec;

/**
 * Bulk import of {@code deals} new deals with their creation events: {@link
 * JdbcPipelineStore#insertCreatedDeals} against a baseline of hand-written JDBC batch inserts of
 * the same rows (same tables, same column values, same batch size of 1,000 per transaction). The
 * baseline gets its text columns already encoded, so the store's encoding counts against it.
 * Target: store time at most 1.3 x baseline on H2 and PostgreSQL.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx2g"})
public class BulkImportBenchmark {
  @Param({"h2", "postgres"})
  public String db;

  @Param({"100000"})
  public int deals;

  private HikariDataSource pool;
  private JdbcPipelineStore store;
  private WorkspaceId workspace;
  private List<DealCommit> commits;
  private List<String[]> baselineRows;

  @Setup(Level.Trial)
  public void open() {
    pool = BenchmarkDatabase.pool(db, 4);
    store = JdbcPipelineStore.builder(pool).tablePrefix("bench_").build();
  }

  @Setup(Level.Invocation)
  public void prepare() throws SQLException {
    BenchmarkDatabase.truncate(pool, "bench_");
    workspace = WorkspaceId.of("bench-" + UUID.randomUUID());
    commits = new ArrayList<>(deals);
    baselineRows = new ArrayList<>(deals);
    for (int i = 0; i < deals; i++) {
      DealCommit commit = BenchmarkDatabase.create(BenchmarkDatabase.deal(workspace, i));
      commits.add(commit);
      String body = Codec.encodeDeal(commit.deal());
      baselineRows.add(
          new String[] {body, Codec.encodeEventPayload(commit.events().get(0).at(), body)});
    }
  }

  @TearDown(Level.Trial)
  public void close() {
    pool.close();
  }

  @Benchmark
  public long store() {
    return store.insertCreatedDeals(workspace, commits, ProgressListener.NONE);
  }

  @Benchmark
  public long baselineJdbcBatches() throws SQLException {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement ws =
          c.prepareStatement("INSERT INTO bench_workspaces (id, created_at) VALUES (?, ?)")) {
        ws.setString(1, workspace.value());
        ws.setObject(2, LocalDateTime.now(ZoneOffset.UTC));
        ws.executeUpdate();
      }
      c.commit();
      try (PreparedStatement d =
              c.prepareStatement(
                  "INSERT INTO bench_deals (pipeline, stage, status, owner, account_id, amount,"
                      + " currency, expected_close, forecast_category, version,"
                      + " last_event_sequence, body, workspace, id, created_at)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
          PreparedStatement e =
              c.prepareStatement(
                  "INSERT INTO bench_deal_events (workspace, deal_id, sequence, deal_version,"
                      + " occurred_at, actor, idempotency_key, change_type, payload)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (int from = 0; from < deals; from += 1000) {
          int to = Math.min(deals, from + 1000);
          for (int i = from; i < to; i++) {
            Deal deal = commits.get(i).deal();
            d.setString(1, deal.pipeline().value());
            d.setString(2, deal.stage());
            d.setString(3, deal.status().name());
            d.setString(4, deal.owner().value());
            d.setNull(5, java.sql.Types.VARCHAR);
            d.setBigDecimal(6, deal.amount().amount());
            d.setString(7, deal.amount().currency().getCurrencyCode());
            d.setObject(8, deal.expectedCloseDate());
            d.setString(9, deal.forecastCategory().name());
            d.setLong(10, 1);
            d.setLong(11, 1);
            d.setString(12, baselineRows.get(i)[0]);
            d.setString(13, workspace.value());
            d.setString(14, deal.id().toString());
            d.setObject(15, LocalDateTime.ofInstant(deal.createdAt(), ZoneOffset.UTC));
            d.addBatch();
          }
          d.executeBatch();
          for (int i = from; i < to; i++) {
            DealEvent event = commits.get(i).events().get(0);
            e.setString(1, workspace.value());
            e.setString(2, event.dealId().toString());
            e.setLong(3, 1);
            e.setLong(4, 1);
            e.setObject(5, LocalDateTime.ofInstant(event.at(), ZoneOffset.UTC));
            e.setString(6, event.actor().value());
            e.setNull(7, java.sql.Types.VARCHAR);
            e.setString(8, "Created");
            e.setString(9, baselineRows.get(i)[1]);
            e.addBatch();
          }
          e.executeBatch();
          c.commit();
        }
      }
    }
    return deals;
  }
}
