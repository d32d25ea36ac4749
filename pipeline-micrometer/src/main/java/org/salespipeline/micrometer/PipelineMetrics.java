package org.salespipeline.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import org.salespipeline.core.command.CommandResult;
import org.salespipeline.core.event.CommandOutcome;
import org.salespipeline.core.event.PipelineObserver;
import org.salespipeline.core.rule.RuleViolation;

/**
 * The engine's metrics and traces on Micrometer: set it as the engine's observer and every command,
 * retry, rule violation and analysis is counted and timed. Needs no Spring.
 *
 * <pre>{@code
 * PipelineMetrics metrics = PipelineMetrics.of(meterRegistry, observationRegistry);
 * SalesPipeline pipeline = SalesPipeline.builder().store(store).observer(metrics).build();
 * PipelineGauges.register(pipeline, meterRegistry, Duration.ofMinutes(1));
 * }</pre>
 *
 * <table>
 *   <caption>Meters (tags are fixed words: never a deal id, owner or amount)</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th></tr>
 *   <tr><td>{@value #COMMANDS}</td><td>timer</td><td>{@code command} (open, update, move, win,
 *       lose, disqualify, reopen, recordQualification, logActivity, scheduleFollowUp),
 *       {@code outcome} (ok, replayed, rejected, conflict, error)</td></tr>
 *   <tr><td>{@value #RETRIES}</td><td>counter</td><td>{@code command}: each retry after a version
 *       conflict</td></tr>
 *   <tr><td>{@value #CONFLICTS}</td><td>counter</td><td>{@code command}, {@code resolution}
 *       (retried, surfaced): each version conflict the engine met</td></tr>
 *   <tr><td>{@value #RULE_VIOLATIONS}</td><td>counter</td><td>{@code command}, {@code rule} (the
 *       rule's code), {@code overridden} (true, false)</td></tr>
 *   <tr><td>{@value #ANALYSES}</td><td>timer</td><td>{@code kind} (for example forecast, insight),
 *       {@code outcome} (ok, error)</td></tr>
 * </table>
 *
 * <p>With an {@link ObservationRegistry} each command also runs inside an {@link Observation} named
 * {@value #COMMAND_OBSERVATION} (low-cardinality key values {@code command} and {@code outcome}),
 * so a host's tracing handlers get a span per command; with {@link ObservationRegistry#NOOP} (the
 * default of {@link #of(MeterRegistry)}) none is created.
 *
 * <p>Meters are looked up once per command name and outcome and then kept, so a command costs two
 * map reads and a timer record. Thread-safe.
 */
public final class PipelineMetrics implements PipelineObserver {
  /** Timer of every deal command. */
  public static final String COMMANDS = "salespipeline.commands";

  /** Counter of retries after a version conflict. */
  public static final String RETRIES = "salespipeline.command.retries";

  /** Counter of version conflicts, retried or surfaced to the caller. */
  public static final String CONFLICTS = "salespipeline.version.conflicts";

  /** Counter of stage-rule violations. */
  public static final String RULE_VIOLATIONS = "salespipeline.rule.violations";

  /** Timer of analyses (forecasts, insight). */
  public static final String ANALYSES = "salespipeline.analyses";

  /** The name of the observation around each command. */
  public static final String COMMAND_OBSERVATION = "salespipeline.command";

  private final MeterRegistry registry;
  private final ObservationRegistry observations;
  private final ConcurrentMap<String, CommandMeters> commands = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Timer[]> analyses = new ConcurrentHashMap<>();
  private final ConcurrentMap<List<String>, Counter> violations = new ConcurrentHashMap<>();

