package org.salespipeline.core;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.salespipeline.core.event.PipelineListener;
import org.salespipeline.core.qualification.BantFramework;
import org.salespipeline.core.qualification.ChampFramework;
import org.salespipeline.core.qualification.QualificationFramework;
import org.salespipeline.core.rule.RuleSet;
import org.salespipeline.core.stage.PipelineDefinition;
import org.salespipeline.core.stage.StandardPipelines;
import org.salespipeline.core.store.PipelineStore;

/**
 * Builds a {@link SalesPipeline}.
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>setting</th><th>default</th></tr>
 *   <tr><td>{@link #store}</td><td>required</td></tr>
 *   <tr><td>{@link #workspace}</td><td>{@code default}</td></tr>
 *   <tr><td>{@link #clock}</td><td>{@link Clock#systemUTC()}</td></tr>
 *   <tr><td>{@link #idGenerator}</td><td>time-ordered UUIDs from the clock</td></tr>
 *   <tr><td>{@link #pipeline}</td><td>{@link StandardPipelines#newBusiness()} (default) and
 *       {@link StandardPipelines#renewals()}</td></tr>
 *   <tr><td>{@link #rules}</td><td>{@link RuleSet#standard()}</td></tr>
 *   <tr><td>{@link #qualificationFramework}</td><td>BANT and CHAMP with default policies</td></tr>
 *   <tr><td>{@link #currencyConverter}</td><td>same currency only</td></tr>
 *   <tr><td>{@link #reportingCurrency}</td><td>USD</td></tr>
 *   <tr><td>{@link #listener}</td><td>none</td></tr>
 * </table>
 *
 * <p>Each setter fails fast on a null or conflicting value, naming it. Not thread-safe.
 */
public final class SalesPipelineBuilder {
  PipelineStore store;
  WorkspaceId workspace = WorkspaceId.of("default");
  Clock clock = Clock.systemUTC();
  IdGenerator ids;
  final Map<PipelineId, PipelineDefinition> pipelines = new LinkedHashMap<>();
  PipelineId defaultPipeline;
  RuleSet rules = RuleSet.standard();
  final Map<String, QualificationFramework<?>> frameworks = new LinkedHashMap<>();
  CurrencyConverter converter = CurrencyConverter.sameCurrencyOnly();
  java.util.Currency reportingCurrency = java.util.Currency.getInstance("USD");
  final List<PipelineListener> listeners = new ArrayList<>();
  private boolean pipelinesGiven;

  SalesPipelineBuilder() {
    frameworks.put(BantFramework.withDefaults().key(), BantFramework.withDefaults());
    frameworks.put(ChampFramework.withDefaults().key(), ChampFramework.withDefaults());
  }

  private static <T> T required(String name, T value) {
    if (value == null) {
      throw new ConfigurationException(name + " must not be null");
    }
    return value;
  }

  /** Where deals are kept (required). */
  public SalesPipelineBuilder store(PipelineStore store) {
    if (this.store != null) {
      throw new ConfigurationException("store was already set to " + this.store);
    }
    this.store = required("store", store);
    return this;
  }

  /** The workspace (tenant) the engine works in. */
  public SalesPipelineBuilder workspace(WorkspaceId workspace) {
    this.workspace = required("workspace", workspace);
    return this;
  }

  /** The clock every event's time comes from. */
  public SalesPipelineBuilder clock(Clock clock) {
    this.clock = required("clock", clock);
    return this;
  }

  /** Where new ids come from. */
  public SalesPipelineBuilder idGenerator(IdGenerator ids) {
    this.ids = required("idGenerator", ids);
    return this;
  }

  /**
   * Adds a pipeline definition; the first one added becomes the default unless {@link
   * #defaultPipeline} says otherwise. Adding any replaces the standard ones.
   */
  public SalesPipelineBuilder pipeline(PipelineDefinition definition) {
    required("pipeline", definition);
    if (!pipelinesGiven) {
      pipelines.clear();
      pipelinesGiven = true;
    }
    if (pipelines.putIfAbsent(definition.id(), definition) != null) {
      throw new ConfigurationException("pipeline " + definition.id() + " was already added");
    }
    return this;
  }

  /** Which pipeline new deals open in when the command names none. */
  public SalesPipelineBuilder defaultPipeline(PipelineId id) {
    this.defaultPipeline = required("defaultPipeline", id);
    return this;
  }

  /** The stage rules; replaces the standard rules. */
  public SalesPipelineBuilder rules(RuleSet rules) {
    this.rules = required("rules", rules);
    return this;
  }

  /** Registers a qualification framework, replacing one with the same key. */
  public SalesPipelineBuilder qualificationFramework(QualificationFramework<?> framework) {
    required("qualificationFramework", framework);
    frameworks.put(framework.key(), framework);
    return this;
  }

  /** Converts amounts into the reporting currency for totals. */
  public SalesPipelineBuilder currencyConverter(CurrencyConverter converter) {
    this.converter = required("currencyConverter", converter);
    return this;
  }

  /** The currency totals are reported in by default, by ISO 4217 code. */
  public SalesPipelineBuilder reportingCurrency(String code) {
    try {
      this.reportingCurrency = Money.currency(code);
    } catch (ValidationException e) {
      throw new ConfigurationException(
          "reportingCurrency '" + code + "' is not an ISO 4217 code", e);
    }
    return this;
  }

  /** Adds a listener that hears committed events. */
  public SalesPipelineBuilder listener(PipelineListener listener) {
    listeners.add(required("listener", listener));
    return this;
  }

  /**
   * The engine. Saves the pipeline definitions into the store's workspace.
   *
   * @throws ConfigurationException if the store is missing or the default pipeline unknown
   */
  public SalesPipeline build() {
    if (store == null) {
      throw new ConfigurationException("store is required: SalesPipeline.builder().store(...)");
    }
    if (pipelines.isEmpty()) {
      pipelines.put(StandardPipelines.NEW_BUSINESS, StandardPipelines.newBusiness());
      pipelines.put(StandardPipelines.RENEWALS, StandardPipelines.renewals());
    }
    if (defaultPipeline == null) {
      defaultPipeline = pipelines.keySet().iterator().next();
    } else if (!pipelines.containsKey(defaultPipeline)) {
      throw new ConfigurationException(
          "defaultPipeline "
              + defaultPipeline
              + " is not one of the pipelines "
              + pipelines.keySet());
    }
    return SalesPipeline.create(this);
  }
}
