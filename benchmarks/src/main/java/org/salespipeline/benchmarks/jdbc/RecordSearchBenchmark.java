package org.salespipeline.benchmarks.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
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
import org.salespipeline.core.store.DealCommit;
import org.salespipeline.core.store.DealQuery;
import org.salespipeline.core.store.TextMatch;
import org.salespipeline.core.store.WorkspaceStore;
import org.salespipeline.jdbc.JdbcPipelineStore;
import org.salespipeline.jdbc.internal.Codec;

/**
 * A back-office name search (issue 14 item 17): one page of 100 deals whose name starts with a
 * prefix ({@code "imported deal 1"}, about 11% of 100k deals), through {@code findDeals} with a
 * {@link TextMatch#prefix} against a hand-written JDBC query of the same rows (same table, same
 * folded-name index, same order and limit) decoding the same bodies. Target: at most 1.3x.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RecordSearchBenchmark {
  private static final String PREFIX = "bench_search_";

  @Param({"h2"})
  public String db;

  @Param({"100000"})
  public int deals;

  private HikariDataSource pool;
  private WorkspaceStore view;
  private WorkspaceId workspace;
  private DealQuery query;

  @Setup(Level.Trial)
  public void open() {
    pool = BenchmarkDatabase.pool(db, 2);
    JdbcPipelineStore store = JdbcPipelineStore.builder(pool).tablePrefix(PREFIX).build();
    workspace = WorkspaceId.of("bench-search");
    List<DealCommit> commits = new ArrayList<>(deals);
    for (int i = 0; i < deals; i++) {
      commits.add(BenchmarkDatabase.create(BenchmarkDatabase.deal(workspace, i)));
    }
    store.insertCreatedDeals(workspace, commits, ProgressListener.NONE);
    view = store.workspace(workspace);
    query = DealQuery.builder().name(TextMatch.prefix("Imported Deal 1")).limit(100).build();
  }

  @TearDown(Level.Trial)
  public void close() {
    pool.close();
  }

  @Benchmark
  public List<Deal> store() {
    return view.findDeals(query).items();
  }

  @Benchmark
  public List<Deal> baselineJdbc() throws SQLException {
    try (Connection c = pool.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT body FROM "
                    + PREFIX
                    + "deals WHERE workspace = ? AND name_folded LIKE ? ORDER BY id LIMIT ?")) {
      s.setString(1, workspace.value());
      s.setString(2, "imported deal 1%");
      s.setInt(3, 101);
      List<Deal> out = new ArrayList<>(101);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(Codec.decodeDeal(rs.getString(1)));
        }
      }
      return out.size() > 100 ? out.subList(0, 100) : out;
    }
  }
}
