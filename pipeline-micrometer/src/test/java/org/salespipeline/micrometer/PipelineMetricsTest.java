package org.salespipeline.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.ConcurrentDealModificationException;
import org.salespipeline.core.DealId;
import org.salespipeline.core.IllegalTransitionException;
import org.salespipeline.core.Money;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.UserId;
import org.salespipeline.core.command.CommandResult;
import org.salespipeline.core.command.MoveDeal;
import org.salespipeline.core.command.OpenDeal;
import org.salespipeline.core.command.UpdateDeal;
import org.salespipeline.core.stage.StandardPipelines;
import org.salespipeline.core.store.PipelineStore;
import org.salespipeline.core.store.WorkspaceStore;
import org.salespipeline.core.store.memory.InMemoryPipelineStore;

class PipelineMetricsTest {
  private static final UserId ANN = UserId.of("ann");
  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final InMemoryPipelineStore store = new InMemoryPipelineStore();

  private static OpenDeal.Builder deal() {
    return OpenDeal.builder()
        .name("Acme platform")
        .owner(ANN)
        .actor(ANN)
        .amount(Money.of("50000.00", "EUR"))
        .expectedCloseDate(LocalDate.of(2026, 6, 30));
  }

  private SalesPipeline engine(PipelineMetrics metrics, Clock clock) {
    return SalesPipeline.builder()
        .store(store)
        .clock(clock)
        .reportingCurrency("EUR")
        .observer(metrics)
        .build();
  }

  private long commands(String command, String outcome) {
    return registry
        .get(PipelineMetrics.COMMANDS)
        .tag("command", command)
        .tag("outcome", outcome)
        .timer()
        .count();
  }

  /** The README's example: the metrics observe the engine, the gauges read the board. */
  @Test
  void readmeExampleRegistersMetricsAndGauges() {
    MeterRegistry meterRegistry = new SimpleMeterRegistry();
    TestObservationRegistry observationRegistry = TestObservationRegistry.create();

    PipelineMetrics metrics = PipelineMetrics.of(meterRegistry, observationRegistry);
    SalesPipeline pipeline =
        SalesPipeline.builder()
            .store(new InMemoryPipelineStore())
            .reportingCurrency("EUR")
            .observer(metrics)
            .build();
    PipelineGauges.register(pipeline, meterRegistry, java.time.Duration.ofMinutes(1));

    DealId id = pipeline.openDeal(deal().build()).deal().id();
    pipeline.move(id, StandardPipelines.QUALIFICATION, ANN);

    assertThat(meterRegistry.get("salespipeline.commands").tag("command", "move").timer().count())
        .isEqualTo(1);
    assertThat(
            meterRegistry
                .get("salespipeline.open.deals")
                .tag("stage", StandardPipelines.QUALIFICATION)
                .gauge()
                .value())
        .isEqualTo(1.0);
    TestObservationRegistryAssert.assertThat(observationRegistry)
        .hasNumberOfObservationsWithNameEqualTo("salespipeline.command", 2)
        .forAllObservationsWithNameEqualTo(
            "salespipeline.command", o -> o.hasLowCardinalityKeyValue("outcome", "ok"));
  }

  @Test
  void commandsAreTimedPerCommandAndOutcome() {
    SalesPipeline pipeline = engine(PipelineMetrics.of(registry), Clock.fixed(NOW, ZoneOffset.UTC));
    DealId id = pipeline.openDeal(deal().idempotencyKey("open-1").build()).deal().id();
    pipeline.openDeal(deal().idempotencyKey("open-1").build());
    pipeline.move(id, StandardPipelines.QUALIFICATION, ANN);
    assertThatThrownBy(() -> pipeline.move(id, StandardPipelines.CLOSING, ANN))
        .isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(
            () ->
                pipeline.update(
                    UpdateDeal.builder()
                        .deal(id)
                        .actor(ANN)
                        .amount(Money.of(1, "EUR"))
                        .expectedVersion(1)
                        .build()))
        .isInstanceOf(ConcurrentDealModificationException.class);

    assertThat(commands("open", "ok")).isEqualTo(1);
    assertThat(commands("open", "replayed")).isEqualTo(1);
    assertThat(commands("move", "ok")).isEqualTo(1);
    assertThat(commands("move", "rejected")).isEqualTo(1);
    assertThat(commands("update", "conflict")).isEqualTo(1);
    assertThat(
            registry
                .get(PipelineMetrics.CONFLICTS)
                .tag("command", "update")
                .tag("resolution", "surfaced")
                .counter()
                .count())
        .isEqualTo(1);
    assertThat(
            registry
                .get(PipelineMetrics.RULE_VIOLATIONS)
                .tag("command", "move")
                .tag("rule", "no-skipping")
                .tag("overridden", "false")
                .counter()
                .count())
        .isEqualTo(1);
  }

