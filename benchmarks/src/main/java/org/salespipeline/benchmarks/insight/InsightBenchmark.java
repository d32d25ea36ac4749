package org.salespipeline.benchmarks.insight;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
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
import org.salespipeline.benchmarks.workload.SyntheticHistory;
import org.salespipeline.core.DealId;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.PipelineId;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.stage.PipelineDefinition;
import org.salespipeline.core.stage.Stage;
import org.salespipeline.core.stage.StageOutcome;
import org.salespipeline.forecast.ForecastPeriod;
import org.salespipeline.forecast.insight.InsightReport;
import org.salespipeline.forecast.insight.PipelineInsight;

/**
 * The whole insight analysis over 1M deals and 10M history events held in memory, against one plain
 * read of the same events (deal boundaries, sequence, timestamp and change type), measured in the
 * same run. The floor for the ratio is 3x.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar Insight -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx10g", "-Xms10g", "-XX:+AlwaysPreTouch"})
public class InsightBenchmark {
  private static final int DEALS = 1_000_000;
  private static final String[] OPEN = {"lead", "qualified", "proposal", "negotiation"};
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  private List<DealEvent> events;
  private PipelineInsight insight;

  @Setup(Level.Trial)
  public void setUp() {
    PipelineDefinition pipeline =
        PipelineDefinition.builder()
            .id(PipelineId.of("sales"))
            .name("Sales")
            .addStages(
                Stage.open("lead", "Lead", 0.1, ForecastCategory.PIPELINE, Duration.ofDays(14)),
                Stage.open("qualified", "Qualified", 0.2, ForecastCategory.PIPELINE, null),
                Stage.open("proposal", "Proposal", 0.5, ForecastCategory.BEST_CASE, null),
                Stage.open(
                    "negotiation",
                    "Negotiation",
                    0.7,
                    ForecastCategory.MOST_LIKELY,
                    Duration.ofDays(21)),
                Stage.closed("won", "Won", StageOutcome.WON),
                Stage.closed("lost", "Lost", StageOutcome.LOST),
                Stage.closed("disqualified", "Disqualified", StageOutcome.DISQUALIFIED))
            .build();
    events = generate(pipeline);
    insight =
        PipelineInsight.builder()
            .addPipeline(pipeline)
            .events(events)
            .reportingCurrency("USD")
            .asOf(T0.plus(Duration.ofDays(365)))
            .periods(ForecastPeriod.months(YearMonth.of(2025, 1), 13))
            .build();
  }

  static List<DealEvent> generate(PipelineDefinition pipeline) {
    return new SyntheticHistory(OPEN, T0, 300, 90, 4, true).generate(pipeline, DEALS);
  }

  /** The whole analysis: one pass over the events plus sweeps over the open deals. */
  @Benchmark
  public InsightReport insight() {
    return insight.analyze();
  }

  /**
   * Baseline: one plain read of the same events, each read whole: the deal id, sequence and time,
   * the change's kind and the values it carries (a created deal's amount, close date, push count,
   * status, stage, owner, pipeline, source, qualification and activity times; a stage move's keys;
   * a new amount, close date or owner; an activity's times; a close reason). This is the least any
   * consumer of the history has to read. The change is read through {@link Change.Visitor}, as
   * every consumer in the project reads it: one reused visitor, one dispatch per event.
   */
  @Benchmark
  public long plainRead() {
    ChangeRead read = new ChangeRead();
    long sum = 0;
    DealId last = null;
    for (DealEvent e : events) {
      if (e.dealId() != last) {
        last = e.dealId();
        sum++;
      }
      sum += e.sequence() + e.at().getEpochSecond();
      e.change().accept(read);
    }
    return sum + read.sum;
  }

  /**
   * A narrower read for comparison: only each event's deal id, sequence, time and whether it is a
   * stage move, not the values the changes carry.
   */
  @Benchmark
  public long headerRead() {
    long sum = 0;
    DealId last = null;
    for (DealEvent e : events) {
      if (e.dealId() != last) {
        last = e.dealId();
        sum++;
      }
      sum += e.sequence() + e.at().getEpochSecond();
      // why: the stored type name, not a second visitor, so that the visitors' call sites in the
      // changes see no more receiver types than the plain read's and the fold's
      if (Change.StageChanged.TYPE.equals(e.change().typeName())) {
        sum++;
      }
    }
    return sum;
  }
}
