package org.salespipeline.benchmarks.rollup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.Money;
import org.salespipeline.core.TeamId;
import org.salespipeline.core.UserId;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.call.Adjustment;
import org.salespipeline.core.call.AdjustmentCell;
import org.salespipeline.core.call.AdjustmentKind;
import org.salespipeline.core.call.AdjustmentLedger;
import org.salespipeline.core.call.CallCategory;
import org.salespipeline.core.call.CallPeriod;
import org.salespipeline.core.org.OrgChart;
import org.salespipeline.core.org.OrgDirectory;
import org.salespipeline.core.org.OrgNode;
import org.salespipeline.forecast.CategoryRollup;
import org.salespipeline.forecast.ForecastPeriod;
import org.salespipeline.forecast.Forecaster;
import org.salespipeline.forecast.PipelineSnapshot;
import org.salespipeline.forecast.rollup.AdjustedRollups;
import org.salespipeline.forecast.rollup.NodeRollups;

/**
 * The adjustment layer's cost (issue 18) over a 5-level hierarchy of teams (1, 4, 16, 64, 256) with
 * 1,000 owners in the leaf teams, 300 adjustments in force (deltas and overrides on users and teams
 * at every level), every node's commit read (1,341 cells):
 *
 * <ul>
 *   <li>{@link #systemCells} and {@link #adjustedCells}: a given {@link NodeRollups} (a precomputed
 *       table, the cheapest one possible), read plainly or through {@link AdjustedRollups} built
 *       anew each time: the layer's overhead over the look-ups alone;
 *   <li>{@link #plainRollup} and {@link #adjustedRollup}: the same over 1M deals, the roll-up
 *       computed ({@link Forecaster#rollupByOwner} summed up the tree) and then read plainly or
 *       adjusted. Target: within 3x.
 * </ul>
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar AdjustedRollup -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx4g", "-Xms4g"})
public class AdjustedRollupBenchmark {
  static final int DEALS = 1_000_000;
  static final int OWNERS = 1_000;
  static final ForecastPeriod Q1 =
      ForecastPeriod.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 1));
  static final Instant AT = Instant.parse("2026-02-01T00:00:00Z");

  OrgDirectory org;
  List<OrgNode> nodes;
  List<TeamId> teamsBottomUp;
  Map<TeamId, List<TeamId>> children;
  Map<TeamId, List<UserId>> members;
  Forecaster forecaster;
  NodeRollups table;
  AdjustmentLedger ledger;

  @Setup
  public void setup() {
    OrgChart.Builder b = OrgChart.builder();
    List<List<TeamId>> levels = new ArrayList<>();
    children = new HashMap<>();
    members = new HashMap<>();
    levels.add(List.of(TeamId.of("t0")));
    b.team(TeamId.of("t0"), UserId.of("m-t0"));
    for (int level = 1; level < 5; level++) {
      List<TeamId> next = new ArrayList<>();
      for (TeamId parent : levels.get(level - 1)) {
        for (int c = 0; c < 4; c++) {
          TeamId t = TeamId.of(parent.value() + "." + c);
          b.team(t, UserId.of("m-" + t.value()), parent);
          children.computeIfAbsent(parent, k -> new ArrayList<>()).add(t);
          next.add(t);
        }
      }
      levels.add(next);
    }
    List<TeamId> leaves = levels.get(4);
    nodes = new ArrayList<>();
    for (int o = 0; o < OWNERS; o++) {
      TeamId team = leaves.get(o % leaves.size());
      UserId user = UserId.of("rep" + o);
      b.member(user, team);
      members.computeIfAbsent(team, k -> new ArrayList<>()).add(user);
      nodes.add(OrgNode.user(user));
    }
    org = b.build();
    teamsBottomUp = new ArrayList<>();
    for (int level = 4; level >= 0; level--) {
      teamsBottomUp.addAll(levels.get(level));
      levels.get(level).forEach(t -> nodes.add(OrgNode.team(t)));
    }

    SplittableRandom r = new SplittableRandom(42);
    LocalDate asOf = LocalDate.of(2026, 1, 1);
    PipelineSnapshot.Builder sb = PipelineSnapshot.builder(Currency.getInstance("USD"), asOf);
    ForecastCategory[] cats = ForecastCategory.values();
    for (int i = 0; i < DEALS; i++) {
      sb.deal("d" + i)
          .amountMinor(100_00 + r.nextInt(10_000_000))
          .probability(r.nextDouble())
          .closeDate(asOf.plusDays(r.nextInt(365)))
          .stage("s" + r.nextInt(6))
          .owner("rep" + r.nextInt(OWNERS))
          .category(cats[r.nextInt(4)])
          .add();
    }
    forecaster = Forecaster.of(sb.build());
    table = tableOf(forecaster);

    CallPeriod period = CallPeriod.of(Q1.start(), Q1.end());
    List<Adjustment> adjustments = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      OrgNode node = nodes.get(r.nextInt(nodes.size()));
      boolean override = r.nextInt(4) == 0;
      adjustments.add(
          Adjustment.builder()
              .workspace(WorkspaceId.of("bench"))
              .cell(AdjustmentCell.of(node, period, "revenue", CallCategory.COMMIT))
              .version(1)
              .kind(override ? AdjustmentKind.OVERRIDE : AdjustmentKind.DELTA)
              .amount(Money.ofMinor(r.nextInt(1_000_000), Currency.getInstance("USD")))
              .reason("review")
              .adjustedBy(UserId.of("m-t0"))
              .adjustedAt(AT.minusSeconds(60))
              .build());
    }
    // why: one version per cell; a node drawn twice keeps its first adjustment
    Map<AdjustmentCell, Adjustment> firstPerCell = new HashMap<>();
    adjustments.forEach(a -> firstPerCell.putIfAbsent(a.cell(), a));
    ledger = AdjustmentLedger.of(new ArrayList<>(firstPerCell.values()));
  }

  /** The system roll-up of every node: owners' rows summed up the tree, leaves first. */
  NodeRollups tableOf(Forecaster f) {
    Map<String, CategoryRollup> byOwner = f.rollupByOwner(Q1);
    CategoryRollup zero = new CategoryRollup(0, 0, 0, 0, 0);
    Map<OrgNode, CategoryRollup> out = new HashMap<>();
    for (Map.Entry<String, CategoryRollup> e : byOwner.entrySet()) {
      out.put(OrgNode.user(UserId.of(e.getKey())), e.getValue());
    }
    for (TeamId t : teamsBottomUp) {
      CategoryRollup sum = zero;
      for (UserId u : members.getOrDefault(t, List.of())) {
        sum = sum.plus(out.getOrDefault(OrgNode.user(u), zero));
      }
      for (TeamId c : children.getOrDefault(t, List.of())) {
        sum = sum.plus(out.get(OrgNode.team(c)));
      }
      out.put(OrgNode.team(t), sum);
    }
    return (node, period) -> out.getOrDefault(node, zero);
  }

  long readPlain(NodeRollups rollups) {
    long s = 0;
    for (OrgNode n : nodes) {
      s += rollups.of(n, Q1).commit();
    }
    return s;
  }

  long readAdjusted(NodeRollups rollups) {
    AdjustedRollups layer = AdjustedRollups.over(rollups, org, Q1, "revenue", ledger, AT);
    long s = 0;
    for (OrgNode n : nodes) {
      s += layer.adjusted(n, CallCategory.COMMIT);
    }
    return s;
  }

  /** Every node's commit from a given roll-up table. */
  @Benchmark
  public long systemCells() {
    return readPlain(table);
  }

  /** The same cells through the adjustment layer, built anew from the ledger. */
  @Benchmark
  public long adjustedCells() {
    return readAdjusted(table);
  }

  /** The roll-up of 1M deals computed and every node's commit read. */
  @Benchmark
  public long plainRollup() {
    return readPlain(tableOf(forecaster));
  }

  /** The same with the adjustments layered over it. */
  @Benchmark
  public long adjustedRollup() {
    return readAdjusted(tableOf(forecaster));
  }
}
