package org.salespipeline.benchmarks.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.salespipeline.core.UserId;
import org.salespipeline.core.command.CommandResult;
import org.salespipeline.core.command.OpenDeal;
import org.salespipeline.core.rule.NoSkippingRule;
import org.salespipeline.core.rule.RuleSet;
import org.salespipeline.core.stage.StandardPipelines;
import org.salespipeline.core.store.memory.InMemoryPipelineStore;

/**
 * The move command on the in-memory store, against a hand-written baseline that does the least a
 * move must do: look the deal up, check the target stage, write the new state and append one
 * history record under a lock.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar MoveBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MoveBenchmark {
  private static final int DEALS = 10_000;
  private static final String[] STAGES = {
    StandardPipelines.PROSPECTING, StandardPipelines.QUALIFICATION
  };

  private SalesPipeline pipeline;
  private DealId[] ids;
  private final UserId actor = UserId.of("bench");
  private int next;

  // Baseline state: stage index per deal and an append-only history.
  private Map<UUID, int[]> rawDeals;
  private Map<UUID, List<long[]>> rawHistory;
  private UUID[] rawIds;

  @Setup(Level.Iteration)
  public void setUp() {
    pipeline =
        SalesPipeline.builder()
            .store(new InMemoryPipelineStore())
            .rules(
                RuleSet.builder()
                    .pipelineRule(StandardPipelines.NEW_BUSINESS, new NoSkippingRule(0))
                    .build())
            .build();
    ids = new DealId[DEALS];
    rawDeals = new HashMap<>();
    rawHistory = new HashMap<>();
    rawIds = new UUID[DEALS];
    for (int i = 0; i < DEALS; i++) {
      CommandResult opened =
          pipeline.openDeal(
              OpenDeal.builder()
                  .name("Deal " + i)
                  .owner(actor)
                  .actor(actor)
                  .amount(Money.of(1000 + i, "USD"))
                  .expectedCloseDate(LocalDate.now().plusMonths(1))
                  .build());
      ids[i] = opened.deal().id();
      rawIds[i] = ids[i].value();
      rawDeals.put(rawIds[i], new int[] {0, 1});
      rawHistory.put(rawIds[i], new ArrayList<>());
    }
    next = 0;
  }

  /** One move through the engine: validation, rules, history event, atomic commit. */
  @Benchmark
  public CommandResult engineMove() {
    int n = next++;
    DealId id = ids[n % DEALS];
    String to = STAGES[(n / DEALS + 1) % 2];
    return pipeline.move(id, to, actor);
  }

  /** The hand-written baseline of the same state change. */
  @Benchmark
  public int[] handWrittenMove() {
    int n = next++;
    UUID id = rawIds[n % DEALS];
    int to = (n / DEALS + 1) % 2;
    synchronized (this) {
      int[] state = rawDeals.get(id);
      if (state[0] == to) {
        throw new IllegalStateException("same stage");
      }
      int[] moved = {to, state[1] + 1};
      rawDeals.put(id, moved);
      rawHistory.get(id).add(new long[] {state[0], to, System.nanoTime()});
      return moved;
    }
  }
}
