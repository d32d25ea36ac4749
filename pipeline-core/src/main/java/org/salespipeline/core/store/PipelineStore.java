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

  /** Releases resources the store opened itself; a no-op by default. */
  @Override
  default void close() {}
}
