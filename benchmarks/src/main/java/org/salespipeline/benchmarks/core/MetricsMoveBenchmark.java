package org.salespipeline.benchmarks.core;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.salespipeline.core.DealId;
import org.salespipeline.core.Money;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.SalesPipelineBuilder;
import org.salespipeline.core.UserId;
import org.salespipeline.core.command.CommandResult;
import org.salespipeline.core.command.OpenDeal;
import org.salespipeline.core.rule.NoSkippingRule;
import org.salespipeline.core.rule.RuleSet;
import org.salespipeline.core.stage.StandardPipelines;
import org.salespipeline.core.store.memory.InMemoryPipelineStore;
import org.salespipeline.micrometer.PipelineGauges;
import org.salespipeline.micrometer.PipelineMetrics;

/**
 * Issue 15: what metrics cost a move. The same move command on the in-memory store (the cheapest
 * store, so the overhead shows most) without an observer (the baseline) and with {@link
 * PipelineMetrics} on a {@code SimpleMeterRegistry} and the cached gauges registered. Target: with
 * metrics at most 1.1 x the time of a move without.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar MetricsMoveBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MetricsMoveBenchmark {
  private static final int DEALS = 10_000;
  private static final String[] STAGES = {
    StandardPipelines.PROSPECTING, StandardPipelines.QUALIFICATION
  };
  private final UserId actor = UserId.of("bench");

  private SalesPipeline plain;
  private SalesPipeline metered;
  private DealId[] plainIds;
  private DealId[] meteredIds;
  private int plainNext;
  private int meteredNext;

  @Setup(Level.Iteration)
  public void setUp() {
    plain = engine(SalesPipeline.builder());
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    metered = engine(SalesPipeline.builder().observer(PipelineMetrics.of(registry)));
    PipelineGauges.register(metered, registry, java.time.Duration.ofMinutes(1));
    plainIds = open(plain);
    meteredIds = open(metered);
    plainNext = 0;
    meteredNext = 0;
  }

  private static SalesPipeline engine(SalesPipelineBuilder builder) {
    return builder
        .store(new InMemoryPipelineStore())
        .rules(
            RuleSet.builder()
                .pipelineRule(StandardPipelines.NEW_BUSINESS, new NoSkippingRule(0))
                .build())
        .build();
  }

  private DealId[] open(SalesPipeline pipeline) {
    DealId[] ids = new DealId[DEALS];
    for (int i = 0; i < DEALS; i++) {
      ids[i] =
          pipeline
              .openDeal(
                  OpenDeal.builder()
                      .name("Deal " + i)
                      .owner(actor)
                      .actor(actor)
                      .amount(Money.of(1000 + i, "USD"))
                      .expectedCloseDate(LocalDate.now().plusMonths(1))
                      .build())
              .deal()
              .id();
    }
    return ids;
  }

  /** Baseline: a move through the engine without an observer. */
  @Benchmark
  public CommandResult moveWithoutMetrics() {
    int n = plainNext++;
    return plain.move(plainIds[n % DEALS], STAGES[(n / DEALS + 1) % 2], actor);
  }

  /** The same move with PipelineMetrics observing it. */
  @Benchmark
  public CommandResult moveWithMetrics() {
    int n = meteredNext++;
    return metered.move(meteredIds[n % DEALS], STAGES[(n / DEALS + 1) % 2], actor);
  }
}
