package org.salespipeline.benchmarks.core;

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
import org.salespipeline.core.TeamId;
import org.salespipeline.core.UserId;
import org.salespipeline.core.access.Grants;
import org.salespipeline.core.access.Principal;
import org.salespipeline.core.command.CommandResult;
import org.salespipeline.core.command.OpenDeal;
import org.salespipeline.core.org.OrgChart;
import org.salespipeline.core.rule.NoSkippingRule;
import org.salespipeline.core.rule.RuleSet;
import org.salespipeline.core.stage.StandardPipelines;
import org.salespipeline.core.store.memory.InMemoryPipelineStore;

/**
 * Issue 16: what the access check adds to a move. The same move on the in-memory store (the
 * cheapest store, so the check shows most) by the pipeline itself (no principal: the baseline) and
 * by the owner's view {@code pipeline.as(principal)} under the built-in {@link Grants} policy with
 * an org of 20 teams (the deal read and the MOVE decision are checked). Target: at most 1.1 x.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar AccessMoveBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AccessMoveBenchmark {
  private static final int DEALS = 10_000;
  private static final String[] STAGES = {
    StandardPipelines.PROSPECTING, StandardPipelines.QUALIFICATION
  };
  private final UserId actor = UserId.of("rep-0");

  private SalesPipeline plain;
  private SalesPipeline checked;
  private DealId[] plainIds;
  private DealId[] checkedIds;
  private int plainNext;
  private int checkedNext;

  @Setup(Level.Iteration)
  public void setUp() {
    plain = engine();
    SalesPipeline withPolicy = engine();
    checked = withPolicy.as(Principal.of(actor));
    plainIds = open(plain);
    checkedIds = open(checked);
    plainNext = 0;
    checkedNext = 0;
  }

  private static SalesPipeline engine() {
    OrgChart.Builder org = OrgChart.builder();
    for (int t = 0; t < 20; t++) {
      org.team(TeamId.of("team-" + t), UserId.of("manager-" + t));
      for (int m = 0; m < 10; m++) {
        org.member(UserId.of("rep-" + (t * 10 + m)), TeamId.of("team-" + t));
      }
    }
    return SalesPipeline.builder()
        .store(new InMemoryPipelineStore())
        .rules(
            RuleSet.builder()
                .pipelineRule(StandardPipelines.NEW_BUSINESS, new NoSkippingRule(0))
                .build())
        .accessPolicy(Grants.builder().org(org.build()).build())
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

  /** Baseline: a move through the pipeline itself, nothing checked. */
  @Benchmark
  public CommandResult moveUnchecked() {
    int n = plainNext++;
    return plain.move(plainIds[n % DEALS], STAGES[(n / DEALS + 1) % 2], actor);
  }

  /** The same move by the owner's view: deal read in scope, MOVE decided. */
  @Benchmark
  public CommandResult moveChecked() {
    int n = checkedNext++;
    return checked.move(checkedIds[n % DEALS], STAGES[(n / DEALS + 1) % 2], actor);
  }
}
