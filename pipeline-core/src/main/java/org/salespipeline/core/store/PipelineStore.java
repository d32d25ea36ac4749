package org.salespipeline.core.store;

import org.salespipeline.core.WorkspaceId;

/**
 * A store holding the records of many workspaces (tenants). All access goes through a view bound to
 * one workspace, which cannot reach another's records.
 *
 * <p>Implementations must be thread-safe.
 */
public interface PipelineStore extends AutoCloseable {

  /** The view of one workspace; cheap to call. */
  WorkspaceStore workspace(WorkspaceId workspace);

  /**
   * Runs an action once what the calling thread has just written through this store is committed
   * for good. The engine hands its listener notifications to this method right after each commit,
   * so that listeners hear only committed events.
   *
   * <p>A store that commits each write itself (the in-memory store, a JDBC store over a data
   * source) runs the action at once: the default. A store that writes inside a host's transaction
   * (a JDBC store over a host's connections) runs it after the host's commit, in the order the
   * actions were given, and drops it if the host rolls back. Called on the thread that wrote; an
   * action may throw, which the store lets through to the caller of this method (or, when run
   * later, to the host's commit hook).
   *
   * @param action what to run after the commit; not null
   */
  default void afterCommit(Runnable action) {
    action.run();
  }

  /** Releases resources the store opened itself; a no-op by default. */
  @Override
  default void close() {}
}
