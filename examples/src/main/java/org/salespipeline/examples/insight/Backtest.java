package org.salespipeline.examples.insight;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealHistory;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.StageVisit;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.forecast.Calibration;
import org.salespipeline.forecast.DealSnapshots;
import org.salespipeline.forecast.ForecastAccuracy;
import org.salespipeline.forecast.Forecaster;
import org.salespipeline.forecast.Period;
import org.salespipeline.forecast.PipelineSnapshot;
import org.salespipeline.forecast.distribution.RevenueDistribution;
import org.salespipeline.forecast.model.SurvivalModel;

/**
 * How well a monthly bookings forecast would have done: at the start of each of the last complete
 * months it rebuilds the pipeline as it stood then ({@link DealSnapshots#fromHistory}, no
 * look-ahead), fits pipeline-forecast's {@link SurvivalModel} (won within the month, by stage and
 * deal age) on the history up to then, forecasts the month's bookings from every open deal and
 * compares with what was actually won in the month. For contrast, the stages' default probabilities
 * over the deals expected to close in the month (overdue ones included). Then the same forecast for
 * this month and the next two, as of today.
 *
 * <p>All amounts are in major units of the reporting currency. Stateless.
 */
public final class Backtest {
  private Backtest() {}

  /**
   * One month of the fan chart.
   *
   * @param month the month
   * @param p10 the pessimistic forecast made at the month's start (today, for current months)
   * @param p50 the median forecast
   * @param p90 the optimistic forecast
   * @param expected the mean forecast of the fitted model
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
   * @param accuracy the fitted model's mean forecast against actual bookings over past months
   * @param stageDefaultAccuracy the same with the stages' default probabilities
   * @param coverage share of past months whose bookings fell within P10..P90
   * @param calibration per deal: the model's probability against "won in the month"
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
   * @param history the pipeline's histories
   * @param today the last day of the history
   * @param pastMonths how many complete months to test, at least 1
   */
  public static Result run(PipelineHistory history, LocalDate today, int pastMonths) {
    Map<String, Deal> won = new HashMap<>();
    for (Deal deal : history.deals()) {
      if (deal.status() == DealStatus.WON) {
        won.put(deal.id().toString(), deal);
      }
    }
    YearMonth current = YearMonth.from(today);
    List<Month> months = new ArrayList<>();
    List<Double> probabilities = new ArrayList<>();
    List<Boolean> outcomes = new ArrayList<>();
    for (int k = pastMonths; k >= -2; k--) {
      YearMonth month = current.minusMonths(k);
      boolean past = k > 0;
      Instant at =
          (past ? month.atDay(1) : today.plusDays(1))
              .atStartOfDay(ZoneOffset.UTC)
              .toInstant()
              .minusNanos(1);
      LocalDate from = month.atDay(1);
      PipelineSnapshot raw = snapshot(history, at);
      Period period = Period.month(month);
      int horizon =
          (int)
              java.time.temporal.ChronoUnit.DAYS.between(
                  LocalDate.ofInstant(at, ZoneOffset.UTC), period.end());
      SurvivalModel model = survival(history, at, horizon);
      Forecaster forecaster = Forecaster.of(moved(raw, from, true)).withModel(model);
      if (k < 0) {
        // why: a later month gets the chance to win by its end less the chance to win before it
        int before = horizon - month.lengthOfMonth();
        double[] by = forecaster.probabilities();
        double[] earlier = model.withHorizon(before).probabilities(forecaster.snapshot());
        for (int i = 0; i < forecaster.snapshot().openCount(); i++) {
          by[i] = Math.max(0, by[i] - earlier[i]);
        }
        forecaster = forecaster.withProbabilities(by);
      }
      PipelineSnapshot snapshot = forecaster.snapshot();
      RevenueDistribution d = forecaster.distribution(period);
      double stageDefault = Forecaster.of(moved(raw, from, false)).distribution(period).mean();
      double actual = k < 0 ? Double.NaN : wonIn(month, won.values(), history);
      double scale = Math.pow(10, history.currency().getDefaultFractionDigits());
      months.add(
          new Month(
              month,
              d.p10() / scale,
              d.p50() / scale,
              d.p90() / scale,
              d.mean() / scale,
              stageDefault / scale,
              actual,
              past));
      if (past) {
        for (int i = 0; i < snapshot.openCount(); i++) {
          if (period.contains(LocalDate.ofEpochDay(snapshot.closeDay(i)))) {
            Deal deal = won.get(snapshot.id(i));
            probabilities.add(forecaster.probability(i));
            outcomes.add(deal != null && period.contains(closedOn(deal)));
          }
        }
      }
    }
    List<Month> tested = months.stream().filter(Month::past).toList();
    double[] actual = tested.stream().mapToDouble(Month::actual).toArray();
    int covered = 0;
    for (Month m : tested) {
      if (m.actual() >= m.p10() && m.actual() <= m.p90()) {
        covered++;
      }
    }
    double[] p = probabilities.stream().mapToDouble(Double::doubleValue).toArray();
    boolean[] o = new boolean[outcomes.size()];
    for (int i = 0; i < o.length; i++) {
      o[i] = outcomes.get(i);
    }
    return new Result(
        List.copyOf(months),
        ForecastAccuracy.of(tested.stream().mapToDouble(Month::expected).toArray(), actual),
        ForecastAccuracy.of(tested.stream().mapToDouble(Month::stageDefault).toArray(), actual),
        tested.isEmpty() ? 0 : (double) covered / tested.size(),
        Calibration.of(p, o, 10));
  }

