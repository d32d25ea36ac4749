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
import org.salespipeline.core.DealStatus;
import org.salespipeline.forecast.Calibration;
import org.salespipeline.forecast.DealSnapshots;
import org.salespipeline.forecast.ForecastAccuracy;
import org.salespipeline.forecast.Forecaster;
import org.salespipeline.forecast.Period;
import org.salespipeline.forecast.PipelineSnapshot;
import org.salespipeline.forecast.distribution.RevenueDistribution;
import org.salespipeline.forecast.model.StageConversionModel;

/**
 * How well the demo's monthly forecast would have done: at the start of each of the last complete
 * months it rebuilds the pipeline as it stood then ({@link DealSnapshots#fromHistory}, no
 * look-ahead), fits the stage-conversion model on the history up to then, forecasts the month's
 * bookings (open deals expected to close in it, overdue ones included) and compares with what was
 * actually won in the month. Then the same forecast for this month and the next two, as of today.
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
   * @param stageDefault the mean forecast with the stages' default probabilities
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
      LocalDate from = k <= 0 ? today.withDayOfMonth(1) : month.atDay(1);
      PipelineSnapshot snapshot = snapshot(history, at, from);
      StageConversionModel model =
          StageConversionModel.fit(
              DealSnapshots.transitions(history.events(), history.definition(), at));
      Forecaster forecaster = Forecaster.of(snapshot).withModel(model);
      Period period = Period.month(month);
      RevenueDistribution d = forecaster.distribution(period);
      double stageDefault = Forecaster.of(snapshot).distribution(period).mean();
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

  /** The pipeline at an instant, overdue open deals moved to {@code from}. */
  private static PipelineSnapshot snapshot(PipelineHistory history, Instant at, LocalDate from) {
    PipelineSnapshot raw =
        DealSnapshots.fromHistory(
            history.events(),
            history.definition(),
            history.currency(),
            at,
            ZoneOffset.UTC,
            history.converter());
    int first = Math.toIntExact(from.toEpochDay());
    return raw.with(
        b -> {
          for (int i = 0; i < raw.openCount(); i++) {
            if (raw.closeDay(i) < first) {
              b.row(raw.id(i)).closeDate(from).add();
            }
          }
        });
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
