package org.salespipeline.jdbc;

import java.io.PrintStream;
import java.nio.file.Path;
import org.salespipeline.core.Deal;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.store.WorkspaceStore;

/**
 * The child process of {@link H2CrashTest}: commits new deals to an H2 file one by one and prints
 * the id of each acknowledged commit, until it is killed.
 */
public final class H2CrashWriter {
  private H2CrashWriter() {}

  /**
   * Arguments: the database file and the workspace.
   *
   * @param args file, workspace
   */
  public static void main(String[] args) {
    PrintStream out = System.out;
    WorkspaceId wsId = WorkspaceId.of(args[1]);
    JdbcPipelineStore store = JdbcPipelineStore.h2File(Path.of(args[0]));
    WorkspaceStore ws = store.workspace(wsId);
    out.println("ready");
    out.flush();
    while (true) {
      Deal deal = Fixtures.deal(wsId, Fixtures.newId());
      ws.commit(Fixtures.create(deal));
      // why: printed only after commit() returned, so every printed id was acknowledged
      out.println(deal.id());
      out.flush();
    }
  }
}
