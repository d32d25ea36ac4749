package org.salespipeline.jdbc.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.store.WorkspaceStore;
import org.salespipeline.jdbc.ConnectionProvider;
import org.salespipeline.jdbc.dialect.SqlDialect;

/** What every workspace view of one store shares; makes the views. */
public final class StoreContext {
  private final Transactor tx;
  private final Sql sql;
  private final Streams streams;

  public StoreContext(
      ConnectionProvider connections,
      SqlDialect dialect,
      String prefix,
      int maxRetries,
      int fetchSize) {
    this.tx = new Transactor(connections, dialect, maxRetries);
    this.sql = new Sql(prefix);
    this.streams = new Streams(tx, fetchSize);
  }

  /** Whether the calling thread writes inside a host's transaction right now. */
  public boolean inHostTransaction() {
    return tx.connections().managesTransactions();
  }

  /** Runs the action after the host's commit when inside a host's transaction, else at once. */
  public void afterCommit(Runnable action) {
    if (inHostTransaction()) {
      tx.connections().afterCommit(action);
    } else {
      action.run();
    }
  }

  /**
   * The view of one workspace.
   *
   * @param id the workspace
   * @param register records the workspace before its first write
   */
  public WorkspaceStore workspace(WorkspaceId id, Runnable register) {
    return new JdbcWorkspaceStore(new TableContext(id, tx, sql, streams), register);
  }

  /** Records the workspace once; a concurrent registration of the same one is fine. */
  public void registerWorkspace(WorkspaceId id, Instant now) {
    tx.inTransaction(
        "registering workspace " + id,
        c -> {
          try (NamedStatement s = NamedStatement.prepare(c, sql.of(Sql.SELECT_WORKSPACE))) {
            s.text("workspace", id.value());
            try (ResultSet rs = s.executeQuery()) {
              if (rs.next()) {
                return null;
              }
            }
          }
          try (NamedStatement s = NamedStatement.prepare(c, sql.of(Sql.INSERT_WORKSPACE))) {
            s.text("workspace", id.value()).instant("createdAt", now).executeUpdate();
          } catch (SQLException e) {
            if (tx.dialect().isUniqueViolation(e)) {
              throw new Transactor.Refusal(() -> null);
            }
            throw e;
          }
          return null;
        });
  }
}
