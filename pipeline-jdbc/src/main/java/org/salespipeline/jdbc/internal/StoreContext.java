package org.salespipeline.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.jdbc.ConnectionProvider;
import org.salespipeline.jdbc.dialect.SqlDialect;

/** What every workspace view of one store shares. */
public final class StoreContext {
  final Transactor tx;
  final Sql sql;
  final Streams streams;

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

  public JdbcWorkspaceStore workspace(WorkspaceId id, Runnable register) {
    return new JdbcWorkspaceStore(id, tx, sql, streams, register);
  }

  /** Records the workspace once; a concurrent registration of the same one is fine. */
  public void registerWorkspace(WorkspaceId id, Instant now) {
    tx.inTransaction(
        "registering workspace " + id,
        c -> {
          try (PreparedStatement s = c.prepareStatement(sql.of(Sql.SELECT_WORKSPACE))) {
            s.setString(1, id.value());
            try (ResultSet rs = s.executeQuery()) {
              if (rs.next()) {
                return null;
              }
            }
          }
          try (PreparedStatement s = c.prepareStatement(sql.of(Sql.INSERT_WORKSPACE))) {
            s.setString(1, id.value());
            Binds.instant(s, 2, now);
            s.executeUpdate();
          } catch (java.sql.SQLException e) {
            if (tx.dialect().isUniqueViolation(e)) {
              throw new Transactor.Refusal(() -> null);
            }
            throw e;
          }
          return null;
        });
  }
}
