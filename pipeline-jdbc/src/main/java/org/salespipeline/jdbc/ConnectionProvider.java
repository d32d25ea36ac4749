package org.salespipeline.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Where the store gets its connections. The default, {@link #of(DataSource)}, borrows a pooled
 * connection per operation and runs each command in its own transaction.
 *
 * <p>A host that wants the store to take part in the host's own transactions implements this with
 * {@link #managesTransactions()} returning true while the calling thread is inside one of the
 * host's transactions, and hands out that transaction's connection: the store then never changes
 * autocommit, never commits or rolls back the host's transaction, and never retries, so the host
 * decides the outcome. Each command runs inside a savepoint, so a refused or failed command (a
 * version conflict, a taken idempotency key) leaves nothing in the host's transaction and does not
 * abort it (PostgreSQL would otherwise refuse every later statement with SQLSTATE 25P02); a command
 * whose idempotency key a concurrent transaction has just committed is replayed. Such a provider
 * also implements {@link #afterCommit} so listeners hear events only after the host's commit.
 * {@link HostTransactions} is a ready-made one for plain-JDBC hosts; the Spring Boot starter has
 * one over Spring's transactions.
 *
 * <p>{@link #managesTransactions()} is asked before each operation, so it may change over time: a
 * provider that returns false outside the host's transactions (and hands out connections of its own
 * then) lets the store and the engine be built, and the schema migrated, without any open
 * transaction. A provider that always returns true needs its connection at build time, and {@link
 * SchemaMode#MIGRATE} then only validates the schema. Streaming reads need the host's transaction
 * to stay open until the stream is closed; on PostgreSQL autocommit must be off for them to stream.
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

  /**
   * Whether the connection the next {@link #acquire()} on this thread hands out belongs to a
   * transaction the host owns; false by default. Asked before each operation.
   */
  default boolean managesTransactions() {
    return false;
  }

  /**
   * Runs an action once the host's current transaction on this thread commits, in the order given,
   * and drops it if the transaction rolls back. Called only while {@link #managesTransactions()} is
   * true; the store runs the action itself otherwise.
   *
   * <p>The default runs the action at once, which is right only for a provider that never manages
   * transactions: a provider that does and keeps this default lets listeners hear events of
   * transactions the host then rolls back (the store logs a warning when it is built over one).
   *
   * @param action what to run after the host's commit; not null
   */
  default void afterCommit(Runnable action) {
    action.run();
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