  /**
   * A writer that gets in between a command's read of the deal and its commit makes the engine
   * retry; the retry is counted and the result says two attempts. The store view here lets another
   * engine update the deal right after the command has read it, once.
   */
  @Test
  void retriesAfterAConflictAreCounted() {
    AtomicReference<Runnable> interfere = new AtomicReference<>();
    PipelineStore racing =
        ws -> {
          WorkspaceStore view = store.workspace(ws);
          return (WorkspaceStore)
              Proxy.newProxyInstance(
                  WorkspaceStore.class.getClassLoader(),
                  new Class<?>[] {WorkspaceStore.class},
                  (proxy, method, args) -> {
                    Object value;
                    try {
                      value = method.invoke(view, args);
                    } catch (InvocationTargetException e) {
                      throw e.getCause();
                    }
                    if (method.getName().equals("deal")) {
                      Runnable once = interfere.getAndSet(null);
                      if (once != null) {
                        once.run();
                      }
                    }
                    return value;
                  });
        };
    SalesPipeline pipeline =
        SalesPipeline.builder()
            .store(racing)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .reportingCurrency("EUR")
            .observer(PipelineMetrics.of(registry))
            .build();
    SalesPipeline other =
        SalesPipeline.builder()
            .store(store)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .reportingCurrency("EUR")
            .build();
    DealId id = pipeline.openDeal(deal().build()).deal().id();
    interfere.set(
        () ->
            other.update(
                UpdateDeal.builder().deal(id).actor(ANN).amount(Money.of(7, "EUR")).build()));

    CommandResult result =
        pipeline.update(
            UpdateDeal.builder().deal(id).actor(ANN).amount(Money.of(9, "EUR")).build());

    assertThat(result.attempts()).isEqualTo(2);
    assertThat(result.deal().version()).isEqualTo(3);
    assertThat(result.deal().amount()).isEqualTo(Money.of(9, "EUR"));
    assertThat(registry.get(PipelineMetrics.RETRIES).tag("command", "update").counter().count())
        .isEqualTo(1);
    assertThat(
            registry
                .get(PipelineMetrics.CONFLICTS)
                .tag("command", "update")
                .tag("resolution", "retried")
                .counter()
                .count())
        .isEqualTo(1);
    assertThat(commands("update", "ok")).isEqualTo(1);
  }

