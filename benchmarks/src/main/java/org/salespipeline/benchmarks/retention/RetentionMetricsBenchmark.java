package org.salespipeline.benchmarks.retention;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.salespipeline.core.AccountId;
import org.salespipeline.core.CloseReason;
import org.salespipeline.core.DealId;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.Money;
import org.salespipeline.core.RetentionStatus;
import org.salespipeline.core.RevenueCause;
import org.salespipeline.core.UserId;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.forecast.ForecastPeriod;
import org.salespipeline.forecast.retention.RetentionMetrics;
import org.salespipeline.forecast.retention.RetentionReport;

/**
 * Issue 17: retention metrics (waterfall, GRR, NRR, logo retention and churn per quarter, cohorts,
 * time to onboard, churn reasons) over {@code accounts} customers' histories held in memory,
 * against one plain read of the same events (a hand-written loop touching each event's header and
 * the values its change carries) in the same run. Target: within 3x.
 *
 * <p>Each account's history is its won deal's: the close (stage change, win), onboarding started
 * with the new recurring revenue, onboarding completed, a health check, and for most accounts one
 * more revenue change a year later (expansion, partial churn or churn): 7-8 events per account.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar RetentionMetrics -f 1 -wi 3 -i 5}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx6g", "-Xms6g"})
public class RetentionMetricsBenchmark {
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  private static final Currency USD = Currency.getInstance("USD");
  private static final UserId CS = UserId.of("cs");
  private static final String[] REASONS = {"budget", "competitor", "no adoption", "merger"};

  @Param({"1000000"})
  public int accounts;

  private List<DealEvent> events;
  private RetentionMetrics metrics;

  @Setup(Level.Trial)
  public void setUp() {
    events = generate(accounts, 17);
    metrics =
        RetentionMetrics.of(
            List.of(
                ForecastPeriod.quarter(2025, 3),
                ForecastPeriod.quarter(2025, 4),
                ForecastPeriod.quarter(2026, 1),
                ForecastPeriod.quarter(2026, 2)),
            USD);
  }

  /** The histories of {@code accounts} customers won over 2025, grouped by deal. */
  static List<DealEvent> generate(int accounts, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<DealEvent> out = new ArrayList<>(accounts * 8);
    CloseReason won = new CloseReason(DealStatus.WON, "won", Optional.empty());
    for (int a = 0; a < accounts; a++) {
      AccountId account = new AccountId(new UUID(0x0190_0000_0000_7000L, a));
      DealId deal = new DealId(new UUID(0x0191_0000_0000_7000L, a));
      Instant winAt = T0.plusSeconds(random.nextLong(365L * 86_400));
      Money value = Money.ofMinor(100_000L * (1 + random.nextInt(500)), USD);
      Money zero = Money.ofMinor(0, USD);
      List<Change> changes = new ArrayList<>(8);
      List<Instant> times = new ArrayList<>(8);
      changes.add(new Change.StageChanged("negotiation", "closed-won"));
      times.add(winAt);
      changes.add(new Change.Won(won));
      times.add(winAt);
      changes.add(
          new Change.RetentionChanged(
              account, Optional.empty(), RetentionStatus.ONBOARDING, "won"));
      times.add(winAt);
      changes.add(
          new Change.RecurringRevenueChanged(account, zero, value, RevenueCause.NEW_BUSINESS, ""));
      times.add(winAt);
      Instant onboarded = winAt.plusSeconds(86_400L * (5 + random.nextInt(60)));
      changes.add(
          new Change.RetentionChanged(
              account,
              Optional.of(RetentionStatus.ONBOARDING),
              RetentionStatus.ACTIVE,
              "onboarded"));
      times.add(onboarded);
      changes.add(new Change.HealthChecked(account, random.nextInt(101), ""));
      times.add(onboarded.plusSeconds(86_400L * 30));
      int fate = random.nextInt(10);
      Instant later = winAt.plusSeconds(86_400L * (200 + random.nextInt(200)));
      if (fate < 4) {
        Money more = value.plus(Money.ofMinor(10_000L * (1 + random.nextInt(100)), USD));
        changes.add(
            new Change.RecurringRevenueChanged(account, value, more, RevenueCause.EXPANSION, ""));
        times.add(later);
      } else if (fate < 6) {
        Money less = Money.ofMinor(value.toMinorUnits() / 2, USD);
        changes.add(
            new Change.RecurringRevenueChanged(
                account, value, less, RevenueCause.PARTIAL_CHURN, REASONS[fate % 4]));
        times.add(later);
      } else if (fate < 8) {
        String reason = REASONS[random.nextInt(REASONS.length)];
        changes.add(
            new Change.RetentionChanged(
                account, Optional.of(RetentionStatus.ACTIVE), RetentionStatus.CHURNED, reason));
        times.add(later);
        changes.add(
            new Change.RecurringRevenueChanged(account, value, zero, RevenueCause.CHURN, reason));
        times.add(later);
      }
      for (int i = 0; i < changes.size(); i++) {
        out.add(
            new DealEvent(
                deal, 10 + i, 10 + i, times.get(i), CS, Optional.empty(), changes.get(i)));
      }
    }
    return out;
  }

  /** The whole retention report: one read into columns, per-account sweep, periods, cohorts. */
  @Benchmark
  public RetentionReport metrics() {
    return metrics.read(events.stream());
  }

  /**
   * Baseline: one plain read of the same events: each event's deal id, sequence and time, its
   * change's kind and the values it carries that retention needs (the account, a revenue change's
   * amounts, a status change's statuses).
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
      if (c instanceof Change.RecurringRevenueChanged r) {
        sum += r.account().hashCode() + r.from().toMinorUnits() + r.to().toMinorUnits();
      } else if (c instanceof Change.RetentionChanged r) {
        sum += r.account().hashCode() + r.to().ordinal() + r.reason().length();
      } else if (c instanceof Change.HealthChecked h) {
        sum += h.score();
      } else if (c instanceof Change.StageChanged m) {
        sum += m.to().length();
      }
    }
    return sum;
  }

  /**
   * Interleaved timing outside JMH, for a loaded machine: each round runs one plain read and one
   * whole report back to back and prints both and their ratio; the median ratio closes the run.
   *
   * <p>Run: {@code java -Xmx6g -cp benchmarks/target/benchmarks.jar
   * org.salespipeline.benchmarks.retention.RetentionMetricsBenchmark 1000000 9}
   *
   * @param args accounts (default 1,000,000) and rounds (default 9)
   */
  public static void main(String[] args) {
    RetentionMetricsBenchmark b = new RetentionMetricsBenchmark();
    b.accounts = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 9;
    b.setUp();
    System.out.printf("%d accounts, %d events%n", b.accounts, b.events.size());
    double[] ratios = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      long t0 = System.nanoTime();
      long sum = b.plainRead();
      long t1 = System.nanoTime();
      RetentionReport report = b.metrics();
      long t2 = System.nanoTime();
      ratios[r] = (double) (t2 - t1) / (t1 - t0);
      System.out.printf(
          "round %d: plain read %d ms, metrics %d ms, ratio %.2f (NRR %.3f, %d)%n",
          r + 1,
          (t1 - t0) / 1_000_000,
          (t2 - t1) / 1_000_000,
          ratios[r],
          report.periods().get(3).netRevenueRetention(),
          sum % 10);
    }
    java.util.Arrays.sort(ratios);
    System.out.printf("median ratio %.2f over %d rounds%n", ratios[rounds / 2], rounds);
  }
}
