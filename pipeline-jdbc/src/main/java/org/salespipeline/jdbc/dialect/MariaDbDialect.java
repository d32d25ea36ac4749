package org.salespipeline.jdbc.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * MariaDB 10.6 and later (InnoDB): {@code GET_LOCK} for migrations, retries of deadlocks (error
 * 1213) and lock wait timeouts (1205), duplicate keys reported as error 1062. DDL is not
 * transactional here, so a migration that fails midway is recorded as half-applied.
 */
public class MariaDbDialect extends SqlDialect {

  /** The MariaDB dialect. */
  public MariaDbDialect() {}

  @Override
  public String name() {
    return "mariadb";
  }

  @Override
  public boolean acquireMigrationLock(Connection connection, String tablePrefix, Duration timeout)
      throws SQLException {
    try (PreparedStatement s = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
      s.setString(1, "salespipeline:" + tablePrefix);
      s.setLong(2, Math.max(1, timeout.toSeconds()));
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getInt(1) == 1;
      }
    }
  }

  @Override
  public void releaseMigrationLock(Connection connection, String tablePrefix) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
      s.setString(1, "salespipeline:" + tablePrefix);
      s.executeQuery().close();
    }
  }

  @Override
  public boolean isRetryable(SQLException e) {
    for (SQLException x : causes(e)) {
      if (x.getErrorCode() == 1213 || x.getErrorCode() == 1205) {
        return true;
      }
    }
    return super.isRetryable(e);
  }

  @Override
  public boolean isUniqueViolation(SQLException e) {
    for (SQLException x : causes(e)) {
      if (x.getErrorCode() == 1062) {
        return true;
      }
    }
    return super.isUniqueViolation(e);
  }
}