  @Test
  void failedCommandsAreObservedWithTheirError() {
    TestObservationRegistry observations = TestObservationRegistry.create();
    SalesPipeline pipeline =
        engine(PipelineMetrics.of(registry, observations), Clock.fixed(NOW, ZoneOffset.UTC));
    DealId id = SalesPipeline.builder().store(store).build().openDeal(deal().build()).deal().id();

    assertThatThrownBy(() -> pipeline.move(id, StandardPipelines.CLOSING, ANN))
        .isInstanceOf(IllegalTransitionException.class);

    TestObservationRegistryAssert.assertThat(observations)
        .hasNumberOfObservationsWithNameEqualTo(PipelineMetrics.COMMAND_OBSERVATION, 1)
        .forAllObservationsWithNameEqualTo(
            PipelineMetrics.COMMAND_OBSERVATION, o -> o.doesNotHaveParentObservation());
    TestObservationRegistryAssert.assertThat(observations)
        .hasObservationWithNameEqualTo(PipelineMetrics.COMMAND_OBSERVATION)
        .that()
        .hasLowCardinalityKeyValue("outcome", "rejected")
        .assertThatError()
        .isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void analysesAreTimedByKind() {
    PipelineMetrics metrics = PipelineMetrics.of(registry);

    int value = metrics.observeAnalysis("forecast", () -> 42);
    assertThatThrownBy(
            () ->
                metrics.observeAnalysis(
                    "forecast",
                    () -> {
                      throw new IllegalStateException("boom");
                    }))
        .hasMessage("boom");

    assertThat(value).isEqualTo(42);
    assertThat(
            registry
                .get(PipelineMetrics.ANALYSES)
                .tag("kind", "forecast")
                .tag("outcome", "ok")
                .timer()
                .count())
        .isEqualTo(1);
    assertThat(
            registry
                .get(PipelineMetrics.ANALYSES)
                .tag("kind", "forecast")
                .tag("outcome", "error")
                .timer()
                .count())
        .isEqualTo(1);
  }

  @Test
  void gaugesReadTheBoardAtMostOncePerMaxAge() {
    long[] nanos = {0};
    SalesPipeline pipeline = engine(PipelineMetrics.of(registry), Clock.fixed(NOW, ZoneOffset.UTC));
    PipelineGauges gauges =
        PipelineGauges.register(
            pipeline, registry, java.time.Duration.ofSeconds(30), () -> nanos[0]);
    pipeline.openDeal(deal().build());
    pipeline.openDeal(deal().amount(Money.of("1000.50", "EUR")).build());

    double count = openDeals(StandardPipelines.PROSPECTING);
    double amount =
        registry
            .get(PipelineGauges.OPEN_AMOUNT)
            .tag("stage", StandardPipelines.PROSPECTING)
            .tag("currency", "EUR")
            .gauge()
            .value();
    pipeline.openDeal(deal().build());
    double cached = openDeals(StandardPipelines.PROSPECTING);
    nanos[0] += java.time.Duration.ofSeconds(31).toNanos();
    double refreshed = openDeals(StandardPipelines.PROSPECTING);

    assertThat(count).isEqualTo(2.0);
    assertThat(amount).isEqualTo(51_000.50);
    assertThat(cached).isEqualTo(2.0);
    assertThat(refreshed).isEqualTo(3.0);
    assertThat(gauges.reads()).isEqualTo(2);
    assertThat(openDeals(StandardPipelines.PROPOSAL)).isZero();
  }

  private double openDeals(String stage) {
    return registry
        .get(PipelineGauges.OPEN_DEALS)
        .tag("pipeline", StandardPipelines.NEW_BUSINESS.value())
        .tag("stage", stage)
        .gauge()
        .value();
  }

  /** Tags are fixed words: no deal id, owner or amount ever becomes a tag value. */
  @Test
  void tagsStayLowCardinality() {
    SalesPipeline pipeline = engine(PipelineMetrics.of(registry), Clock.fixed(NOW, ZoneOffset.UTC));
    PipelineGauges.register(pipeline, registry, java.time.Duration.ZERO);
    Set<String> dealIds = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      DealId id = pipeline.openDeal(deal().owner(UserId.of("rep-" + i)).build()).deal().id();
      dealIds.add(id.toString());
      pipeline.update(
          UpdateDeal.builder().deal(id).actor(ANN).amount(Money.of(100 + i, "EUR")).build());
    }
    registry.getMeters().forEach(m -> m.measure().forEach(x -> {}));

    Set<String> keys = new HashSet<>();
    Set<String> values = new HashSet<>();
    for (Meter meter : registry.getMeters()) {
      for (Tag tag : meter.getId().getTags()) {
        keys.add(tag.getKey());
        values.add(tag.getValue());
      }
    }
    assertThat(keys)
        .isSubsetOf(
            "command",
            "outcome",
            "resolution",
            "rule",
            "overridden",
            "kind",
            "pipeline",
            "stage",
            "currency");
    assertThat(values).doesNotContainAnyElementsOf(dealIds);
    assertThat(values).noneMatch(v -> v.startsWith("rep-"));
    assertThat(registry.find(PipelineMetrics.COMMANDS).timers()).hasSize(10);
  }

  @Test
  void movesWithMetricsStillReturnTheEngineResult() {
    SalesPipeline pipeline = engine(PipelineMetrics.of(registry), Clock.fixed(NOW, ZoneOffset.UTC));
    DealId id = pipeline.openDeal(deal().build()).deal().id();

    CommandResult result =
        pipeline.move(
            MoveDeal.builder()
                .deal(id)
                .toStage(StandardPipelines.QUALIFICATION)
                .actor(ANN)
                .build());

    assertThat(result.deal().stage()).isEqualTo(StandardPipelines.QUALIFICATION);
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(pipeline.requireDeal(id)).isEqualTo(result.deal());
  }
}
