package org.salespipeline.benchmarks.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
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
import org.salespipeline.core.CurrencyConverter;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealId;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.FixedRateCurrencyConverter;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.Money;
import org.salespipeline.core.ProgressListener;
import org.salespipeline.core.UserId;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.stage.PipelineDefinition;
import org.salespipeline.core.stage.Stage;
import org.salespipeline.core.stage.StandardPipelines;
import org.salespipeline.core.store.DealCommit;
import org.salespipeline.forecast.DealSnapshots;
import org.salespipeline.forecast.PipelineSnapshot;
import org.salespipeline.jdbc.JdbcPipelineStore;

/**
 * Snapshot load of 1M open deals from PostgreSQL into the columnar form: {@link
 * DealSnapshots#fromOpenDeals} (the JDBC store's {@code scanOpenDeals}, no Deal objects) against a
 * hand-written JDBC read of the same columns with the same fetch size into primitive arrays. Both
 * run in a JVM limited to 256 MB. Target: store at most 1.5 x raw JDBC.
 *
 * <p>The deals are loaded once through {@link JdbcPipelineStore#insertCreatedDeals} into tables
 * with the prefix {@code bench_snap_} and a fixed workspace; a later run reuses them when the count
 * matches.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
public class SnapshotLoadBenchmark {
  static final int DEALS = 1_000_000;
  static final int FETCH_SIZE = 500;
  static final String PREFIX = "bench_snap_";
  static final WorkspaceId WORKSPACE = WorkspaceId.of("bench-snapshot");
  static final PipelineDefinition PIPE = StandardPipelines.newBusiness();
  static final Currency USD = Currency.getInstance("USD");
  static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
  static final CurrencyConverter RATES =
      FixedRateCurrencyConverter.builder()
          .rate("EUR", "USD", LocalDate.of(2026, 1, 1), "1.0873")
          .build();

  private HikariDataSource pool;
  private JdbcPipelineStore store;

  @Setup(Level.Trial)
  public void open() throws SQLException {
    pool = BenchmarkDatabase.pool("postgres", 2);
    store = JdbcPipelineStore.builder(pool).tablePrefix(PREFIX).fetchSize(FETCH_SIZE).build();
    long present = countOpen();
    if (present != DEALS) {
      BenchmarkDatabase.truncate(pool, PREFIX);
      load();
      try (Connection c = pool.getConnection()) {
        c.createStatement().execute("ANALYZE " + PREFIX + "deals");
      }
    }
    if (countOpen() != DEALS) {
      throw new IllegalStateException("expected " + DEALS + " open deals");
    }
  }

  private long countOpen() throws SQLException {
    try (Connection c = pool.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT count(*) FROM "
                    + PREFIX
                    + "deals WHERE workspace = ? AND pipeline = ? AND status = ?")) {
      s.setString(1, WORKSPACE.value());
      s.setString(2, PIPE.id().value());
      s.setString(3, DealStatus.OPEN.name());
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Imports the deals in chunks through the store's bulk path (the heap is 256 MB). */
  private void load() {
    List<String> open = PIPE.openStages().stream().map(Stage::key).toList();
    SplittableRandom r = new SplittableRandom(20261127);
    int chunk = 20_000;
    for (int from = 0; from < DEALS; from += chunk) {
      List<DealCommit> commits = new ArrayList<>(chunk);
      for (int i = from; i < Math.min(DEALS, from + chunk); i++) {
        commits.add(BenchmarkDatabase.create(deal(i, r, open)));
      }
      store.insertCreatedDeals(WORKSPACE, commits, ProgressListener.NONE);
    }
  }

  private static Deal deal(int i, SplittableRandom r, List<String> open) {
    Instant at =
        Instant.parse("2025-01-01T00:00:00Z")
            .plusSeconds(r.nextLong(500L * 86_400))
            .plusNanos(1_000L * r.nextInt(1_000_000));
    String currency = r.nextInt(5) == 0 ? "EUR" : "USD";
    return Deal.builder()
        .id(new DealId(new UUID(r.nextLong(), r.nextLong())))
        .workspace(WORKSPACE)
        .pipeline(PIPE.id())
        .stage(open.get(r.nextInt(open.size())))
        .status(DealStatus.OPEN)
        .name("Snapshot deal " + i)
        .owner(UserId.of("rep-" + r.nextInt(200)))
        .amount(Money.ofMinor(100_000 + r.nextLong(100_000_000L), Currency.getInstance(currency)))
        .expectedCloseDate(AS_OF.plusDays(r.nextInt(-30, 365)))
        .forecastCategory(ForecastCategory.values()[r.nextInt(4)])
        .createdAt(at)
        .stageEnteredAt(at)
        .version(1)
        .lastEventSequence(1)
        .build();
  }

  @TearDown(Level.Trial)
  public void close() {
    pool.close();
  }

  @Benchmark
  public int storeSnapshot() {
    PipelineSnapshot s =
        DealSnapshots.fromOpenDeals(
            store.workspace(WORKSPACE), PIPE, USD, AS_OF, ZoneOffset.UTC, RATES);
    if (s.size() != DEALS) {
      throw new IllegalStateException("snapshot has " + s.size() + " rows");
    }
    return s.size();
  }

  /** The same columns, statement shape and fetch size, into primitive arrays by hand. */
  @Benchmark
  public int rawJdbc() throws SQLException {
    int capacity = 1024;
    String[] ids = new String[capacity];
    long[] amount = new long[capacity];
    int[] closeDay = new int[capacity];
    int[] stage = new int[capacity];
    int[] owner = new int[capacity];
    byte[] category = new byte[capacity];
    long[] created = new long[capacity];
    Map<String, Integer> stages = new HashMap<>();
    Map<String, Integer> owners = new HashMap<>();
    Map<String, Integer> digits = new HashMap<>();
    int n = 0;
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT id, stage, owner, amount, currency, expected_close, forecast_category,"
                  + " created_at FROM "
                  + PREFIX
                  + "deals WHERE workspace = ? AND pipeline = ? AND status = ? ORDER BY id",
              ResultSet.TYPE_FORWARD_ONLY,
              ResultSet.CONCUR_READ_ONLY)) {
        s.setFetchSize(FETCH_SIZE);
        s.setString(1, WORKSPACE.value());
        s.setString(2, PIPE.id().value());
        s.setString(3, DealStatus.OPEN.name());
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            if (n == capacity) {
              capacity *= 2;
              ids = Arrays.copyOf(ids, capacity);
              amount = Arrays.copyOf(amount, capacity);
              closeDay = Arrays.copyOf(closeDay, capacity);
              stage = Arrays.copyOf(stage, capacity);
              owner = Arrays.copyOf(owner, capacity);
              category = Arrays.copyOf(category, capacity);
              created = Arrays.copyOf(created, capacity);
            }
            ids[n] = rs.getString(1);
            stage[n] = stages.computeIfAbsent(rs.getString(2), k -> stages.size());
            owner[n] = owners.computeIfAbsent(rs.getString(3), k -> owners.size());
            BigDecimal a = rs.getBigDecimal(4);
            int d =
                digits.computeIfAbsent(
                    rs.getString(5), k -> Currency.getInstance(k).getDefaultFractionDigits());
            amount[n] = a.movePointRight(d).longValueExact();
            closeDay[n] = (int) rs.getObject(6, LocalDate.class).toEpochDay();
            category[n] = (byte) ForecastCategory.valueOf(rs.getString(7)).ordinal();
            created[n] = rs.getObject(8, LocalDateTime.class).toEpochSecond(ZoneOffset.UTC);
            n++;
          }
        }
      }
      c.rollback();
    }
    if (n != DEALS) {
      throw new IllegalStateException("read " + n + " rows");
    }
    return n;
  }
}
