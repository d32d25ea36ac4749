package org.salespipeline.jdbc.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * H2 2.x, embedded (file or memory) or as a server. H2 has no advisory locks; the migration lock is
 * a row lock ({@code SELECT ... FOR UPDATE}) on a one-row table, held by an open transaction on the
 * reserved connection. Also retries H2's lock timeouts ({@code HYT00}).
 */
public class H2Dialect extends SqlDialect {

  /** The H2 dialect. */
  public H2Dialect() {}

  @Override
  public String name() {
    return "h2";
  }

  @Override
  public boolean acquireMigrationLock(Connection connection, String tablePrefix, Duration timeout)
      throws SQLException {
    String table = tablePrefix + "schema_lock";
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS " + table + " (id INT PRIMARY KEY)");
      // why: reading does not wait for a holder's row lock; writing the row (MERGE) would
      boolean exists;
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table + " WHERE id = 1")) {
        rs.next();
        exists = rs.getInt(1) > 0;
      }
      if (!exists) {
        try {
          s.execute("INSERT INTO " + table + " (id) VALUES (1)");
        } catch (SQLException e) {
          if (!isUniqueViolation(e)) {
            throw e;
          }
        }
      }
    }
    connection.setAutoCommit(false);
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Statement s = connection.createStatement()) {
      s.execute("SET LOCK_TIMEOUT 1000");
    }
    while (true) {
      try (PreparedStatement s =
          connection.prepareStatement("SELECT id FROM " + table + " WHERE id = 1 FOR UPDATE")) {
        s.executeQuery().close();
        return true;
      } catch (SQLException e) {
        connection.rollback();
        if (!isRetryable(e) || System.nanoTime() > deadline) {
          if (isRetryable(e)) {
            return false;
          }
          throw e;
        }
      }
    }
  }

  @Override
  public void releaseMigrationLock(Connection connection, String tablePrefix) throws SQLException {
    connection.rollback();
    connection.setAutoCommit(true);
  }

  @Override
  public boolean isRetryable(SQLException e) {
    for (SQLException x : causes(e)) {
      if ("HYT00".equals(x.getSQLState())) {
        return true;
      }
    }
    return super.isRetryable(e);
  }
}
