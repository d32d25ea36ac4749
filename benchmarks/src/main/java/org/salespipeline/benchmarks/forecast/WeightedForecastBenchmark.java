package org.salespipeline.benchmarks.forecast;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.forecast.Dimension;
import org.salespipeline.forecast.ForecastPeriod;
import org.salespipeline.forecast.ForecastTable;
import org.salespipeline.forecast.Forecaster;
import org.salespipeline.forecast.PipelineSnapshot;

/**
 * Weighted forecast of 1M open deals against a hand-written primitive loop over the same columns
 * (floor: at most 1.5x), and grouped by 12 months x 50 owners (floor: at most 3x the baseline).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class WeightedForecastBenchmark {
  static final int N = 1_000_000;

  long[] amounts;
  double[] probabilities;
  int[] closeDays;
  int[] owners;
  Forecaster forecaster;
  List<ForecastPeriod> months;

  @Setup
  public void setup() {
    SplittableRandom r = new SplittableRandom(42);
    LocalDate asOf = LocalDate.of(2026, 1, 1);
    PipelineSnapshot.Builder b = PipelineSnapshot.builder(Currency.getInstance("USD"), asOf);
    ForecastCategory[] cats = ForecastCategory.values();
    for (int i = 0; i < N; i++) {
      b.deal("d" + i)
          .amountMinor(100_00 + r.nextInt(10_000_000))
          .probability(r.nextDouble())
          .closeDate(asOf.plusDays(r.nextInt(365)))
          .stage("s" + r.nextInt(6))
          .owner("rep" + r.nextInt(50))
          .category(cats[r.nextInt(4)])
          .add();
    }
    PipelineSnapshot s = b.build();
    forecaster = Forecaster.of(s);
    amounts = s.amounts();
    probabilities = s.probabilities();
    closeDays = new int[N];
    owners = new int[N];
    for (int i = 0; i < N; i++) {
      closeDays[i] = s.closeDay(i);
      owners[i] = s.owner(i);
    }
    months = ForecastPeriod.months(YearMonth.of(2026, 1), 12);
  }

  /** Baseline: sum a_i p_i in a plain loop over primitive arrays. */
  @Benchmark
  public double baselinePrimitiveLoop() {
    long[] a = amounts;
    double[] p = probabilities;
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * p[i];
    }
    return s;
  }

  /** The library's exact (fixed-point) weighted total. */
  @Benchmark
  public long weighted() {
    return forecaster.weightedScaled();
  }

  /** The library's table by 12 months x 50 owners, with amounts and counts per cell. */
  @Benchmark
  public ForecastTable groupedByPeriodAndOwner() {
    return forecaster.weightedBy(months, Dimension.OWNER);
  }
}
