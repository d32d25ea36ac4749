package org.salespipeline.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Deal;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.store.WorkspaceStore;

/** A host running the store inside its own transaction decides the outcome. */
class HostTransactionTest {

  /** Hands out the host's one connection and leaves its transaction alone. */
  static final class HostConnection implements ConnectionProvider {
    final Connection connection;

    HostConnection(Connection connection) {
      this.connection = connection;
    }

    @Override
    public Connection acquire() {
      return connection;
    }

    @Override
    public void release(Connection c) {}

    @Override
    public boolean managesTransactions() {
      return true;
    }
  }

  @Test
  void hostRollbackUndoesAndHostCommitKeeps() throws SQLException {
    JdbcPipelineStore.builder(Databases.H2.dataSource()).build().close(); // migrate once
    WorkspaceId wsId = Fixtures.randomWorkspace();
    Deal rolledBack = Fixtures.deal(wsId, Fixtures.newId());
    Deal committed = Fixtures.deal(wsId, Fixtures.newId());
    try (Connection host = Databases.H2.dataSource().getConnection()) {
      host.setAutoCommit(false);
      JdbcPipelineStore store = JdbcPipelineStore.builder(new HostConnection(host)).build();
      WorkspaceStore ws = store.workspace(wsId);
      ws.commit(Fixtures.create(rolledBack));
      assertThat(ws.deal(rolledBack.id())).contains(rolledBack); // visible inside the host tx
      host.rollback();
      assertThat(ws.deal(rolledBack.id())).isEmpty();
      ws.commit(Fixtures.create(committed));
      host.commit();
      host.setAutoCommit(true);
    }
    WorkspaceStore other =
        JdbcPipelineStore.builder(Databases.H2.dataSource()).build().workspace(wsId);
    assertThat(other.deal(committed.id())).contains(committed);
    assertThat(other.deal(rolledBack.id())).isEmpty();
  }
}
