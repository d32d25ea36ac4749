package org.salespipeline.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.salespipeline.core.PipelineException;
import org.salespipeline.core.StorageException;
import org.salespipeline.core.store.CommitOutcomeUnknownException;
import org.salespipeline.jdbc.ConnectionProvider;
import org.salespipeline.jdbc.dialect.SqlDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs units of work in transactions: one connection, autocommit off, commit or roll back, and a
 * bounded number of retries of serialization failures and deadlocks.
 */
final class Transactor {
  private static final Logger LOG = LoggerFactory.getLogger(Transactor.class);

  /** Work on a connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /**
   * Thrown inside work to refuse a command after rollback; the supplier builds the exception the
   * caller gets and may read the database (outside the failed transaction).
   */
  static final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Supplier<RuntimeException> exception;

    Refusal(Supplier<RuntimeException> exception) {
      super(null, null, false, false);
      this.exception = exception;
    }
  }

  /** Thrown inside work when a benign race (two upserts inserting at once) calls for a retry. */
  static final class Retry extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Retry(SQLException cause) {
      super(cause);
    }
  }

  private final ConnectionProvider connections;
  private final SqlDialect dialect;
  private final int maxRetries;

  Transactor(ConnectionProvider connections, SqlDialect dialect, int maxRetries) {
    this.connections = connections;
    this.dialect = dialect;
    this.maxRetries = maxRetries;
  }

  SqlDialect dialect() {
    return dialect;
  }

  ConnectionProvider connections() {
    return connections;
  }

  /** Runs the work in one transaction, retrying transient failures. */
  <T> T inTransaction(String what, Work<T> work) {
    boolean managed = connections.managesTransactions();
    for (int attempt = 1; ; attempt++) {
      Connection c = acquire(what);
      boolean restoreAutoCommit = false;
      try {
        if (!managed && c.getAutoCommit()) {
          c.setAutoCommit(false);
          restoreAutoCommit = true;
        }
        // why: in the host's transaction a refused command must leave nothing behind and must not
        // abort the host's transaction (PostgreSQL refuses every later statement after an error,
        // SQLSTATE 25P02), so the command runs inside a savepoint it rolls back to
        Savepoint savepoint = managed ? c.setSavepoint() : null;
        T result;
        try {
          result = work.run(c);
          if (managed) {
            c.releaseSavepoint(savepoint);
          } else {
            commit(c, what);
          }
        } catch (SQLException | RuntimeException | Error e) {
          if (managed) {
            rollbackQuietly(c, savepoint, e);
          } else {
            rollbackQuietly(c);
          }
          throw e;
        }
        return result;
      } catch (SQLException e) {
        if (!managed && attempt <= maxRetries && dialect.isRetryable(e)) {
          LOG.debug("retrying {} after transient failure (attempt {}): {}", what, attempt, e);
          backoff(attempt);
          continue;
        }
        throw translate(what, e, attempt);
      } catch (Retry e) {
        // why: in a host transaction the savepoint has undone the attempt, so it may run again
        if (attempt <= maxRetries) {
          continue;
        }
        throw translate(what, (SQLException) e.getCause(), attempt);
      } catch (Refusal r) {
        release(c, restoreAutoCommit);
        c = null;
        RuntimeException refused = r.exception.get();
        if (refused == null) {
          return null; // why: a refusal without exception means "already done" (benign race)
        }
        throw refused;
      } finally {
        if (c != null) {
          release(c, restoreAutoCommit);
        }
      }
    }
  }

  /**
   * Commits; a failure of the commit itself leaves the outcome unknown (the server may have
   * committed before the connection broke), except for failures that surely rolled back: a
   * serialization failure or deadlock (retried) and a constraint violation (issue 14, item 5).
   */
  private void commit(Connection c, String what) throws SQLException {
    try {
      c.commit();
    } catch (SQLException e) {
      String state = e.getSQLState();
      if (dialect.isRetryable(e) || (state != null && state.startsWith("23"))) {
        throw e;
      }
      rollbackQuietly(c);
      throw new CommitOutcomeUnknownException(
          what
              + ": the connection failed while committing, so it may or may not be written: "
              + describe(e),
          e);
    }
  }

  /** Runs read-only work, retrying transient failures; never leaves a transaction open. */
  <T> T read(String what, Work<T> work) {
    boolean managed = connections.managesTransactions();
    for (int attempt = 1; ; attempt++) {
      Connection c = acquire(what);
      try {
        T result = work.run(c);
        if (!managed && !c.getAutoCommit()) {
          c.rollback();
        }
        return result;
      } catch (SQLException e) {
        if (!managed) {
          rollbackQuietly(c);
        }
        if (!managed && attempt <= maxRetries && dialect.isRetryable(e)) {
          backoff(attempt);
          continue;
        }
        throw translate(what, e, attempt);
      } finally {
        release(c, false);
      }
    }
  }

  Connection acquire(String what) {
    try {
      Connection c = connections.acquire();
      if (c == null) {
        throw new StorageException("the connection provider returned no connection for " + what);
      }
      return c;
    } catch (SQLException e) {
      throw new StorageException(
          "cannot get a database connection for " + what + ": " + describe(e), e);
    }
  }

  void release(Connection c, boolean restoreAutoCommit) {
    try {
      if (restoreAutoCommit) {
        c.setAutoCommit(true);
      }
    } catch (SQLException | RuntimeException e) {
      LOG.debug("cannot restore autocommit", e);
    }
    try {
      connections.release(c);
    } catch (SQLException | RuntimeException e) {
      LOG.debug("cannot release connection", e);
    }
  }

  private static void rollbackQuietly(Connection c, Savepoint savepoint, Throwable failure) {
    try {
      c.rollback(savepoint);
    } catch (SQLException | RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  static void rollbackQuietly(Connection c) {
    try {
      c.rollback();
    } catch (SQLException | RuntimeException e) {
      LOG.debug("rollback failed", e);
    }
  }

  private static void backoff(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L << Math.min(attempt, 6)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageException("interrupted while retrying", e);
    }
  }

  PipelineException translate(String what, SQLException e, int attempts) {
    String retried =
        dialect.isRetryable(e)
            ? " (transient failure, gave up after " + attempts + " attempts)"
            : "";
    return new StorageException(what + " failed" + retried + ": " + describe(e), e);
  }

  static String describe(SQLException e) {
    return e.getMessage() + " [SQLState " + e.getSQLState() + ", error " + e.getErrorCode() + "]";
  }
}
