package org.salespipeline.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.salespipeline.core.ConfigurationException;

/**
 * Lets a plain-JDBC host run pipeline commands inside its own transactions: a {@link
 * ConnectionProvider} that hands out the connection the host bound to the current thread with
 * {@link #begin}, and connections of its data source (each command in a transaction of its own)
 * when none is bound.
 *
 * <pre>{@code
 * HostTransactions host = HostTransactions.over(dataSource);
 * JdbcPipelineStore store = JdbcPipelineStore.builder(host).build(); // no transaction needed
 * SalesPipeline pipeline = SalesPipeline.builder().store(store).listener(...).build();
 *
 * try (Connection c = dataSource.getConnection();
 *     HostTransactions.Scope tx = host.begin(c)) {
 *   // the host's own statements on c, and pipeline commands, in one transaction
 *   pipeline.openDeal(...);
 *   tx.commit(); // commits c; then the listeners hear the events
 * } // closed without commit: rolled back, nothing left behind, listeners hear nothing
 * }</pre>
 *
 * <p>Thread-safe: each thread binds its own connection. A scope belongs to the thread that began
 * it.
 */
public final class HostTransactions implements ConnectionProvider {
  private final DataSource dataSource;
  private final ThreadLocal<Scope> current = new ThreadLocal<>();

  private HostTransactions(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Host transactions over connections of a data source; the store uses the data source itself (one
   * transaction per command) outside them, and to build and migrate the schema.
   *
   * @param dataSource the host's data source, usually a pool; not null
   * @return the provider
   * @throws ConfigurationException if the data source is null
   */
  public static HostTransactions over(DataSource dataSource) {
    if (dataSource == null) {
      throw new ConfigurationException("dataSource must not be null");
    }
    return new HostTransactions(dataSource);
  }

  /**
   * Binds a connection of the host to the calling thread until the scope ends: pipeline commands on
   * this thread then write on it, inside the host's transaction. Turns autocommit off for the scope
   * (and back on after it, if it was on).
   *
   * @param connection the host's connection; the host keeps owning (and closes) it
   * @return the scope; commit it, and close it in any case
   * @throws IllegalStateException if the thread is already inside a scope
   * @throws SQLException if autocommit cannot be turned off
   */
  public Scope begin(Connection connection) throws SQLException {
    if (connection == null) {
      throw new IllegalArgumentException("connection must not be null");
    }
    if (current.get() != null) {
      throw new IllegalStateException(
          "this thread is already inside a host transaction; commit or close it first");
    }
    boolean wasAutoCommit = connection.getAutoCommit();
    if (wasAutoCommit) {
      connection.setAutoCommit(false);
    }
    Scope scope = new Scope(connection, wasAutoCommit);
    current.set(scope);
    return scope;
  }

  @Override
  public Connection acquire() throws SQLException {
    Scope scope = current.get();
    return scope != null ? scope.connection : dataSource.getConnection();
  }

  @Override
  public void release(Connection connection) throws SQLException {
    Scope scope = current.get();
    if (scope == null || scope.connection != connection) {
      connection.close();
    }
  }

  /** True while the calling thread is inside a {@link Scope}. */
  @Override
  public boolean managesTransactions() {
    return current.get() != null;
  }

  /** Queues the action until the calling thread's scope commits; runs it now outside a scope. */
  @Override
  public void afterCommit(Runnable action) {
    Scope scope = current.get();
    if (scope == null) {
      action.run();
    } else {
      scope.afterCommit.add(action);
    }
  }

  /**
   * One host transaction bound to a thread: {@link #commit()} commits it and then runs what the
   * store queued (the listeners hear the events); {@link #close()} without a commit rolls it back
   * and drops the queue. Not thread-safe: use it on the thread that began it.
   */
  public final class Scope implements AutoCloseable {
    private final Connection connection;
    private final boolean restoreAutoCommit;
    private final List<Runnable> afterCommit = new ArrayList<>();
    private boolean ended;

    private Scope(Connection connection, boolean restoreAutoCommit) {
      this.connection = connection;
      this.restoreAutoCommit = restoreAutoCommit;
    }

    /**
     * Commits the host's transaction, ends the scope, and then runs the queued after-commit actions
     * in order (every one, even if an earlier one throws; the first failure is thrown after them,
     * the later ones suppressed in it).
     *
     * @throws IllegalStateException if the scope has ended
     * @throws SQLException if the commit fails; the scope then stays open, so close it (which rolls
     *     back)
     */
    public void commit() throws SQLException {
      if (ended) {
        throw new IllegalStateException("the host transaction has already ended");
      }
      connection.commit();
      List<Runnable> actions = List.copyOf(afterCommit);
      end();
      RuntimeException failure = null;
      for (Runnable action : actions) {
        try {
          action.run();
        } catch (RuntimeException e) {
          if (failure == null) {
            failure = e;
          } else {
            failure.addSuppressed(e);
          }
        }
      }
      if (failure != null) {
        throw failure;
      }
    }

    /**
     * Rolls the host's transaction back unless it was committed, drops the queued actions, and
     * unbinds the connection from the thread (restoring autocommit). Does nothing after a commit.
     *
     * @throws SQLException if the rollback fails (the scope has ended all the same)
     */
    @Override
    public void close() throws SQLException {
      if (ended) {
        return;
      }
      try {
        connection.rollback();
      } finally {
        end();
      }
    }

    private void end() throws SQLException {
      ended = true;
      afterCommit.clear();
      current.remove();
      if (restoreAutoCommit) {
        connection.setAutoCommit(true);
      }
    }
  }
}
