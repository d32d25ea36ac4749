package org.salespipeline.examples;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.postgresql.ds.PGSimpleDataSource;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Money;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.UserId;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.command.OpenDeal;
import org.salespipeline.core.store.DealQuery;
import org.salespipeline.jdbc.H2FileCompaction;
import org.salespipeline.jdbc.JdbcPipelineStore;

/**
 * Setting up durable storage: the embedded H2 file (created and migrated on first use, kept across
 * runs) and PostgreSQL through a data source the host owns (in production a pool such as HikariCP).
 * Each run opens one deal and counts the deals stored so far.
 */
public final class DatabaseSetupExample {
  private static final WorkspaceId ACME = WorkspaceId.of("acme");

  private DatabaseSetupExample() {}

  /**
   * Opens (or creates) an H2 database file, adds a deal and closes it again.
   *
   * @param file the database file without {@code .mv.db}, for example {@code data/pipeline}
   * @return the deals stored after this run
   */
  public static long h2File(Path file) {
    try (JdbcPipelineStore store = JdbcPipelineStore.h2File(file)) {
      return openDealAndCount(store);
    }
  }

  /**
   * {@link #h2File}, with the file's compaction chosen (issue 14, item 13): sparse chunks are
   * rewritten every 5 s while the store is open, and close rewrites the whole file only while it is
   * at most 64 MB, which bounds the time close takes.
   *
   * @param file the database file without {@code .mv.db}
   * @return the deals stored after this run
   */
  public static long h2FileCompacted(Path file) {
    // --- README H2 file compaction begins
    H2FileCompaction compaction =
        H2FileCompaction.defaults()
            .withCheckEvery(Duration.ofSeconds(5)) // while open: rewrite sparse chunks every 5 s
            .withCloseCompactionUpTo(64L << 20); // on close: rewrite the file if at most 64 MB
    try (JdbcPipelineStore store = JdbcPipelineStore.h2File(file, compaction)) {
      return openDealAndCount(store);
    }
    // --- README H2 file compaction ends
  }

  /**
   * Connects to PostgreSQL, migrates the schema if needed (tables prefixed {@code sp_}), adds a
   * deal.
   *
   * @param url a JDBC URL such as {@code jdbc:postgresql://db:5432/sales?user=app&password=...}
   * @return the deals stored in the workspace after this run
   */
  public static long postgres(String url) {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(url);
    // The dialect is detected from the database's product name; the data source stays the host's.
    try (JdbcPipelineStore store = JdbcPipelineStore.builder(dataSource).build()) {
      return openDealAndCount(store);
    }
  }

  private static long openDealAndCount(JdbcPipelineStore store) {
    SalesPipeline pipeline = SalesPipeline.builder().store(store).workspace(ACME).build();
    UserId alice = UserId.of("alice");
    pipeline.openDeal(
        OpenDeal.builder()
            .name("Acme platform")
            .owner(alice)
            .actor(alice)
            .amount(Money.of(48_000, "USD"))
            .expectedCloseDate(LocalDate.now().plusMonths(2))
            .build());
    try (Stream<Deal> deals = pipeline.streamDeals(DealQuery.all())) {
      return deals.count();
    }
  }

  /** {@code h2 PATH} or {@code postgres JDBC-URL}. */
  public static void main(String[] args) {
    long deals =
        args.length == 2 && args[0].equals("postgres")
            ? postgres(args[1])
            : h2File(Path.of(args.length == 2 ? args[1] : "demo-data/example"));
    System.out.println(deals + " deals stored");
  }
}
