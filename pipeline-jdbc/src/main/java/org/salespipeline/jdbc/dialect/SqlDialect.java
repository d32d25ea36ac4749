package org.salespipeline.jdbc.dialect;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.salespipeline.core.ConfigurationException;

/**
 * What differs between databases, with ANSI/H2-style defaults that each database overrides only
 * where it differs.
 *
 * <p>Instances are immutable and thread-safe. Hosts normally let {@link #detect} choose one from
 * {@link DatabaseMetaData#getDatabaseProductName()} and override it only for a database that
 * reports an unexpected name.
 */
public abstract class SqlDialect {

  /** For subclasses. */
  protected SqlDialect() {}

  /**
   * The dialect for a connected database.
   *
   * @param metaData the connection's metadata
   * @return the dialect for H2, PostgreSQL or MariaDB
   * @throws ConfigurationException naming the product if it is none of those (MySQL included)
   * @throws SQLException if the driver cannot report the product name
   */
  public static SqlDialect detect(DatabaseMetaData metaData) throws SQLException {
    String product = metaData.getDatabaseProductName();
    String lower = product == null ? "" : product.toLowerCase(Locale.ROOT);
    if (lower.equals("h2")) {
      return new H2Dialect();
    }
    if (lower.equals("postgresql")) {
      return new PostgresDialect();
    }
    if (lower.equals("mariadb")) {
      return new MariaDbDialect();
    }
    throw new ConfigurationException(
        "unsupported database product '"
            + product
            + "': pipeline-jdbc supports H2, PostgreSQL and MariaDB; MySQL is not supported. "
            + "Set a dialect explicitly only for a database compatible with one of these");
  }

  /**
   * The folder of this database's script overrides and its published full script, for example
   * {@code postgresql}.
   */
  public abstract String name();

  /**
   * Takes the cluster-wide migration lock on a connection reserved for it, waiting at most {@code
   * timeout}. The lock is bound to the connection (or its transaction) so that a crashed process
   * never holds it forever.
   *
   * @param connection a connection used for nothing else until {@link #releaseMigrationLock}
   * @param tablePrefix the validated table prefix, naming the lock
   * @param timeout how long to wait
   * @return whether the lock was taken
   * @throws SQLException on a database error
   */
  public abstract boolean acquireMigrationLock(
      Connection connection, String tablePrefix, Duration timeout) throws SQLException;

  /**
   * Releases the lock taken by {@link #acquireMigrationLock} on the same connection.
   *
   * @param connection the connection that took the lock
   * @param tablePrefix the validated table prefix
   * @throws SQLException on a database error
   */
  public abstract void releaseMigrationLock(Connection connection, String tablePrefix)
      throws SQLException;

  /**
   * Whether the failure is transient and the whole transaction may be retried: serialization
   * failures and deadlocks (SQLState {@code 40001}, {@code 40P01}).
   *
   * @param e the failure, whose chain is searched
   * @return whether to retry
   */
  public boolean isRetryable(SQLException e) {
    for (SQLException x : causes(e)) {
      String state = x.getSQLState();
      if ("40001".equals(state) || "40P01".equals(state)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the failure is a unique-constraint violation (SQLState {@code 23505} by default).
   *
   * @param e the failure, whose chain is searched
   * @return whether a unique constraint was violated
   */
  public boolean isUniqueViolation(SQLException e) {
    for (SQLException x : causes(e)) {
      if ("23505".equals(x.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether migration scripts run inside one transaction with their history record (true where DDL
   * is transactional).
   */
  public boolean transactionalDdl() {
    return false;
  }

  /** Rows a streaming read fetches per round trip. */
  public int streamingFetchSize(int configured) {
    return configured;
  }

  /**
   * The failure, its chained ({@link SQLException#getNextException()}) and its causing SQL
   * exceptions, for classifying failures that drivers wrap.
   *
   * @param e the failure
   * @return the failures, outermost first
   */
  protected static List<SQLException> causes(SQLException e) {
    List<SQLException> all = new ArrayList<>();
    for (SQLException x = e; x != null && all.size() < 20; ) {
      all.add(x);
      if (x.getNextException() != null) {
        x = x.getNextException();
      } else if (x.getCause() instanceof SQLException cause && cause != x) {
        x = cause;
      } else {
        x = null;
      }
    }
    return all;
  }

  @Override
  public String toString() {
    return name();
  }
}
