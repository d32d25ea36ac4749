package org.salespipeline.core;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.salespipeline.core.access.AccessPolicy;
import org.salespipeline.core.access.InvisibleDeals;
import org.salespipeline.core.event.PipelineListener;
import org.salespipeline.core.event.PipelineObserver;
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
 *   <tr><td>{@link #retentionPolicy}</td><td>{@link RetentionPolicy#standard()}</td></tr>
 *   <tr><td>{@link #qualificationFramework}</td><td>BANT and CHAMP with default policies</td></tr>
 *   <tr><td>{@link #currencyConverter}</td><td>same currency only</td></tr>
 *   <tr><td>{@link #reportingCurrency}</td><td>USD</td></tr>
 *   <tr><td>{@link #listener}</td><td>none</td></tr>
 *   <tr><td>{@link #conflictRetries}</td><td>{@link ConflictRetries#defaults()}: 8 attempts,
 *       jittered backoff from 1 ms up to 64 ms</td></tr>
 *   <tr><td>{@link #observer}</td><td>{@link PipelineObserver#none()}</td></tr>
 *   <tr><td>{@link #accessPolicy}</td><td>{@link AccessPolicy#allowAll()}: everything allowed,
 *       as before access policies existed</td></tr>
 *   <tr><td>{@link #invisibleDeals}</td><td>{@link InvisibleDeals#NOT_FOUND}</td></tr>
 *   <tr><td>{@link #callWindows}</td><td>{@link org.salespipeline.core.call.CallWindows#always()}
 *       </td></tr>
 *   <tr><td>{@link #organisation}</td><td>the workspace's stored teams, read at each
 *       adjustment</td></tr>
 * </table>
 *
 * <p>Each setter fails fast with a {@link ConfigurationException} naming the setting and the value:
 * on null, and on a second set of a setting already given (the message names both values), for
 * example a second {@code clock(...)}, the same pipeline id or framework key twice, or the same
 * listener twice. Registering a framework under the key of a default one (BANT, CHAMP) replaces the
 * default once. Not thread-safe.
 */
public final class SalesPipelineBuilder {
  PipelineStore store;
  WorkspaceId workspace = WorkspaceId.of("default");
  Clock clock = Clock.systemUTC();
  IdGenerator ids;
  final Map<PipelineId, PipelineDefinition> pipelines = new LinkedHashMap<>();
  PipelineId defaultPipeline;
  RuleSet rules = RuleSet.standard();
  RetentionPolicy retentionPolicy = RetentionPolicy.standard();
  final Map<String, QualificationFramework<?>> frameworks = new LinkedHashMap<>();
  CurrencyConverter converter = CurrencyConverter.sameCurrencyOnly();
  java.util.Currency reportingCurrency = java.util.Currency.getInstance("USD");
  final List<PipelineListener> listeners = new ArrayList<>();
  ConflictRetries retries = ConflictRetries.defaults();
  PipelineObserver observer = PipelineObserver.none();
  AccessPolicy accessPolicy = AccessPolicy.allowAll();
  InvisibleDeals invisibleDeals = InvisibleDeals.NOT_FOUND;
  org.salespipeline.core.call.CallWindows callWindows =
      org.salespipeline.core.call.CallWindows.always();
  org.salespipeline.core.org.OrgDirectory organisation;
  private boolean pipelinesGiven;
  private final Set<String> given = new HashSet<>();

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

  /**
   * Refuses a null value and a second set of a setting.
   *
   * @param name the setting, as the builder method is called
   * @param current the value given before (or the default), for the message
   * @throws ConfigurationException naming the setting and both values
   */
  private <T> T once(String name, Object current, T value) {
    required(name, value);
    if (!given.add(name)) {
      throw alreadySet(name, current, value);
    }
    return value;
  }

  private static ConfigurationException alreadySet(String name, Object current, Object value) {
    return new ConfigurationException(
        name + " was already set to " + current + "; refusing to set it again to " + value);
  }

  private static String describe(PipelineDefinition definition) {
    return "'" + definition.name() + "' " + definition.stages().stream().map(s -> s.key()).toList();
  }

  /**
   * Where deals are kept (required).
   *
   * @throws ConfigurationException if null or already set
   */
  public SalesPipelineBuilder store(PipelineStore store) {
    this.store = once("store", this.store, store);
    return this;
  }

  /**
   * The workspace (tenant) the engine works in.
   *
   * @throws ConfigurationException if null or already set
   */
  public SalesPipelineBuilder workspace(WorkspaceId workspace) {
    this.workspace = once("workspace", this.workspace, workspace);
    return this;
  }

  /**
   * The clock every event's time comes from.
   *
   * @throws ConfigurationException if null or already set
   */
  public SalesPipelineBuilder clock(Clock clock) {
    this.clock = once("clock", this.clock, clock);
    return this;
  }

  /**
   * Where new ids come from.
   *
   * @throws ConfigurationException if null or already set
   */
  public SalesPipelineBuilder idGenerator(IdGenerator ids) {
    this.ids = once("idGenerator", this.ids, ids);
    return this;
  }

  /**
   * Adds a pipeline definition; the first one added becomes the default unless {@link
   * #defaultPipeline} says otherwise. Adding any replaces the standard ones.
   *
   * @throws ConfigurationException if null or a pipeline with the same id was already added
   */
  public SalesPipelineBuilder pipeline(PipelineDefinition definition) {
    required("pipeline", definition);
    if (!pipelinesGiven) {
      pipelines.clear();
      pipelinesGiven = true;
    }
    PipelineDefinition previous = pipelines.putIfAbsent(definition.id(), definition);
    if (previous != null) {
      throw alreadySet("pipeline " + definition.id(), describe(previous), describe(definition));
    }
    return this;
  }

  /**
   * Which pipeline new deals open in when the command names none.
   *
   * @throws ConfigurationException if null or already set
   */
  public SalesPipelineBuilder defaultPipeline(PipelineId id) {
    this.defaultPipeline = once("defaultPipeline", this.defaultPipeline, id);
    return this;
  }

  /**
   * The stage rules; replaces the standard rules.
   *
   * @throws ConfigurationException if null or already set
   */
  public SalesPipelineBuilder rules(RuleSet rules) {
    this.rules = once("rules", this.rules, rules);
    return this;
  }

  /**
   * The submission windows of forecast calls: a call outside its period's window is refused.
   *
   * @throws ConfigurationException if null or already set
   */
  public SalesPipelineBuilder callWindows(org.salespipeline.core.call.CallWindows windows) {
    this.callWindows = once("callWindows", this.callWindows, windows);
    return this;
  }

  /**
   * The organisation that decides who may adjust which forecast node (a manager adjusts only nodes
   * strictly below the teams they manage); by default the workspace's stored teams.
   *
   * @throws ConfigurationException if null or already set
   */
  public SalesPipelineBuilder organisation(org.salespipeline.core.org.OrgDirectory organisation) {
    this.organisation = once("organisation", this.organisation, organisation);
    return this;
  }

  /**
   * The Post-Sale/Retention policy: retention rules, renewal lead time, onboarding target.
   *
   * @throws ConfigurationException if null or already set
   */
  public SalesPipelineBuilder retentionPolicy(RetentionPolicy policy) {
    this.retentionPolicy = once("retentionPolicy", this.retentionPolicy, policy);
    return this;
  }

  /**
   * Registers a qualification framework under its key, replacing the default one with that key.
   *
   * @throws ConfigurationException if null or a framework with the same key was already registered
   *     through this method
   */
  public SalesPipelineBuilder qualificationFramework(QualificationFramework<?> framework) {
    required("qualificationFramework", framework);
    String key = framework.key();
    if (!given.add("qualificationFramework " + key)) {
      throw alreadySet("qualificationFramework " + key, frameworks.get(key), framework);
    }
    frameworks.put(key, framework);
    return this;
  }

  /**
   * Converts amounts into the reporting currency for totals.
   *
   * @throws ConfigurationException if null or already set
   */
  public SalesPipelineBuilder currencyConverter(CurrencyConverter converter) {
    this.converter = once("currencyConverter", this.converter, converter);
    return this;
  }

  /**
   * The currency totals are reported in by default, by ISO 4217 code.
   *
   * @throws ConfigurationException if the code is not an ISO 4217 code or the currency was already
   *     set
   */
  public SalesPipelineBuilder reportingCurrency(String code) {
    java.util.Currency currency;
    try {
      currency = Money.currency(code);
    } catch (ValidationException e) {
      throw new ConfigurationException(
          "reportingCurrency '" + code + "' is not an ISO 4217 code", e);
    }
    this.reportingCurrency = once("reportingCurrency", this.reportingCurrency, currency);
    return this;
  }

  /**
   * Adds a listener that hears committed events.
   *
   * @throws ConfigurationException if null or the same listener was already added
   */
  public SalesPipelineBuilder listener(PipelineListener listener) {
    required("listener", listener);
    if (listeners.contains(listener)) {
      throw new ConfigurationException(
          "listener " + listener + " was already added; refusing to add it again");
    }
    listeners.add(listener);
    return this;
  }

  /**
   * How commands without an expected version are retried after a version conflict; {@link
   * ConflictRetries#none()} turns retries off.
   *
   * @throws ConfigurationException if null or already set
   */
  public SalesPipelineBuilder conflictRetries(ConflictRetries retries) {
    this.retries = once("conflictRetries", this.retries, retries);
    return this;
  }

  /**
   * Who may see and change which deal (issue 16), applied to the views {@link SalesPipeline#as}
   * gives: the built-in {@link org.salespipeline.core.access.Grants} or a host's own policy. The
   * pipeline itself (no principal) still allows everything.
   *
   * @throws ConfigurationException if null or already set
   */
  public SalesPipelineBuilder accessPolicy(AccessPolicy policy) {
    this.accessPolicy = once("accessPolicy", this.accessPolicy, policy);
    return this;
  }

  /**
   * How a principal's view answers for a deal it may not view (default {@link
   * InvisibleDeals#NOT_FOUND}: like a deal that does not exist).
   *
   * @throws ConfigurationException if null or already set
   */
  public SalesPipelineBuilder invisibleDeals(InvisibleDeals answer) {
    this.invisibleDeals = once("invisibleDeals", this.invisibleDeals, answer);
    return this;
  }

  /**
   * Watches commands, retries, rule violations and analyses, for metrics and traces (for example
   * {@code PipelineMetrics} of pipeline-micrometer).
   *
   * @throws ConfigurationException if null or already set
   */
  public SalesPipelineBuilder observer(PipelineObserver observer) {
    this.observer = once("observer", this.observer, observer);
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
