package org.salespipeline.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.ConcurrentDealModificationException;
import org.salespipeline.core.Deal;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.stage.StandardPipelines;
import org.salespipeline.core.store.DealCommit;
import org.salespipeline.core.store.WorkspaceStore;

/**
 * MariaDB only: version-checked updates are never batched and each update count is checked, and a
 * session time zone of -08:00 does not shift stored instants.
 */
class MariaDbSpecificTest {

  private static HikariDataSource pool(String options, String initSql) {
    String url = Databases.MARIADB.url();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + options);
    config.setMaximumPoolSize(4);
    if (initSql != null) {
      config.setConnectionInitSql(initSql);
    }
    return new HikariDataSource(config);
  }

  /**
   * Version-checked updates are never sent in a JDBC batch and each count is checked, so a stale
   * update is detected whatever the driver options, bulk batches and affected-row counts included.
   * (In a bulk batch the driver answers SUCCESS_NO_INFO, shown below, and the store refuses such
   * counts instead of trusting them.)
   */
  @Test
  void t9_staleUpdatesAreDetectedWithAnyCountOptions() throws SQLException {
    for (String options :
        new String[] {
          "useBulkStmts=true", "useAffectedRows=true", "useBulkStmts=true&useAffectedRows=true"
        }) {
      try (HikariDataSource ds = pool(options, null);
          JdbcPipelineStore store = JdbcPipelineStore.builder(ds).build()) {
        WorkspaceStore ws = store.workspace(Fixtures.randomWorkspace());
        Deal deal = Fixtures.deal(ws.workspaceId(), Fixtures.newId());
        ws.commit(Fixtures.create(deal));
        ws.commit(Fixtures.move(deal, StandardPipelines.QUALIFICATION));
        assertThatThrownBy(() -> ws.commit(Fixtures.move(deal, StandardPipelines.PROPOSAL)))
            .as(options)
            .isInstanceOf(ConcurrentDealModificationException.class);
        // a batch of commits with a stale one in the middle: all or nothing
        Deal other = Fixtures.deal(ws.workspaceId(), Fixtures.newId());
        ws.commit(Fixtures.create(other));
        DealCommit fresh = Fixtures.move(other, StandardPipelines.QUALIFICATION);
        DealCommit stale = Fixtures.move(deal, StandardPipelines.PROPOSAL);
        assertThatThrownBy(() -> ws.commitAll(List.of(fresh, stale)))
            .isInstanceOf(ConcurrentDealModificationException.class);
        assertThat(ws.deal(other.id())).contains(other);
        assertThat(ws.deal(deal.id()).orElseThrow().version()).isEqualTo(2);
      }
    }
  }

  @Test
  void t9_bulkBatchesHideUpdateCountsWhichIsWhyTheStoreNeverBatchesUpdates() throws SQLException {
    try (HikariDataSource ds = pool("useBulkStmts=true", null);
        Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE TEMPORARY TABLE t9_counts (id INT PRIMARY KEY, v INT)");
      s.execute("INSERT INTO t9_counts VALUES (1, 1), (2, 1)");
      try (PreparedStatement u =
          c.prepareStatement("UPDATE t9_counts SET v = v + 1 WHERE id = ? AND v = ?")) {
        u.setInt(1, 1);
        u.setInt(2, 1);
        u.addBatch();
        u.setInt(1, 2);
        u.setInt(2, 99); // stale
        u.addBatch();
        int[] counts = u.executeBatch();
        // the driver cannot say which row matched: every entry is SUCCESS_NO_INFO (or the sum)
        System.out.println(
            "MariaDB bulk batch update counts: " + java.util.Arrays.toString(counts));
        assertThat(counts).containsOnly(Statement.SUCCESS_NO_INFO);
      }
    }
  }

  /** A session time zone of -08:00 does not shift stored instants (DATETIME holds UTC). */
  @Test
  void t16_sessionTimeZoneMinusEightDoesNotShiftInstants() throws SQLException {
    try (HikariDataSource ds = pool("connectionTimeZone=SERVER", "SET time_zone = '-08:00'");
        JdbcPipelineStore store = JdbcPipelineStore.builder(ds).build()) {
      try (Connection c = ds.getConnection();
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT @@session.time_zone")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("-08:00");
      }
      WorkspaceStore ws = store.workspace(Fixtures.randomWorkspace());
      for (Instant at :
          new Instant[] {
            Instant.parse("2026-03-08T10:00:00.000001Z"), // US spring forward
            Instant.parse("2026-03-29T01:00:00Z"),
            Instant.parse("2500-06-30T23:59:59.999999Z")
          }) {
        Deal deal =
            Deal.builder()
                .from(Fixtures.deal(ws.workspaceId(), Fixtures.newId()))
                .createdAt(at)
                .stageEnteredAt(at)
                .build();
        ws.commit(Fixtures.create(deal));
        assertThat(ws.deal(deal.id())).contains(deal);
        assertThat(ws.history(deal.id())).extracting(DealEvent::at).containsExactly(at);
        try (Connection c = Databases.MARIADB.dataSource().getConnection();
            PreparedStatement s =
                c.prepareStatement(
                    "SELECT occurred_at FROM sp_deal_events WHERE workspace = ? AND deal_id = ?")) {
          s.setString(1, ws.workspaceId().value());
          s.setString(2, deal.id().toString());
          try (ResultSet rs = s.executeQuery()) {
            rs.next();
            assertThat(rs.getObject(1, LocalDateTime.class))
                .isEqualTo(LocalDateTime.ofInstant(at, ZoneOffset.UTC));
          }
        }
      }
    }
  }
}
