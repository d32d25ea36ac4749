package org.salespipeline.jdbc;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.ProgressListener;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.store.DealCommit;

/**
 * The figures of BENCHMARKS.md "Issue 16: the unique index on the deal id (V011)": imports of new
 * deals through {@link JdbcPipelineStore#insertCreatedDeals} into tables with the index and, in
 * alternating rounds, with the index dropped. A rough measurement, not a test: it runs only with
 * {@code -Dpipeline.measure=true}, prints its figures and asserts nothing.
 */
class DealIdIndexMeasurement {
  @Test
  void importWithAndWithoutTheUniqueDealIdIndex() throws Exception {
    assumeTrue(Boolean.getBoolean("pipeline.measure"), "run with -Dpipeline.measure=true");
    int rounds = Integer.getInteger("pipeline.measure.rounds", 3);
    int deals = Integer.getInteger("pipeline.measure.deals", 20_000);
    for (Databases db : Databases.values()) {
      if (db != Databases.H2
          && System.getProperty("pipeline.test." + db.name().toLowerCase() + ".url", "")
              .isBlank()) {
        continue;
      }
      String prefix = Databases.freshPrefix("m16");
      String index = prefix + "deals_id_unique";
      try (JdbcPipelineStore store =
          JdbcPipelineStore.builder(db.dataSource())
              .tablePrefix(prefix)
              .schemaMode(SchemaMode.MIGRATE)
              .build()) {
        StringBuilder line = new StringBuilder(db.name());
        for (int round = 0; round < rounds; round++) {
          for (boolean indexed : new boolean[] {round % 2 == 0, round % 2 != 0}) {
            sql(db, indexed ? create(index, prefix) : drop(db, index, prefix));
            WorkspaceId ws = Fixtures.randomWorkspace();
            List<DealCommit> creates = new ArrayList<>(deals);
            for (int i = 0; i < deals; i++) {
              creates.add(Fixtures.create(Fixtures.deal(ws, Fixtures.newId())));
            }
            long started = System.nanoTime();
            store.insertCreatedDeals(ws, creates, ProgressListener.NONE);
            long ms = (System.nanoTime() - started) / 1_000_000;
            line.append(
                String.format(" | round %d %s: %d ms", round, indexed ? "with" : "without", ms));
          }
        }
        System.out.println("MEASURE " + deals + " deals per import " + line);
      } finally {
        db.dropTables(prefix);
      }
    }
  }

  private static String create(String index, String prefix) {
    return "CREATE UNIQUE INDEX IF NOT EXISTS " + index + " ON " + prefix + "deals (id)";
  }

  private static String drop(Databases db, String index, String prefix) {
    return db == Databases.MARIADB
        ? "DROP INDEX IF EXISTS " + index + " ON " + prefix + "deals"
        : "DROP INDEX IF EXISTS " + index;
  }

  private static void sql(Databases db, String statement) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }
}
