package org.salespipeline.spring.boot;

import org.salespipeline.core.WorkspaceId;

/**
 * Which workspace (tenant) the current request or job works in, for {@link
 * SalesPipelines#current()}. The starter's default answers {@code pipeline.workspace}; a
 * multi-tenant host declares its own bean (from the security context, a header, a job parameter).
 * Must be thread-safe.
 */
@FunctionalInterface
public interface WorkspaceResolver {

  /** The workspace of the calling thread's work; never null. */
  WorkspaceId currentWorkspace();
}
