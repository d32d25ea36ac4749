package org.salespipeline.examples.insight;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.salespipeline.core.DealStatus;
import org.salespipeline.forecast.Calibration;
import org.salespipeline.forecast.DealSnapshots;
import org.salespipeline.forecast.ForecastAccuracy;
import org.salespipeline.forecast.ForecastPeriod;
import org.salespipeline.forecast.Forecaster;
import org.salespipeline.forecast.PipelineSnapshot;
import org.salespipeline.forecast.distribution.RevenueDistribution;

/**
 * How well a monthly bookings forecast would have done. At the start of each of the last complete
 * months it rebuilds the pipeline as it stood then ({@link DealSnapshots#fromHistory}, no
 * look-ahead) and gives each open deal the share of deals that won within a month among the deals
 * that were open in the same stage, for about as long, at the start of the {@value
 * #TRAINING_MONTHS} months before (a landmark life table: the question asked is exactly the one
 * answered, "open in this stage now, won by the end of the month"). pipeline-forecast's {@link
 * Forecaster} turns those probabilities into the month's revenue distribution, which is compared
 * with what was won in the month. For contrast, the stages' default probabilities over the deals
 * expected to close in the month (overdue ones included). Then the current month and the two after,
 * forecast at the start of the current month.
 *
 * <p>Why not {@code DealSnapshots.survival}: its stage strata follow each deal from entering a
 * stage to its close, so a stage's risk set also holds deals that have since moved on to later
 * stages and win far more often; on the demo's six-stage pipeline that overstates every month (see
 * the README). All amounts are in major units of the reporting currency. Stateless.
 */
public final class Backtest {
  /** How many earlier month starts the win rates are learned from. */
  public static final int TRAINING_MONTHS = 12;

  private static final int[] DAYS_IN_STAGE = {7, 30, 90};
  private static final int LEADS = 3;
  private static final double PRIOR_WEIGHT = 5;

  private Backtest() {}

  /**
   * One month of the fan chart.
   *
   * @param month the month
   * @param p10 the pessimistic forecast made at the month's start (at the current month's start,
   *     for the current and later months)
   * @param p50 the median forecast
   * @param p90 the optimistic forecast
   * @param expected the mean forecast
   * @param stageDefault the mean forecast with the stages' default probabilities over the deals
   *     expected to close in the month
   * @param actual won in the month (so far, for the current month); NaN for future months
   * @param past whether the month is complete
   */
  public record Month(
      YearMonth month,
      double p10,
      double p50,
      double p90,
      double expected,
      double stageDefault,
      double actual,
      boolean past) {}

  /**
   * The backtest.
   *
   * @param months past months, then the current month and two ahead
   * @param accuracy the mean forecast against actual bookings over past months
   * @param stageDefaultAccuracy the same with the stages' default probabilities
   * @param coverage share of past months whose bookings fell within P10..P90
   * @param calibration per deal open at a month's start: its probability against "won in the month"
   */
  public record Result(
      List<Month> months,
      ForecastAccuracy accuracy,
      ForecastAccuracy stageDefaultAccuracy,
      double coverage,
      Calibration calibration) {

    /** The past months only. */
    public List<Month> past() {
      return months.stream().filter(Month::past).toList();
    }
  }

  /**
   * Runs the backtest.
   *
   * @param history the workspace's history
   * @param today the last day of the history
   * @param pastMonths how many complete months to test, at least 1
   */
  public static Result run(PipelineHistory history, LocalDate today, int pastMonths) {
    YearMonth current = YearMonth.from(today);
    YearMonth first = current.minusMonths(pastMonths + TRAINING_MONTHS);
    HistoryWindows windows = new HistoryWindows(history);
    // snapshots at every month start from the first training month to the current month
    Map<YearMonth, PipelineSnapshot> starts = new HashMap<>();
    for (YearMonth m = first; !m.isAfter(current); m = m.plusMonths(1)) {
      starts.put(m, windows.snapshot(start(m, history)));
    }
    PipelineSnapshot latest = history.snapshot(history.clock().instant());
    // the month (as an offset from the snapshot's month) in which each open deal was won, or -1
    Map<YearMonth, int[]> wonIn = new HashMap<>();
    for (YearMonth m = first; !m.isAfter(current); m = m.plusMonths(1)) {
      wonIn.put(m, wonOffsets(starts.get(m), latest, m));
    }
    double scale = Math.pow(10, history.currency().getDefaultFractionDigits());
    List<Month> months = new ArrayList<>();
    List<Double> probabilities = new ArrayList<>();
    List<Boolean> outcomes = new ArrayList<>();
    for (int k = pastMonths; k >= -2; k--) {
      YearMonth month = current.minusMonths(k);
      YearMonth origin = k > 0 ? month : current;
      int lead = k > 0 ? 0 : -k;
      PipelineSnapshot raw = starts.get(origin);
      ForecastPeriod period = ForecastPeriod.month(month);
      double[] p = rates(starts, wonIn, origin, lead).probabilities(raw);
      Forecaster forecaster = Forecaster.of(moved(raw, month.atDay(1), true)).withProbabilities(p);
      RevenueDistribution d = forecaster.distribution(period);
      double stageDefault =
          Forecaster.of(moved(raw, month.atDay(1), false)).distribution(period).mean();
      double actual =
          k < 0
              ? Double.NaN
              : Forecaster.of(k == 0 ? latest : starts.get(month.plusMonths(1))).closed(period)
                  / scale;
      months.add(
          new Month(
              month,
              d.p10() / scale,
              d.p50() / scale,
              d.p90() / scale,
              d.mean() / scale,
              stageDefault / scale,
              actual,
              k > 0));
      if (k > 0) {
        int[] won = wonIn.get(month);
        for (int i = 0; i < raw.openCount(); i++) {
          probabilities.add(p[i]);
          outcomes.add(won[i] == 0);
        }
      }
    }
    List<Month> tested = months.stream().filter(Month::past).toList();
    double[] actual = tested.stream().mapToDouble(Month::actual).toArray();
    long covered =
        tested.stream().filter(m -> m.actual() >= m.p10() && m.actual() <= m.p90()).count();
    boolean[] o = new boolean[outcomes.size()];
    for (int i = 0; i < o.length; i++) {
      o[i] = outcomes.get(i);
    }
    return new Result(
        List.copyOf(months),
        ForecastAccuracy.of(tested.stream().mapToDouble(Month::expected).toArray(), actual),
        ForecastAccuracy.of(tested.stream().mapToDouble(Month::stageDefault).toArray(), actual),
        tested.isEmpty() ? 0 : (double) covered / tested.size(),
        Calibration.of(probabilities.stream().mapToDouble(Double::doubleValue).toArray(), o, 10));
  }