  private PipelineMetrics(MeterRegistry registry, ObservationRegistry observations) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.observations = Objects.requireNonNull(observations, "observations");
  }

  /** Metrics only, no observations. */
  public static PipelineMetrics of(MeterRegistry registry) {
    return new PipelineMetrics(registry, ObservationRegistry.NOOP);
  }

  /** Metrics, and an observation around each command. */
  public static PipelineMetrics of(MeterRegistry registry, ObservationRegistry observations) {
    return new PipelineMetrics(registry, observations);
  }

  /** The registry the meters are in. */
  public MeterRegistry registry() {
    return registry;
  }

  /** The meters of one command name, registered on its first use. */
  private final class CommandMeters {
    final Timer[] byOutcome = new Timer[CommandOutcome.values().length];
    final Counter retries;
    final Counter retried;
    final Counter surfaced;

    CommandMeters(String command) {
      for (CommandOutcome outcome : CommandOutcome.values()) {
        byOutcome[outcome.ordinal()] =
            Timer.builder(COMMANDS)
                .description("Deal commands run by the sales-pipeline engine")
                .tag("command", command)
                .tag("outcome", outcome.tag())
                .register(registry);
      }
      retries =
          Counter.builder(RETRIES)
              .description("Commands retried after a version conflict")
              .tag("command", command)
              .register(registry);
      retried =
          Counter.builder(CONFLICTS)
              .description("Version conflicts met by commands")
              .tag("command", command)
              .tag("resolution", "retried")
              .register(registry);
      surfaced =
          Counter.builder(CONFLICTS)
              .description("Version conflicts met by commands")
              .tag("command", command)
              .tag("resolution", "surfaced")
              .register(registry);
    }
  }

  private CommandMeters meters(String command) {
    CommandMeters meters = commands.get(command);
    return meters != null ? meters : commands.computeIfAbsent(command, CommandMeters::new);
  }

  @Override
  public CommandResult observeCommand(String name, Supplier<CommandResult> command) {
    CommandMeters meters = meters(name);
    Observation observation =
        observations.isNoop()
            ? null
            : Observation.createNotStarted(COMMAND_OBSERVATION, observations)
                .contextualName("salespipeline " + name)
                .lowCardinalityKeyValue("command", name)
                .start();
    long start = System.nanoTime();
    CommandOutcome outcome = CommandOutcome.ERROR;
    try (Observation.Scope scope = observation == null ? null : observation.openScope()) {
      CommandResult result = command.get();
      outcome = CommandOutcome.of(result);
      return result;
    } catch (RuntimeException | Error e) {
      outcome = CommandOutcome.of(e);
      if (observation != null) {
        observation.error(e);
      }
      throw e;
    } finally {
      meters.byOutcome[outcome.ordinal()].record(System.nanoTime() - start, NANOS);
      if (outcome == CommandOutcome.CONFLICT) {
        meters.surfaced.increment();
      }
      if (observation != null) {
        observation.lowCardinalityKeyValue("outcome", outcome.tag());
        observation.stop();
      }
    }
  }

  @Override
  public void commandRetried(String name, int failedAttempt) {
    CommandMeters meters = meters(name);
    meters.retries.increment();
    meters.retried.increment();
  }

  @Override
  public void ruleViolations(String name, List<RuleViolation> found, boolean overridden) {
    for (RuleViolation violation : found) {
      List<String> key = List.of(name, violation.rule(), Boolean.toString(overridden));
      Counter counter = violations.get(key);
      if (counter == null) {
        counter =
            violations.computeIfAbsent(
                key,
                k ->
                    Counter.builder(RULE_VIOLATIONS)
                        .description("Stage-rule violations, refused or overridden")
                        .tag("command", k.get(0))
                        .tag("rule", k.get(1))
                        .tag("overridden", k.get(2))
                        .register(registry));
      }
      counter.increment();
    }
  }

  @Override
  public <T> T observeAnalysis(String kind, Supplier<T> analysis) {
    Timer[] timers =
        analyses.computeIfAbsent(
            kind,
            k ->
                new Timer[] {
                  analysisTimer(k, "ok"), analysisTimer(k, "error"),
                });
    long start = System.nanoTime();
    boolean ok = false;
    try {
      T value = analysis.get();
      ok = true;
      return value;
    } finally {
      timers[ok ? 0 : 1].record(System.nanoTime() - start, NANOS);
    }
  }

  private Timer analysisTimer(String kind, String outcome) {
    return Timer.builder(ANALYSES)
        .description("Forecasts and insight reports computed")
        .tag("kind", kind)
        .tag("outcome", outcome)
        .register(registry);
  }

  private static final java.util.concurrent.TimeUnit NANOS =
      java.util.concurrent.TimeUnit.NANOSECONDS;

  @Override
  public String toString() {
    return "PipelineMetrics{registry=" + registry.getClass().getSimpleName() + "}";
  }
}
