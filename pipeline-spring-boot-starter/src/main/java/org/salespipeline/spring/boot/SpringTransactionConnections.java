package org.salespipeline.spring.boot;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.salespipeline.core.ConfigurationException;
import org.salespipeline.jdbc.ConnectionProvider;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The store's connections from a DataSource through Spring's {@link DataSourceUtils}: inside a
 * Spring-managed transaction over the same DataSource ({@code @Transactional} with Boot's {@code
 * JdbcTransactionManager}, a {@code DataSourceTransactionManager}, or a {@code
 * JpaTransactionManager} over it) commands write on the transaction's connection and commit or roll
 * back with the host's work, and listeners hear their events after the commit (a {@link
 * TransactionSynchronization}), never after a rollback. Outside one, each command runs in a
 * transaction of its own, with the store's retries.
 *
 * <p>Thread-safe.
 */
public final class SpringTransactionConnections implements ConnectionProvider {
  private final DataSource dataSource;

  /**
   * Connections of a data source.
   *
   * @param dataSource the DataSource the host's transaction manager runs over; not null
   * @throws ConfigurationException if null
   */
  public SpringTransactionConnections(DataSource dataSource) {
    if (dataSource == null) {
      throw new ConfigurationException("dataSource must not be null");
    }
    this.dataSource = dataSource;
  }

  @Override
  public Connection acquire() throws SQLException {
    return DataSourceUtils.getConnection(dataSource);
  }

  @Override
  public void release(Connection connection) {
    DataSourceUtils.releaseConnection(connection, dataSource);
  }

  /**
   * True when a Spring transaction is active on this thread and holds a connection of this
   * DataSource with autocommit off (a transaction manager over another resource does not count: the
   * store then runs its own transaction).
   */
  @Override
  public boolean managesTransactions() {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      return false;
    }
    if (!(TransactionSynchronizationManager.getResource(dataSource) instanceof ConnectionHolder h)
        || h.getConnectionHandle() == null) {
      return false;
    }
    try {
      return !h.getConnection().getAutoCommit();
    } catch (SQLException e) {
      return false;
    }
  }

  /**
   * Runs the action after the Spring transaction commits (never on rollback); at once when
   * transaction synchronization is off.
   */
  @Override
  public void afterCommit(Runnable action) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      action.run();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            action.run();
          }
        });
  }

  @Override
  public String toString() {
    return "SpringTransactionConnections[" + dataSource + "]";
  }
}
