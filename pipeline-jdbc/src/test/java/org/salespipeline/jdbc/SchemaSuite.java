package org.salespipeline.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Deal;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.stage.StandardPipelines;
import org.salespipeline.core.store.DuplicateIdempotencyKeyException;
import org.salespipeline.core.store.WorkspaceStore;
import org.salespipeline.jdbc.dialect.SqlDialect;
import org.salespipeline.jdbc.internal.Migrator;

/**
 * Schema tests on every database via the leaf classes: the startup check of the schema version,
 * concurrent migrations that take turns under the migration lock, and upgrades of older schemas.
 * Each test works on tables with a fresh prefix and drops them afterwards.
 */
abstract class SchemaSuite {
  abstract Databases db();

  JdbcPipelineStore build(String prefix, SchemaMode mode) {
    return JdbcPipelineStore.builder(db().dataSource())
        .tablePrefix(prefix)
        .schemaMode(mode)
        .build();
  }

  void sql(String statement) {
    try (Connection c = db().dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(statement);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void t13_missingSchemaIsRefusedUnderValidate() {
    String prefix = Databases.freshPrefix("t13m");
    try {
      assertThatThrownBy(() -> build(prefix, SchemaMode.VALIDATE))
          .isInstanceOf(SchemaException.class)
          .hasMessageContaining("no pipeline schema found")
          .hasMessageContaining("SchemaMode.MIGRATE");
    } finally {
      db().dropTables(prefix);
    }
  }

  @Test
  void t13_newerOlderTamperedAndHalfAppliedSchemasAreRefused() {
    String prefix = Databases.freshPrefix("t13");
    try {
      build(prefix, SchemaMode.MIGRATE).close();
      build(prefix, SchemaMode.VALIDATE).close();
      String history = prefix + "schema_history";

      sql("UPDATE " + history + " SET checksum = 'feed' WHERE version = 1");
      for (SchemaMode mode : new SchemaMode[] {SchemaMode.VALIDATE, SchemaMode.MIGRATE}) {
        assertThatThrownBy(() -> build(prefix, mode))
            .isInstanceOf(SchemaException.class)
            .hasMessageContaining("V001__create_schema.sql")
            .hasMessageContaining("checksum feed")
            .hasMessageContaining("never changes");
      }
      sql("DELETE FROM " + history);
      assertThatThrownBy(() -> build(prefix, SchemaMode.VALIDATE))
          .isInstanceOf(SchemaException.class)
          .hasMessageContaining("older than this library")
          .hasMessageContaining("SchemaMode.MIGRATE");

      sql(
          "INSERT INTO "
              + history
              + " (version, description, checksum, installed_at, success)"
              + " VALUES (1, 'create_schema', 'x', 'now', FALSE)");
      for (SchemaMode mode : new SchemaMode[] {SchemaMode.VALIDATE, SchemaMode.MIGRATE}) {
        assertThatThrownBy(() -> build(prefix, mode))
            .isInstanceOf(SchemaException.class)
            .hasMessageContaining("did not complete")
            .hasMessageContaining("delete its row");
      }
      sql("DELETE FROM " + history);
      // why: one past the newest migration this library ships, whatever number that is
      int future = Migrator.MIGRATIONS.get(Migrator.MIGRATIONS.size() - 1).version() + 1;
      sql(
          "INSERT INTO "
              + history
              + " (version, description, checksum, installed_at, success)"
              + " VALUES ("
              + future
              + ", 'future', 'x', 'now', TRUE)");
      for (SchemaMode mode : new SchemaMode[] {SchemaMode.VALIDATE, SchemaMode.MIGRATE}) {
        assertThatThrownBy(() -> build(prefix, mode))
            .isInstanceOf(SchemaException.class)
            .hasMessageContaining("newer than this library")
            .hasMessageContaining(String.format("V%03d", future))
            .hasMessageContaining("Upgrade pipeline-jdbc");
      }
      // NONE trusts the schema as it is
      build(prefix, SchemaMode.NONE).close();
    } finally {
      db().dropTables(prefix);
    }
  }

  @Test
  void t14_concurrentMigrationsOfAnEmptyDatabase() throws Exception {
    String prefix = Databases.freshPrefix("t14");
    try {
      List<Callable<Boolean>> starts = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        starts.add(
            () -> {
              try (JdbcPipelineStore s =
                  JdbcPipelineStore.builder(db().dataSource())
                      .tablePrefix(prefix)
                      .migrationLockTimeout(Duration.ofSeconds(60))
                      .build()) {
                WorkspaceStore ws = s.workspace(Fixtures.randomWorkspace());
                ws.savePipeline(StandardPipelines.newBusiness());
                return ws.pipelines().size() == 1;
              }
            });
      }
      assertThat(StoreSuite.race(starts)).containsOnly(true);
      try (Connection c = db().dataSource().getConnection();
          PreparedStatement s =
              c.prepareStatement("SELECT COUNT(*) FROM " + prefix + "schema_history");
          ResultSet rs = s.executeQuery()) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(Migrator.MIGRATIONS.size());
      }
    } finally {
      db().dropTables(prefix);
    }
  }

