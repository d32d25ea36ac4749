package org.salespipeline.benchmarks.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealId;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.Money;
import org.salespipeline.core.UserId;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.stage.StandardPipelines;
import org.salespipeline.core.store.DealCommit;

/** Connections and rows shared by the JDBC benchmarks. */
final class BenchmarkDatabase {
  static final UserId REP = UserId.of("rep-1");

  private BenchmarkDatabase() {}

  /**
   * {@code h2} (in memory), {@code h2file} (a new file in the temp directory with {@code
   * WRITE_DELAY=0}, as {@code JdbcPipelineStore.h2File} opens it since issue 14), {@code
   * h2file_delayed} (the same with H2's default write delay of 500 ms, the old setting) or {@code
   * postgres} (from -Dpipeline.bench.postgres.url).
   */
  static HikariDataSource pool(String db, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(
        switch (db) {
          case "h2" ->
              "jdbc:h2:mem:bench"
                  + UUID.randomUUID().toString().replace("-", "")
                  + ";DB_CLOSE_DELAY=-1";
          case "h2file", "h2file_delayed" ->
              "jdbc:h2:file:"
                  + tempFile()
                  + (db.equals("h2file") ? ";WRITE_DELAY=0" : ";WRITE_DELAY=500");
          case "postgres" ->
              System.getProperty(
                  "pipeline.bench.postgres.url",
                  "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
          default -> throw new IllegalArgumentException(db);
        });
    config.setMaximumPoolSize(size);
    return new HikariDataSource(config);
  }

  private static String tempFile() {
    try {
      java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("bench-h2");
      return dir.resolve("bench").toAbsolutePath().toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Empties the tables the benchmarks write (TRUNCATE, so storage does not grow between runs). */
  static void truncate(HikariDataSource ds, String prefix) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      for (String table :
          List.of("deals", "deal_events", "idempotency_keys", "activities", "workspaces")) {
        s.execute("TRUNCATE TABLE " + prefix + table);
      }
    }
  }

  static Deal deal(WorkspaceId ws, int i) {
    Instant at = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i);
    return Deal.builder()
        .id(new DealId(UUID.randomUUID()))
        .workspace(ws)
        .pipeline(StandardPipelines.NEW_BUSINESS)
        .stage(StandardPipelines.PROSPECTING)
        .status(DealStatus.OPEN)
        .name("Imported deal " + i)
        .owner(UserId.of("rep-" + (i % 50)))
        .amount(Money.of(1000 + i, "EUR"))
        .expectedCloseDate(LocalDate.of(2026, 6, 30).plusDays(i % 180))
        .forecastCategory(ForecastCategory.PIPELINE)
        .createdAt(at)
        .stageEnteredAt(at)
        .version(1)
        .lastEventSequence(1)
        .build();
  }

  static DealCommit create(Deal deal) {
    DealEvent created =
        new DealEvent(
            deal.id(), 1, 1, deal.createdAt(), REP, Optional.empty(), new Change.Created(deal));
    return new DealCommit(0, deal, List.of(created), List.of(), Optional.empty(), Optional.empty());
  }

  static DealCommit move(Deal from, String stage) {
    Instant at = from.stageEnteredAt().plusSeconds(60);
    Deal to =
        Deal.builder()
            .from(from)
            .stage(stage)
            .stageEnteredAt(at)
            .version(from.version() + 1)
            .lastEventSequence(from.lastEventSequence() + 1)
            .build();
    DealEvent event =
        new DealEvent(
            from.id(),
            to.lastEventSequence(),
            to.version(),
            at,
            REP,
            Optional.empty(),
            new Change.StageChanged(from.stage(), stage));
    return new DealCommit(
        from.version(), to, List.of(event), List.of(), Optional.empty(), Optional.empty());
  }
}
