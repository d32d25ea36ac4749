package org.salespipeline.benchmarks.rollup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.TeamId;
import org.salespipeline.core.UserId;
import org.salespipeline.core.org.OrgChart;
import org.salespipeline.core.org.OrgNode;
import org.salespipeline.forecast.CategoryRollup;
import org.salespipeline.forecast.ForecastPeriod;
import org.salespipeline.forecast.Forecaster;
import org.salespipeline.forecast.PipelineSnapshot;
import org.salespipeline.forecast.rollup.OrgRollups;

/**
 * The effective-dated hierarchy roll-up ({@link OrgRollups#all}: every user and team node) of a
 * 5-level hierarchy (1 + 4 + 16 + 64 + 256 teams) with 1,000 owners over 1M deals, against the
 * plain roll-up of the same deals ({@link Forecaster#rollup}, {@link Forecaster#weighted}) in the
 * same run. 700k deals are open (closing over the next 12 months), 300k won over the past 12
 * months; 100 owners move team in the middle of the past year and 50 belong to two teams. Target:
 * the hierarchy roll-up within 3x the plain one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OrgRollupBenchmark {
  static final int N = 1_000_000;
  static final int OWNERS = 1_000;
  static final LocalDate AS_OF = LocalDate.of(2026, 7, 1);

  Forecaster forecaster;
  OrgChart org;
  OrgRollups rollups;

  /** The quarter after the snapshot date: about a quarter of the open deals. */
  final ForecastPeriod quarter = ForecastPeriod.quarter(2026, 3);

  /** Both years: every deal. */
  final ForecastPeriod everything = ForecastPeriod.of(AS_OF.minusYears(1), AS_OF.plusYears(1));

  @Setup
  public void setup() {
    SplittableRandom r = new SplittableRandom(42);
    org = org(r);
    PipelineSnapshot.Builder b = PipelineSnapshot.builder(Currency.getInstance("USD"), AS_OF);
    ForecastCategory[] cats = ForecastCategory.values();
    for (int i = 0; i < N; i++) {
      boolean won = i % 10 < 3;
      PipelineSnapshot.Row row =
          b.deal("d" + i)
              .amountMinor(100_00 + r.nextInt(10_000_000))
              .probability(r.nextDouble())
              .stage("s" + r.nextInt(6))
              .owner("rep" + r.nextInt(OWNERS));
      if (won) {
        row.closeDate(AS_OF.minusDays(1 + r.nextInt(365))).status(DealStatus.WON);
      } else {
        row.closeDate(AS_OF.plusDays(r.nextInt(365))).category(cats[r.nextInt(5)]);
      }
      row.add();
    }
    forecaster = Forecaster.of(b.build());
    rollups = OrgRollups.of(forecaster, org);
  }

  static OrgChart org(SplittableRandom r) {
    OrgChart.Builder b = OrgChart.builder();
    List<TeamId> level = List.of(TeamId.of("t0"));
    b.team(level.get(0), UserId.of("m0"));
    int id = 1;
    for (int depth = 1; depth < 5; depth++) {
      List<TeamId> next = new ArrayList<>();
      for (TeamId parent : level) {
        for (int k = 0; k < 4; k++) {
          TeamId t = TeamId.of("t" + id);
          b.team(t, UserId.of("m" + id), parent);
          next.add(t);
          id++;
        }
      }
      level = next;
    }
    Instant move = AS_OF.minusMonths(6).atStartOfDay(ZoneOffset.UTC).toInstant();
    for (int o = 0; o < OWNERS; o++) {
      UserId u = UserId.of("rep" + o);
      TeamId home = level.get(o % level.size());
      if (o < 100) {
        b.member(u, home, Instant.MIN, move);
        b.member(u, level.get((o + 7) % level.size()), move, null);
      } else {
        b.member(u, home);
        if (o < 150) {
          b.member(u, level.get((o + 100) % level.size()));
        }
      }
    }
    return b.build();
  }

  /** The plain category roll-up of the whole snapshot (one pass over every deal). */
  @Benchmark
  public CategoryRollup plainRollupQuarter() {
    return forecaster.rollup(quarter);
  }

  /** The plain weighted open pipeline of the period (one pass over the open deals). */
  @Benchmark
  public double plainWeightedQuarter() {
    return forecaster.weighted(quarter);
  }

  /** Every node's effective-dated roll-up for the quarter. */
  @Benchmark
  public Map<OrgNode, CategoryRollup> hierarchyRollupQuarter() {
    return rollups.all(quarter);
  }

  /** The plain roll-up of a period holding every deal. */
  @Benchmark
  public CategoryRollup plainRollupEverything() {
    return forecaster.rollup(everything);
  }

  /** Every node's effective-dated roll-up of a period holding every deal. */
  @Benchmark
  public Map<OrgNode, CategoryRollup> hierarchyRollupEverything() {
    return rollups.all(everything);
  }

  /** Building the index: one sort of the counted deals and the organisation per placement day. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public OrgRollups build() {
    return OrgRollups.of(forecaster, org);
  }
}