  /** A migrator that dies holding the migration lock does not block the next start. */
  @Test
  void t14_aCrashedMigratorsLockIsReleasedWithItsSession() throws SQLException {
    String prefix = Databases.freshPrefix("t14c");
    try {
      Connection crashed = java.sql.DriverManager.getConnection(db().url());
      SqlDialect dialect = SqlDialect.detect(crashed.getMetaData());
      assertThat(dialect.acquireMigrationLock(crashed, prefix, Duration.ofSeconds(5))).isTrue();
      try (Connection other = java.sql.DriverManager.getConnection(db().url())) {
        assertThat(dialect.acquireMigrationLock(other, prefix, Duration.ofSeconds(1))).isFalse();
        crashed.close(); // the session ends without releasing, as when a process dies
        assertThat(dialect.acquireMigrationLock(other, prefix, Duration.ofSeconds(5))).isTrue();
        dialect.releaseMigrationLock(other, prefix);
      }
      JdbcPipelineStore.builder(db().dataSource())
          .tablePrefix(prefix)
          .migrationLockTimeout(Duration.ofSeconds(5))
          .build()
          .close();
    } finally {
      db().dropTables(prefix);
    }
  }

  @Test
  void t15_aV001DatabaseWithDataUpgradesInPlace() throws SQLException {
    String prefix = Databases.freshPrefix("t15");
    try {
      WorkspaceId wsId = Fixtures.randomWorkspace();
      Deal deal;
      try (JdbcPipelineStore v1 = build(prefix, SchemaMode.MIGRATE)) {
        WorkspaceStore ws = v1.workspace(wsId);
        ws.savePipeline(StandardPipelines.newBusiness());
        deal = Fixtures.deal(wsId, Fixtures.newId());
        ws.commit(Fixtures.create(deal));
      }
      SqlDialect dialect;
      List<Migrator.Migration> withV2 = new ArrayList<>(Migrator.MIGRATIONS);
      withV2.add(new Migrator.Migration(99, "test_upgrade"));
      try (Connection lock = db().dataSource().getConnection();
          Connection work = db().dataSource().getConnection()) {
        dialect = SqlDialect.detect(work.getMetaData());
        Migrator v2 = new Migrator(dialect, prefix, withV2);
        assertThatThrownBy(() -> v2.validate(work))
            .isInstanceOf(SchemaException.class)
            .hasMessageContaining("V099__test_upgrade.sql");
        v2.migrate(lock, work, Duration.ofSeconds(30));
        v2.validate(work);
        // the library that does not know V099 now refuses the newer schema
        assertThatThrownBy(() -> new Migrator(dialect, prefix).validate(work))
            .hasMessageContaining("newer than this library");
      }
      try (JdbcPipelineStore after = build(prefix, SchemaMode.NONE)) {
        WorkspaceStore ws = after.workspace(wsId);
        assertThat(ws.deal(deal.id())).contains(deal);
        assertThat(ws.history(deal.id())).hasSize(1);
        ws.commit(Fixtures.move(deal, StandardPipelines.QUALIFICATION));
        assertThat(ws.pipelines()).containsExactly(StandardPipelines.newBusiness());
      }
    } finally {
      db().dropTables(prefix);
    }
  }

