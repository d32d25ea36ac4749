package org.salespipeline.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Where the store gets its connections. The default, {@link #of(DataSource)}, borrows a pooled
 * connection per operation and runs each command in its own transaction.
 *
 * <p>A host that wants the store to take part in the host's own transactions implements this with
 * {@link #managesTransactions()} returning true and hands out the connection of the current
 * transaction: the store then never changes autocommit, never commits or rolls back, and never
 * retries, so the host decides the outcome (and a failed command must be rolled back by the host).
 * Streaming reads then need the host's transaction to stay open until the stream is closed; on
 * PostgreSQL autocommit must be off for them to stream.
 *
 * <p>Implementations must be thread-safe.
 */
public interface ConnectionProvider {

  /**
   * A connection for one operation.
   *
   * @return an open connection, never null
   * @throws SQLException if none can be had
   */
  Connection acquire() throws SQLException;

  /**
   * Gives back a connection from {@link #acquire()}; closes it by default (returning it to a pool).
   *
   * @param connection the connection
   * @throws SQLException if releasing fails
   */
  default void release(Connection connection) throws SQLException {
    connection.close();
  }

  /** Whether the host owns transaction boundaries; false by default. */
  default boolean managesTransactions() {
    return false;
  }

  /**
   * Connections from a data source, one per operation, closed after it.
   *
   * @param dataSource the data source, usually a pool
   * @return the provider
   */
  static ConnectionProvider of(DataSource dataSource) {
    if (dataSource == null) {
      throw new org.salespipeline.core.ConfigurationException("dataSource must not be null");
    }
    return dataSource::getConnection;
  }
}