  /** Just before the month's first day starts. */
  private static Instant start(YearMonth month, PipelineHistory history) {
    return month.atDay(1).atStartOfDay(history.zone()).toInstant().minusNanos(1);
  }

  /**
   * For each open row of the month's start snapshot, the month offset (0 = that month) in which the
   * deal was won, as {@code latest} (the snapshot now) tells, or -1 if not won.
   */
  private static int[] wonOffsets(PipelineSnapshot at, PipelineSnapshot latest, YearMonth month) {
    Map<String, Integer> wonDay = new HashMap<>();
    for (int i = latest.openCount(); i < latest.size(); i++) {
      if (latest.status(i) == DealStatus.WON) {
        wonDay.put(latest.id(i), latest.closeDay(i));
      }
    }
    int[] offsets = new int[at.openCount()];
    for (int i = 0; i < offsets.length; i++) {
      Integer day = wonDay.get(at.id(i));
      offsets[i] =
          day == null
              ? -1
              : (int)
                  month.until(
                      YearMonth.from(LocalDate.ofEpochDay(day)),
                      java.time.temporal.ChronoUnit.MONTHS);
    }
    return offsets;
  }

  /**
   * Win rates for a forecast made at the start of {@code origin} for the month {@code lead} months
   * later, learned from the month starts whose outcome month had ended by then.
   */
  private static WinRates rates(
      Map<YearMonth, PipelineSnapshot> starts,
      Map<YearMonth, int[]> wonIn,
      YearMonth origin,
      int lead) {
    WinRates rates = new WinRates();
    for (int back = 1 + lead; back <= TRAINING_MONTHS + lead; back++) {
      YearMonth m = origin.minusMonths(back);
      PipelineSnapshot s = starts.get(m);
      if (s != null) {
        int[] won = wonIn.get(m);
        for (int i = 0; i < s.openCount(); i++) {
          rates.add(s, i, won[i] == lead);
        }
      }
    }
    return rates;
  }

  /** Deals open at a month start and how many of them won in the month, by stage and stay. */
  private static final class WinRates {
    private final Map<String, long[]> cells = new HashMap<>();
    private final Map<String, long[]> stages = new HashMap<>();
    private final long[] all = new long[2];

    void add(PipelineSnapshot s, int row, boolean won) {
      String stage = s.stageNames().get(s.stage(row));
      count(cells.computeIfAbsent(stage + "/" + bucket(s.daysInStage(row)), k -> new long[2]), won);
      count(stages.computeIfAbsent(stage, k -> new long[2]), won);
      count(all, won);
    }

    private static void count(long[] c, boolean won) {
      c[0]++;
      c[1] += won ? 1 : 0;
    }

    /**
     * One probability per row: the cell's rate shrunk towards its stage's (and the stage's towards
     * the overall) with the weight of {@value #PRIOR_WEIGHT} deals, so thin cells stay sensible.
     */
    double[] probabilities(PipelineSnapshot s) {
      double overall = all[0] == 0 ? 0 : (double) all[1] / all[0];
      double[] p = new double[s.size()];
      for (int i = 0; i < s.openCount(); i++) {
        String stage = s.stageNames().get(s.stage(i));
        double stageRate = shrunk(stages.get(stage), overall);
        p[i] = shrunk(cells.get(stage + "/" + bucket(s.daysInStage(i))), stageRate);
      }
      for (int i = s.openCount(); i < p.length; i++) {
        p[i] = s.status(i) == DealStatus.WON ? 1 : 0;
      }
      return p;
    }

    private static double shrunk(long[] c, double prior) {
      return c == null ? prior : (c[1] + PRIOR_WEIGHT * prior) / (c[0] + PRIOR_WEIGHT);
    }

    private static int bucket(int daysInStage) {
      int b = 0;
      while (b < DAYS_IN_STAGE.length && daysInStage >= DAYS_IN_STAGE[b]) {
        b++;
      }
      return b;
    }
  }

  /**
   * The snapshot with open deals moved to {@code from}: every open deal when {@code all} (its
   * probability already says whether it wins within the month, whatever its close date says), else
   * only the overdue ones.
   */
  private static PipelineSnapshot moved(PipelineSnapshot raw, LocalDate from, boolean all) {
    int first = Math.toIntExact(from.toEpochDay());
    return raw.with(
        b -> {
          for (int i = 0; i < raw.openCount(); i++) {
            if (all || raw.closeDay(i) < first) {
              b.row(raw.id(i)).closeDate(from).add();
            }
          }
        });
  }
}