  /**
   * Issue 14 item 7: VALIDATE (and MIGRATE, which validates after migrating) compares the live
   * tables, columns, column sizes, primary keys and indexes with what the migrations create, and
   * refuses each physical tampering with a SchemaException naming what differs.
   */
  @Test
  void t17_physicalTamperingIsRefusedUnderValidate() {
    String product;
    try (Connection c = db().dataSource().getConnection()) {
      product = SqlDialect.detect(c.getMetaData()).name();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    record Tamper(String what, String sql, String named) {}
    List<Tamper> tampers =
        List.of(
            new Tamper("dropped column", "ALTER TABLE %sdeal_events DROP COLUMN actor", "actor"),
            new Tamper(
                "dropped primary key",
                switch (product) {
                  case "postgresql" ->
                      "ALTER TABLE %1$sidempotency_keys DROP CONSTRAINT %1$sidempotency_keys_pkey";
                  default -> "ALTER TABLE %sidempotency_keys DROP PRIMARY KEY";
                },
                "primary key"),
            new Tamper("dropped table", "DROP TABLE %sretention", "retention"),
            new Tamper(
                "dropped index",
                product.equals("mariadb")
                    ? "DROP INDEX %1$sdeals_owner ON %1$sdeals"
                    : "DROP INDEX %sdeals_owner",
                "deals_owner"),
            new Tamper(
                "shrunk column",
                switch (product) {
                  case "postgresql" -> "ALTER TABLE %spipelines ALTER COLUMN name TYPE VARCHAR(40)";
                  case "mariadb" -> "ALTER TABLE %spipelines MODIFY name VARCHAR(40) NOT NULL";
                  default -> "ALTER TABLE %spipelines ALTER COLUMN name SET DATA TYPE VARCHAR(40)";
                },
                "name"));
    for (Tamper tamper : tampers) {
      String prefix = Databases.freshPrefix("t17");
      try {
        build(prefix, SchemaMode.MIGRATE).close();
        build(prefix, SchemaMode.VALIDATE).close();
        sql(String.format(tamper.sql(), prefix));
        for (SchemaMode mode : new SchemaMode[] {SchemaMode.VALIDATE, SchemaMode.MIGRATE}) {
          assertThatThrownBy(() -> build(prefix, mode))
              .as(tamper.what() + " under " + mode)
              .isInstanceOf(SchemaException.class)
              .hasMessageContaining(tamper.named());
        }
        build(prefix, SchemaMode.NONE).close();
      } finally {
        db().dropTables(prefix);
      }
    }
  }

  /**
   * Issue 14: a V001 database with stored idempotency keys upgrades through V002 and V003; keys
   * stored before have no fingerprint and are still replayed, and the migrated schema validates.
   */
  @Test
  void t15_keysStoredBeforeV002KeepWorkingAfterTheUpgrade() throws SQLException {
    String prefix = Databases.freshPrefix("t15k");
    try {
      WorkspaceId wsId = Fixtures.randomWorkspace();
      Deal deal = Fixtures.deal(wsId, Fixtures.newId());
      try (Connection lock = db().dataSource().getConnection();
          Connection work = db().dataSource().getConnection()) {
        SqlDialect dialect = SqlDialect.detect(work.getMetaData());
        new Migrator(dialect, prefix, Migrator.MIGRATIONS.subList(0, 1))
            .migrate(lock, work, Duration.ofSeconds(30));
      }
      sql(
          "INSERT INTO "
              + prefix
              + "idempotency_keys (workspace, idempotency_key, deal_id, deal_version) VALUES ('"
              + wsId
              + "', 'old-key', '"
              + deal.id()
              + "', 1)");
      try (JdbcPipelineStore store = build(prefix, SchemaMode.MIGRATE)) {
        WorkspaceStore ws = store.workspace(wsId);
        assertThat(ws.idempotencyRecord("old-key").orElseThrow().commandFingerprint()).isEmpty();
        assertThatThrownBy(
                () ->
                    ws.commit(
                        Fixtures.create(deal, Optional.of("old-key"))
                            .withCommandFingerprint("v1:new")))
            .isInstanceOf(DuplicateIdempotencyKeyException.class);
        ws.commit(Fixtures.create(deal, Optional.of("old-key ")));
        assertThat(ws.idempotencyRecord("old-key ").orElseThrow().dealId()).isEqualTo(deal.id());
      }
      build(prefix, SchemaMode.VALIDATE).close();
    } finally {
      db().dropTables(prefix);
    }
  }

  /**
   * Issue 15: events stored before the event feed's migration get feed positions when it runs, each
   * deal's in sequence order; the workspace's counter continues after them, so new events follow in
   * the feed.
   */
  @Test
  void t15_eventsStoredBeforeTheFeedGetPositionsOnUpgrade() throws SQLException {
    String source = Databases.freshPrefix("t15s");
    String prefix = Databases.freshPrefix("t15f");
    try {
      WorkspaceId wsId = Fixtures.randomWorkspace();
      List<org.salespipeline.core.DealId> ids = new ArrayList<>();
      try (JdbcPipelineStore store = build(source, SchemaMode.MIGRATE)) {
        org.salespipeline.core.SalesPipeline pipeline =
            org.salespipeline.core.SalesPipeline.builder().store(store).workspace(wsId).build();
        for (int i = 0; i < 3; i++) {
          org.salespipeline.core.DealId id =
              pipeline
                  .openDeal(
                      org.salespipeline.core.command.OpenDeal.builder()
                          .name("Deal " + i)
                          .owner(org.salespipeline.core.UserId.of("ann"))
                          .actor(org.salespipeline.core.UserId.of("ann"))
                          .amount(org.salespipeline.core.Money.of(1_000 + i, "EUR"))
                          .expectedCloseDate(java.time.LocalDate.now().plusDays(30))
                          .build())
                  .deal()
                  .id();
          ids.add(id);
          pipeline.update(
              org.salespipeline.core.command.UpdateDeal.builder()
                  .deal(id)
                  .actor(org.salespipeline.core.UserId.of("ann"))
                  .amount(org.salespipeline.core.Money.of(2_000 + i, "EUR"))
                  .build());
        }
      }
      List<Migrator.Migration> beforeFeed =
          Migrator.MIGRATIONS.stream()
              .takeWhile(m -> !m.description().equals("event_feed"))
              .toList();
      try (Connection lock = db().dataSource().getConnection();
          Connection work = db().dataSource().getConnection()) {
        SqlDialect dialect = SqlDialect.detect(work.getMetaData());
        new Migrator(dialect, prefix, beforeFeed).migrate(lock, work, Duration.ofSeconds(30));
      }
      String eventColumns =
          "workspace, deal_id, sequence, deal_version, occurred_at, actor, idempotency_key,"
              + " change_type, payload";
      String dealColumns =
          "workspace, id, pipeline, stage, status, owner, account_id, amount, currency,"
              + " expected_close, forecast_category, created_at, version, last_event_sequence,"
              + " body";
      for (String[] table :
          new String[][] {
            {"workspaces", "id, created_at"},
            {"pipelines", "workspace, id, name"},
            {
              "pipeline_stages",
              "workspace, pipeline_id, position, stage_key, display_name, outcome,"
                  + " default_probability, default_category, idle_threshold"
            },
            {"deals", dealColumns},
            {"deal_events", eventColumns}
          }) {
        sql(
            "INSERT INTO "
                + prefix
                + table[0]
                + " ("
                + table[1]
                + ") SELECT "
                + table[1]
                + " FROM "
                + source
                + table[0]);
      }

      try (JdbcPipelineStore store = build(prefix, SchemaMode.MIGRATE)) {
        org.salespipeline.core.SalesPipeline pipeline =
            org.salespipeline.core.SalesPipeline.builder().store(store).workspace(wsId).build();
        pipeline.update(
            org.salespipeline.core.command.UpdateDeal.builder()
                .deal(ids.get(0))
                .actor(org.salespipeline.core.UserId.of("bob"))
                .amount(org.salespipeline.core.Money.of(9_000, "EUR"))
                .build());
        List<org.salespipeline.core.event.FeedEvent> feed =
            pipeline.feed().read(org.salespipeline.core.event.EventFeed.START, 100).events();

        assertThat(feed).hasSize(7);
        assertThat(feed)
            .extracting(org.salespipeline.core.event.FeedEvent::position)
            .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(feed.get(6).event().actor().value()).isEqualTo("bob");
        for (org.salespipeline.core.DealId id : ids) {
          assertThat(
                  feed.stream()
                      .filter(e -> e.event().dealId().equals(id))
                      .map(e -> e.event().sequence()))
              .isSorted();
        }
      }
      build(prefix, SchemaMode.VALIDATE).close();
    } finally {
      db().dropTables(source);
      db().dropTables(prefix);
    }
  }

  /**
   * Issue 16: V011 makes deal ids unique across workspaces. A database holding deals of two
   * workspaces with one id (possible before) is refused with the ids, their workspaces and what to
   * do, and nothing is recorded; once the clash is removed the migration runs, VALIDATE checks that
   * the index is unique, and the database refuses a second workspace's create of the id.
   */
  @Test
  void t16_dealIdsHeldByTwoWorkspacesAreNamedBeforeTheUniqueIndex() throws SQLException {
    String source = Databases.freshPrefix("t16s");
    String prefix = Databases.freshPrefix("t16u");
    try {
      WorkspaceId wsA = Fixtures.randomWorkspace();
      WorkspaceId wsB = Fixtures.randomWorkspace();
      List<org.salespipeline.core.DealId> ids = new ArrayList<>();
      try (JdbcPipelineStore store = build(source, SchemaMode.MIGRATE)) {
        org.salespipeline.core.SalesPipeline pipeline =
            org.salespipeline.core.SalesPipeline.builder().store(store).workspace(wsA).build();
        for (int i = 0; i < 3; i++) {
          ids.add(
              pipeline
                  .openDeal(
                      org.salespipeline.core.command.OpenDeal.builder()
                          .name("Deal " + i)
                          .owner(org.salespipeline.core.UserId.of("ann"))
                          .actor(org.salespipeline.core.UserId.of("ann"))
                          .amount(org.salespipeline.core.Money.of(1_000 + i, "EUR"))
                          .expectedCloseDate(java.time.LocalDate.now().plusDays(30))
                          .build())
                  .deal()
                  .id());
        }
      }
      List<Migrator.Migration> beforeUnique =
          Migrator.MIGRATIONS.stream()
              .takeWhile(m -> !m.description().equals("unique_deal_ids"))
              .toList();
      assertThat(beforeUnique).hasSize(Migrator.MIGRATIONS.size() - 1);
      SqlDialect dialect;
      try (Connection lock = db().dataSource().getConnection();
          Connection work = db().dataSource().getConnection()) {
        dialect = SqlDialect.detect(work.getMetaData());
        new Migrator(dialect, prefix, beforeUnique).migrate(lock, work, Duration.ofSeconds(30));
      }
      String dealColumns =
          "id, pipeline, stage, status, owner, account_id, amount, currency,"
              + " expected_close, forecast_category, created_at, version, last_event_sequence,"
              + " body";
      String copy =
          "INSERT INTO %sdeals (workspace, %s) SELECT %s, %s FROM %sdeals WHERE id IN (%s)";
      String all = "'" + ids.get(0) + "', '" + ids.get(1) + "', '" + ids.get(2) + "'";
      sql(String.format(copy, prefix, dealColumns, "workspace", dealColumns, source, all));
      String clashing = "'" + ids.get(0) + "', '" + ids.get(2) + "'";
      sql(
          String.format(
              copy, prefix, dealColumns, "'" + wsB.value() + "'", dealColumns, source, clashing));

      assertThatThrownBy(() -> build(prefix, SchemaMode.MIGRATE))
          .isInstanceOf(SchemaException.class)
          .hasMessageContaining("V011__unique_deal_ids.sql")
          .hasMessageContaining("2 deal ids are held by deals of more than one workspace")
          .hasMessageContaining(ids.get(0) + " in workspaces")
          .hasMessageContaining(ids.get(2) + " in workspaces")
          .hasMessageNotContaining(ids.get(1).toString())
          .hasMessageContaining(wsA.value())
          .hasMessageContaining(wsB.value())
          .hasMessageContaining("Nothing was changed")
          .hasMessageContaining("SchemaMode.MIGRATE");
      try (Connection c = db().dataSource().getConnection();
          Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT COUNT(*) FROM " + prefix + "schema_history WHERE version = 11")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).as("V011 is not recorded").isZero();
      }

      sql("DELETE FROM " + prefix + "deals WHERE workspace = '" + wsB.value() + "'");
      try (JdbcPipelineStore store = build(prefix, SchemaMode.MIGRATE)) {
        Deal ofA = store.workspace(wsA).deal(ids.get(0)).orElseThrow();
        Deal copyInB =
            org.salespipeline.core.Deal.builder().from(ofA).workspace(wsB).version(1).build();
        org.salespipeline.core.event.DealEvent created =
            new org.salespipeline.core.event.DealEvent(
                ofA.id(),
                1,
                1,
                ofA.createdAt(),
                ofA.owner(),
                Optional.empty(),
                new org.salespipeline.core.event.Change.Created(copyInB));
        // the store's own lookup is skipped by going below it: the index alone refuses
        assertThatThrownBy(
                () ->
                    sql(
                        String.format(
                            copy,
                            prefix,
                            dealColumns,
                            "'" + wsB.value() + "'",
                            dealColumns,
                            prefix,
                            "'" + ids.get(0) + "'")))
            .hasRootCauseInstanceOf(SQLException.class);
        assertThatThrownBy(
                () ->
                    store
                        .workspace(wsB)
                        .commit(
                            new org.salespipeline.core.store.DealCommit(
                                0,
                                copyInB,
                                List.of(created),
                                List.of(),
                                Optional.empty(),
                                Optional.empty())))
            .isInstanceOfSatisfying(
                org.salespipeline.core.ConcurrentDealModificationException.class,
                e ->
                    assertThat(e.actualVersion())
                        .isEqualTo(
                            org.salespipeline.core.ConcurrentDealModificationException.ID_TAKEN));
      }
      build(prefix, SchemaMode.VALIDATE).close();

      String index = prefix + "deals_id_unique";
      sql(
          dialect.name().equals("mariadb")
              ? "DROP INDEX " + index + " ON " + prefix + "deals"
              : "DROP INDEX " + index);
      sql("CREATE INDEX " + index + " ON " + prefix + "deals (id)");
      assertThatThrownBy(() -> build(prefix, SchemaMode.VALIDATE))
          .isInstanceOf(SchemaException.class)
          .hasMessageContaining("index " + index + " on " + prefix + "deals is not unique");
    } finally {
      db().dropTables(source);
      db().dropTables(prefix);
    }
  }
}
