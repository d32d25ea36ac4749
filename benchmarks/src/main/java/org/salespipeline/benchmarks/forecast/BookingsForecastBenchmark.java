package org.salespipeline.benchmarks.forecast;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.salespipeline.benchmarks.workload.SyntheticHistory;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealId;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.PipelineId;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.stage.PipelineDefinition;
import org.salespipeline.core.stage.Stage;
import org.salespipeline.core.stage.StageOutcome;
import org.salespipeline.forecast.ForecastPeriod;
import org.salespipeline.forecast.bookings.BookingsForecast;
import org.salespipeline.forecast.bookings.BookingsForecaster;
import org.salespipeline.forecast.bookings.PartsForecast;
import org.salespipeline.forecast.bookings.PartsForecaster;

/**
 * The whole bookings forecast (reading the events into columns, fitting the in-period model at
 * every rolling origin, choosing the method by backtest, calibrating the band) over a synthetic
 * workspace of {@code deals} deals with 10 events each, held in memory, against one plain read of
 * the same events (a hand-written loop touching each event's header and the values its change
 * carries) in the same run. Target: within 5x.
 *
 * <p>The workspace spans two years, so the forecast as of its last months has a year of past
 * periods to evaluate and calibrate on (12 rolling origins, each refitted on its own past).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar BookingsForecast -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx6g", "-Xms6g"})
public class BookingsForecastBenchmark {
  private static final String[] OPEN = {"lead", "qualified", "proposal"};
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
  private static final Currency USD = Currency.getInstance("USD");

  @Param({"1000000"})
  public int deals;

  private List<DealEvent> events;
  private PipelineDefinition pipeline;
  private final ForecastPeriod period = ForecastPeriod.month(YearMonth.of(2025, 11));
  private final LocalDate asOf = LocalDate.of(2025, 11, 1);

  @Setup(Level.Trial)
  public void setUp() {
    pipeline =
        PipelineDefinition.builder()
            .id(PipelineId.of("sales"))
            .name("Sales")
            .addStages(
                Stage.open("lead", "Lead", 0.1, ForecastCategory.PIPELINE, null),
                Stage.open("qualified", "Qualified", 0.3, ForecastCategory.PIPELINE, null),
                Stage.open("proposal", "Proposal", 0.6, ForecastCategory.BEST_CASE, null),
                Stage.closed("won", "Won", StageOutcome.WON),
                Stage.closed("lost", "Lost", StageOutcome.LOST))
            .build();
    events = generate(pipeline, deals);
  }

  static List<DealEvent> generate(PipelineDefinition pipeline, int deals) {
    return new SyntheticHistory(OPEN, T0, 700, 60, 5, false).generate(pipeline, deals);
  }

  /** The whole forecast: read once into columns, rolling-origin choice and calibration, result. */
  @Benchmark
  public BookingsForecast forecast() {
    return BookingsForecaster.builder()
        .pipeline(pipeline)
        .reportingCurrency(USD)
        .events(events)
        .build()
        .forecast(period, asOf);
  }

  /**
   * The same month by part (issue 17): one read fanned out to the new-business, expansion and
   * renewal readers, the new-business part forecast as above (the synthetic deals are all new
   * business and carry no retention, so the other parts are empty and only their reading costs).
   */
  @Benchmark
  public PartsForecast partsForecast() {
    return PartsForecaster.builder()
        .pipeline(pipeline)
        .reportingCurrency(USD)
        .events(events)
        .build()
        .forecast(period, asOf);
  }

  /**
   * Baseline: one plain read of the same events: each event's deal id, sequence and time, its
   * change's kind and the values it carries that a forecast needs (a created deal's amount, stage,
   * close date and pipeline; a stage move's keys; a new amount or close date; a close's status).
   */
  @Benchmark
  public long plainRead() {
    long sum = 0;
    DealId last = null;
    for (DealEvent e : events) {
      if (e.dealId() != last) {
        last = e.dealId();
        sum++;
      }
      sum += e.sequence() + e.at().getEpochSecond();
      Change c = e.change();
      if (c instanceof Change.StageChanged m) {
        sum += m.from().length() + m.to().length();
      } else if (c instanceof Change.CloseDateChanged d) {
        sum += d.to().toEpochDay() + d.pushCount();
      } else if (c instanceof Change.AmountChanged m) {
        sum += m.to().toMinorUnits();
      } else if (c instanceof Change.Created created) {
        Deal d = created.deal();
        sum +=
            d.amount().toMinorUnits()
                + d.expectedCloseDate().toEpochDay()
                + d.stage().length()
                + System.identityHashCode(d.pipeline());
      } else if (c instanceof Change.Won w) {
        sum += w.reason().status().ordinal();
      } else if (c instanceof Change.Lost l) {
        sum += l.reason().status().ordinal();
      }
    }
    return sum;
  }

  /**
   * Interleaved timing outside JMH, for a loaded machine: each round runs one plain read and one
   * whole forecast back to back and prints both and their ratio; the median ratio closes the run.
   *
   * <p>Run: {@code java -Xmx5g -cp benchmarks/target/benchmarks.jar
   * org.salespipeline.benchmarks.forecast.BookingsForecastBenchmark 1000000 9}
   *
   * @param args deals (default 1,000,000) and rounds (default 9)
   */
  public static void main(String[] args) {
    BookingsForecastBenchmark b = new BookingsForecastBenchmark();
    b.deals = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 9;
    b.setUp();
    double[] ratios = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      long t0 = System.nanoTime();
      long sum = b.plainRead();
      long t1 = System.nanoTime();
      BookingsForecast f = b.forecast();
      long t2 = System.nanoTime();
      ratios[r] = (double) (t2 - t1) / (t1 - t0);
      System.out.printf(
          "round %d: plain read %d ms, forecast %d ms, ratio %.2f (%s, %d)%n",
          r + 1, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, ratios[r], f.method(), sum % 10);
    }
    java.util.Arrays.sort(ratios);
    System.out.printf("median ratio %.2f over %d rounds%n", ratios[rounds / 2], rounds);
  }
}
