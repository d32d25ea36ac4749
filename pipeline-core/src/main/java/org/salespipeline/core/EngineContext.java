package org.salespipeline.core;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.salespipeline.core.event.PipelineListener;
import org.salespipeline.core.event.PipelineObserver;
import org.salespipeline.core.qualification.QualificationFramework;
import org.salespipeline.core.rule.RuleSet;
import org.salespipeline.core.stage.PipelineDefinition;
import org.salespipeline.core.store.PipelineStore;
import org.salespipeline.core.store.WorkspaceStore;

/**
 * What every room of the engine works with: the store view of one workspace, the clock, the id
 * generator and the configuration the builder collected. Rooms depend on this value, never on
 * {@link SalesPipeline}, so a new room never reaches back into the facade.
 *
 * <p>Immutable (the maps and lists are copies); the store view is as thread-safe as the store.
 */
record EngineContext(
    PipelineStore store,
    WorkspaceStore ws,
    Clock clock,
    IdGenerator ids,
    Map<PipelineId, PipelineDefinition> pipelines,
    PipelineId defaultPipeline,
    RuleSet rules,
    Map<String, QualificationFramework<?>> frameworks,
    CurrencyConverter converter,
    Currency reportingCurrency,
    List<PipelineListener> listeners,
    RetentionPolicy retentionPolicy,
    ConflictRetries retries,
    PipelineObserver observer,
    AccessGuard access,
    org.salespipeline.core.call.CallWindows callWindows,
    Optional<org.salespipeline.core.org.OrgDirectory> organisation) {

  EngineContext {
    pipelines = Map.copyOf(pipelines);
    frameworks = Map.copyOf(frameworks);
    listeners = List.copyOf(listeners);
  }

  /** The context a finished builder describes, bound to the builder's workspace. */
  static EngineContext of(SalesPipelineBuilder b) {
    return new EngineContext(
        b.store,
        b.store.workspace(b.workspace),
        b.clock,
        b.ids != null ? b.ids : IdGenerator.timeOrdered(b.clock),
        b.pipelines,
        b.defaultPipeline,
        b.rules,
        b.frameworks,
        b.converter,
        b.reportingCurrency,
        b.listeners,
        b.retentionPolicy,
        b.retries,
        b.observer,
        new AccessGuard(b.accessPolicy, b.invisibleDeals, b.clock, null),
        b.callWindows,
        Optional.ofNullable(b.organisation));
  }

  /** The same configuration bound to another workspace of the same store. */
  EngineContext forWorkspace(WorkspaceId workspace) {
    return bound(store.workspace(workspace), access);
  }

  /**
   * The same configuration for one principal (issue 16): its reads see only the deals the policy
   * lets it view, and every command checks the principal's action first ({@link #access()}).
   */
  EngineContext forPrincipal(org.salespipeline.core.access.Principal principal) {
    WorkspaceStore raw = ws instanceof ScopedStore scoped ? scoped.unscoped() : ws;
    return bound(raw, access.as(principal));
  }

  private EngineContext bound(WorkspaceStore raw, AccessGuard guard) {
    return new EngineContext(
        store,
        guard.bound() ? new ScopedStore(raw, guard) : raw,
        clock,
        ids,
        pipelines,
        defaultPipeline,
        rules,
        frameworks,
        converter,
        reportingCurrency,
        listeners,
        retentionPolicy,
        retries,
        observer,
        guard,
        callWindows,
        organisation);
  }

  /** Saves the configured pipeline definitions the workspace does not hold yet (or holds older). */
  void savePipelines() {
    for (PipelineDefinition definition : pipelines.values()) {
      if (!ws.pipeline(definition.id()).equals(Optional.of(definition))) {
        ws.savePipeline(definition);
      }
    }
  }

  /** The configured organisation, or the workspace's stored teams as they are now. */
  org.salespipeline.core.org.OrgDirectory org() {
    return organisation.orElseGet(
        () -> org.salespipeline.core.org.OrgDirectory.fromTeams(ws.teams()));
  }

  WorkspaceId workspace() {
    return ws.workspaceId();
  }

  Instant now() {
    return clock.instant();
  }

  LocalDate today(Instant now) {
    return LocalDate.ofInstant(now, clock.getZone());
  }

  /**
   * The pipeline definition, configured or saved in the workspace.
   *
   * @throws ValidationException if no pipeline has the id
   */
  PipelineDefinition pipeline(PipelineId id) {
    PipelineDefinition definition = pipelines.get(id);
    if (definition == null) {
      definition =
          ws.pipeline(id)
              .orElseThrow(
                  () ->
                      new ValidationException(
                          FieldProblem.of("pipeline", id, "is not a known pipeline")));
    }
    return definition;
  }

  /**
   * The deal.
   *
   * @throws DealNotFoundException if it does not exist in this workspace
   */
  Deal requireDeal(DealId id) {
    // why: every deal command reads its deal here; no capturing lambda on the hot path
    Optional<Deal> deal = ws.deal(id);
    if (deal.isEmpty()) {
      throw new DealNotFoundException(workspace(), id);
    }
    return deal.get();
  }
}
