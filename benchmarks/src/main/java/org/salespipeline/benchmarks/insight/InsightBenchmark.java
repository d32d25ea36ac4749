package org.salespipeline.benchmarks.insight;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
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
import org.salespipeline.core.ActivityId;
import org.salespipeline.core.ActivityType;
import org.salespipeline.core.CloseReason;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealId;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.Money;
import org.salespipeline.core.PipelineId;
import org.salespipeline.core.UserId;
import org.salespipeline.core.WorkspaceId;
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
  private static final int EVENTS_PER_DEAL = 10;
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
    SplittableRandom rnd = new SplittableRandom(42);
    UserId[] owners = new UserId[200];
    for (int i = 0; i < owners.length; i++) {
      owners[i] = UserId.of("rep" + i);
    }
    WorkspaceId ws = WorkspaceId.of("bench");
    List<DealEvent> out = new ArrayList<>(DEALS * EVENTS_PER_DEAL);
    ActivityId activity = ActivityId.of(new UUID(7, 7).toString());
    for (int n = 0; n < DEALS; n++) {
      DealId id = new DealId(new UUID(1, n));
      UserId owner = owners[rnd.nextInt(owners.length)];
      long at = T0.getEpochSecond() + rnd.nextLong(300L * 86_400);
      Money amount = Money.ofMinor(100_00L + rnd.nextLong(5_000_000), Money.currency("USD"));
      LocalDate close = LocalDate.ofEpochDay(at / 86_400 + 30 + rnd.nextInt(90));
      Deal deal =
          Deal.builder()
              .id(id)
              .workspace(ws)
              .pipeline(pipeline.id())
              .stage("lead")
              .status(DealStatus.OPEN)
              .name("Deal")
              .owner(owner)
              .amount(amount)
              .expectedCloseDate(close)
              .forecastCategory(ForecastCategory.PIPELINE)
              .createdAt(Instant.ofEpochSecond(at))
              .stageEnteredAt(Instant.ofEpochSecond(at))
              .version(1)
              .lastEventSequence(1)
              .build();
      long seq = 1;
      out.add(event(id, seq++, at, owner, new Change.Created(deal)));
      int pos = 0;
      int pushes = 0;
      boolean closed = false;
      while (seq <= EVENTS_PER_DEAL) {
        at += rnd.nextLong(4L * 86_400);
        int what = rnd.nextInt(10);
        Change change;
        if (closed || what < 4) {
          Instant when = Instant.ofEpochSecond(at);
          change =
              new Change.ActivityLogged(
                  activity, ActivityType.CALL, Optional.of(when), Optional.empty());
        } else if (what < 7 && pos < OPEN.length - 1) {
          int to = pos + (rnd.nextInt(8) == 0 ? 2 : 1);
          to = Math.min(to, OPEN.length - 1);
          change = new Change.StageChanged(OPEN[pos], OPEN[to]);
          pos = to;
        } else if (what == 7) {
          LocalDate next = close.plusDays(rnd.nextInt(30) - 5);
          pushes += next.isAfter(close) ? 1 : 0;
          change = new Change.CloseDateChanged(close, next, pushes);
          close = next;
        } else if (what == 8) {
          Money next = Money.ofMinor(100_00L + rnd.nextLong(5_000_000), Money.currency("USD"));
          change = new Change.AmountChanged(amount, next);
          amount = next;
        } else if (seq <= EVENTS_PER_DEAL - 1) {
          boolean win = rnd.nextInt(3) == 0;
          String to = win ? "won" : "lost";
          out.add(event(id, seq++, at, owner, new Change.StageChanged(OPEN[pos], to)));
          CloseReason reason =
              new CloseReason(win ? DealStatus.WON : DealStatus.LOST, "r", Optional.empty());
          change = win ? new Change.Won(reason) : new Change.Lost(reason);
          closed = true;
        } else {
          change =
              new Change.ActivityLogged(
                  activity,
                  ActivityType.FOLLOW_UP,
                  Optional.empty(),
                  Optional.of(Instant.ofEpochSecond(at + 86_400)));
        }
        out.add(event(id, seq++, at, owner, change));
      }
    }
    return out;
  }

  private static DealEvent event(DealId id, long seq, long at, UserId actor, Change change) {
    return new DealEvent(id, seq, seq, Instant.ofEpochSecond(at), actor, Optional.empty(), change);
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
