package org.salespipeline.spring.boot;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.WorkspaceId;

/**
 * The engines of every workspace of one configuration, made once each and kept: {@link #current()}
 * is the one {@link WorkspaceResolver} names for the calling thread. Thread-safe.
 */
public final class SalesPipelines {
  private final Function<WorkspaceId, SalesPipeline> factory;
  private final WorkspaceResolver resolver;
  private final Map<WorkspaceId, SalesPipeline> made = new ConcurrentHashMap<>();

  /**
   * Engines made by a factory on first use.
   *
   * @param factory makes the engine of a workspace
   * @param resolver names the current workspace
   */
  public SalesPipelines(Function<WorkspaceId, SalesPipeline> factory, WorkspaceResolver resolver) {
    this.factory = Objects.requireNonNull(factory, "factory");
    this.resolver = Objects.requireNonNull(resolver, "resolver");
  }

  /** The engine of the workspace the resolver names for the calling thread. */
  public SalesPipeline current() {
    return of(resolver.currentWorkspace());
  }

  /** The engine of a workspace. */
  public SalesPipeline of(WorkspaceId workspace) {
    Objects.requireNonNull(workspace, "workspace");
    return made.computeIfAbsent(workspace, factory);
  }
}
