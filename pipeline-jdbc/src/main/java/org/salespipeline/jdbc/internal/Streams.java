package org.salespipeline.jdbc.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Streaming reads: forward-only, read-only, a fetch size, and autocommit off (PostgreSQL streams
 * only inside a transaction). The stream owns its connection until it is closed.
 */
final class Streams {
  /** Maps the current row. */
  @FunctionalInterface
  interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private final Transactor tx;
  private final int fetchSize;

  Streams(Transactor tx, int fetchSize) {
    this.tx = tx;
    this.fetchSize = fetchSize;
  }

  /**
   * Opens a stream over the rows of a statement; the caller closes it (try-with-resources), which
   * gives the connection back.
   */
  <T> Stream<T> open(String what, NamedSql statement, TableContext.Binding binder, Row<T> row) {
    boolean managed = tx.connections().managesTransactions();
    Connection c = tx.acquire(what);
    boolean restore = false;
    NamedStatement s = null;
    ResultSet rs = null;
    try {
      if (!managed && c.getAutoCommit()) {
        c.setAutoCommit(false);
        restore = true;
      }
      s =
          new NamedStatement(
              statement,
              c.prepareStatement(
                  statement.jdbc(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY));
      s.jdbc().setFetchSize(tx.dialect().streamingFetchSize(fetchSize));
      binder.bind(s);
      rs = s.executeQuery();
    } catch (SQLException | RuntimeException e) {
      close(c, s, rs, restore, managed);
      if (e instanceof SQLException sqlException) {
        throw tx.translate(what, sqlException, 1);
      }
      throw (RuntimeException) e;
    }
    ResultSet results = rs;
    NamedStatement statementToClose = s;
    boolean restoreAutoCommit = restore;
    Spliterator<T> rows =
        new Spliterators.AbstractSpliterator<>(
            Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
          @Override
          public boolean tryAdvance(Consumer<? super T> action) {
            try {
              if (!results.next()) {
                return false;
              }
              action.accept(row.map(results));
              return true;
            } catch (SQLException e) {
              throw tx.translate(what, e, 1);
            }
          }
        };
    return StreamSupport.stream(rows, false)
        .onClose(() -> close(c, statementToClose, results, restoreAutoCommit, managed));
  }

  private void close(
      Connection c, NamedStatement s, ResultSet rs, boolean restore, boolean managed) {
    try {
      if (rs != null) {
        rs.close();
      }
      if (s != null) {
        s.close();
      }
    } catch (SQLException e) {
      // why: closing a half-read streaming result may fail on a broken connection; the
      // connection is discarded below either way
    }
    if (!managed) {
      Transactor.rollbackQuietly(c);
    }
    tx.release(c, restore);
  }
}