  /** The pipeline as it stood at an instant. */
  private static PipelineSnapshot snapshot(PipelineHistory history, Instant at) {
    return DealSnapshots.fromHistory(
        history.events(),
        history.definition(),
        history.currency(),
        at,
        ZoneOffset.UTC,
        history.converter());
  }

  /**
   * The snapshot with open deals moved to {@code from}: every open deal when {@code all} (the
   * survival model gives each its chance to win within the month, whatever its close date says),
   * else only the overdue ones.
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

  /**
   * A life table fitted on what was known at {@code at}: each stay of a deal in an open stage is a
   * spell from the deal's age on entering the stage to its age at closing (won, or lost and
   * disqualified) or at {@code at} (still open).
   */
  static SurvivalModel survival(PipelineHistory history, Instant at, int horizonDays) {
    List<String> stages = history.definition().openStages().stream().map(s -> s.key()).toList();
    SurvivalModel.Builder b = SurvivalModel.builder(stages, 7, Math.max(0, horizonDays));
    for (List<DealEvent> events : history.histories()) {
      Instant created = events.get(0).at();
      if (created.isAfter(at)) {
        continue;
      }
      Instant end = at;
      SurvivalModel.Outcome outcome = SurvivalModel.Outcome.CENSORED;
      for (DealEvent e : events) {
        if (e.at().isAfter(at)) {
          break;
        }
        if (e.change() instanceof Change.Won) {
          end = e.at();
          outcome = SurvivalModel.Outcome.WON;
          break;
        }
        if (e.change() instanceof Change.Lost || e.change() instanceof Change.Disqualified) {
          end = e.at();
          outcome = SurvivalModel.Outcome.LOST;
          break;
        }
      }
      int exit = days(created, end);
      for (StageVisit visit : DealHistory.stageVisits(events)) {
        if (stages.contains(visit.stage()) && !visit.enteredAt().isAfter(end)) {
          b.spell(visit.stage(), Math.min(exit, days(created, visit.enteredAt())), exit, outcome);
        }
      }
    }
    return b.build();
  }

  private static int days(Instant from, Instant to) {
    return (int) Math.max(0, java.time.Duration.between(from, to).toDays());
  }

  private static LocalDate closedOn(Deal deal) {
    return LocalDate.ofInstant(deal.closedAt().orElseThrow(), ZoneOffset.UTC);
  }

  private static double wonIn(YearMonth month, Iterable<Deal> won, PipelineHistory history) {
    double sum = 0;
    for (Deal deal : won) {
      LocalDate day = closedOn(deal);
      if (YearMonth.from(day).equals(month)) {
        sum += history.value(deal.amount(), month.atDay(1));
      }
    }
    return sum;
  }
}
