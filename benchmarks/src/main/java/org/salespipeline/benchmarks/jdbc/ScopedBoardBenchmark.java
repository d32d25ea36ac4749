package org.salespipeline.benchmarks.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.salespipeline.core.Board;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealId;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.Money;
import org.salespipeline.core.ProgressListener;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.UserId;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.access.Grants;
import org.salespipeline.core.access.Principal;
import org.salespipeline.core.stage.PipelineDefinition;
import org.salespipeline.core.stage.Stage;
import org.salespipeline.core.stage.StandardPipelines;
import org.salespipeline.core.store.DealCommit;
import org.salespipeline.core.store.DealQuery;
import org.salespipeline.jdbc.JdbcPipelineStore;

/**
 * Issue 16: a rep's board over 1M open deals on PostgreSQL. {@code scopedBoard} is {@code
 * pipeline.as(rep).board(...)} under the built-in {@link Grants} policy, so the scope becomes
 * {@code owner IN (:rep)} in SQL; {@code handWrittenBoard} is the same board written by hand for
 * that rep: the unchecked store's stream with {@code owners(rep)} and the board's sums. 200 reps,
 * about 5,000 deals each. Target: scoped at most 1.5 x hand-written.
 *
 * <p>The deals are loaded once through {@link JdbcPipelineStore#insertCreatedDeals} into tables
 * with the prefix {@code bench_acc_}; a later run reuses them when the count matches. The database
 * is {@code -Dpipeline.bench.postgres.url}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 8)
@Measurement(iterations = 12)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
public class ScopedBoardBenchmark {
  static final int DEALS = 1_000_000;
  static final String PREFIX = "bench_acc_";
  static final WorkspaceId WORKSPACE = WorkspaceId.of("bench-access");
  static final PipelineDefinition PIPE = StandardPipelines.newBusiness();
  static final Currency USD = Currency.getInstance("USD");
  static final UserId REP = UserId.of("rep-7");

  private HikariDataSource pool;
  private SalesPipeline pipeline;
  private SalesPipeline rep;

  @Setup(Level.Trial)
  public void open() throws SQLException {
    pool = BenchmarkDatabase.pool("postgres", 2);
    JdbcPipelineStore store = JdbcPipelineStore.builder(pool).tablePrefix(PREFIX).build();
    if (count() != DEALS) {
      BenchmarkDatabase.truncate(pool, PREFIX);
      load(store);
      try (Connection c = pool.getConnection()) {
        c.createStatement().execute("ANALYZE " + PREFIX + "deals");
      }
    }
    pipeline =
        SalesPipeline.builder()
            .store(store)
            .workspace(WORKSPACE)
            .accessPolicy(Grants.builder().build())
            .build();
    rep = pipeline.as(Principal.of(REP));
  }

  private long count() throws SQLException {
    try (Connection c = pool.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT count(*) FROM " + PREFIX + "deals WHERE workspace = ?")) {
      s.setString(1, WORKSPACE.value());
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static void load(JdbcPipelineStore store) {
    List<String> open = PIPE.openStages().stream().map(Stage::key).toList();
    SplittableRandom r = new SplittableRandom(20261202);
    int chunk = 20_000;
    for (int from = 0; from < DEALS; from += chunk) {
      List<DealCommit> commits = new ArrayList<>(chunk);
      for (int i = from; i < Math.min(DEALS, from + chunk); i++) {
        Instant at = Instant.parse("2025-01-01T00:00:00Z").plusSeconds(r.nextLong(500L * 86_400));
        Deal deal =
            Deal.builder()
                .id(new DealId(new UUID(r.nextLong(), r.nextLong())))
                .workspace(WORKSPACE)
                .pipeline(PIPE.id())
                .stage(open.get(r.nextInt(open.size())))
                .status(DealStatus.OPEN)
                .name("Access deal " + i)
                .owner(UserId.of("rep-" + r.nextInt(200)))
                .amount(Money.ofMinor(100_000 + r.nextLong(100_000_000L), USD))
                .expectedCloseDate(LocalDate.of(2026, 6, 30).plusDays(r.nextInt(-30, 365)))
                .forecastCategory(ForecastCategory.PIPELINE)
                .createdAt(at)
                .stageEnteredAt(at)
                .version(1)
                .lastEventSequence(1)
                .build();
        commits.add(BenchmarkDatabase.create(deal));
      }
      store.insertCreatedDeals(WORKSPACE, commits, ProgressListener.NONE);
    }
  }

  @TearDown(Level.Trial)
  public void close() {
    pool.close();
  }

  /** The rep's board through the rep's view: the policy's scope in the SQL. */
  @Benchmark
  public long scopedBoard() {
    Board board = rep.board(PIPE.id(), USD);
    return board.count();
  }

  /**
   * The same board written by hand: the rep's open deals of the pipeline through the unchecked
   * store, summed and weighted per stage the way the board does (converted, then weighted by the
   * stage's probability).
   */
  @Benchmark
  public long handWrittenBoard() {
    Map<String, List<Deal>> byStage = new LinkedHashMap<>();
    PIPE.openStages().forEach(s -> byStage.put(s.key(), new ArrayList<>()));
    DealQuery query =
        DealQuery.builder().pipeline(PIPE.id()).addStatuses(DealStatus.OPEN).addOwners(REP).build();
    try (Stream<Deal> deals = pipeline.store().streamDeals(query)) {
      deals.forEach(d -> byStage.computeIfAbsent(d.stage(), k -> new ArrayList<>()).add(d));
    }
    LocalDate today = LocalDate.now(pipeline.clock());
    long count = 0;
    List<Money> totals = new ArrayList<>();
    for (Stage stage : PIPE.openStages()) {
      BigDecimal total = BigDecimal.ZERO;
      BigDecimal weighted = BigDecimal.ZERO;
      BigDecimal probability = BigDecimal.valueOf(stage.defaultProbability());
      for (Deal d : byStage.get(stage.key())) {
        BigDecimal amount = pipeline.currencyConverter().convert(d.amount(), USD, today).amount();
        total = total.add(amount);
        weighted = weighted.add(amount.multiply(probability));
        count++;
      }
      totals.add(new Money(total, USD));
      totals.add(new Money(weighted.setScale(2, RoundingMode.HALF_EVEN), USD));
    }
    return count + totals.size();
  }
}
