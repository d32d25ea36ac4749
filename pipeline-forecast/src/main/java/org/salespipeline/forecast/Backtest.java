package org.salespipeline.forecast;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.salespipeline.core.CurrencyConverter;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.ProgressListener;
import org.salespipeline.core.ValidationException;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.stage.PipelineDefinition;
import org.salespipeline.forecast.model.ProbabilityModel;

/**
 * Rolling-origin backtest: for every period and every lead time ("weeks before period end"), the
 * pipeline is rebuilt as it stood at the origin from the history alone (no look-ahead), a model
 * fitted by the caller on what was known then gives the forecast (won so far in the period plus the
 * weighted open deals due in it), and the forecast is compared with what actually closed won in the
 * period. Run it once per model to compare models on the host's own data.
 *
 * <p>Stateless; each call reads the history once per origin plus once per period for the actuals.
 */
public final class Backtest {
  private Backtest() {}

  /**
   * Fits a model on the history known at an origin. Implementations must use only events at or
   * before the origin (for example {@code DealSnapshots.transitions(events, pipeline, origin)}).
   */
  @FunctionalInterface
  public interface ModelFit {
    /** The model to forecast with at {@code origin}. */
    ProbabilityModel fit(Instant origin);
  }

  /**
   * One forecast against its actual.
   *
   * @param period the forecast period
   * @param weeksBefore how many weeks before the period's end the forecast was made
   * @param origin the instant the forecast was made
   * @param forecast won so far in the period plus the weighted open deals due in it, minor units
   * @param actual closed-won amount in the period, minor units
   */
  public record Row(Period period, int weeksBefore, Instant origin, double forecast, long actual) {}

  /**
   * What a backtest found.
   *
   * @param model the model's name
   * @param rows every forecast, by period then lead time
   * @param byWeeksBefore accuracy per lead time, in the order the lead times were given
   * @param overall accuracy over all rows
   */
  public record Result(
      String model,
      List<Row> rows,
      Map<Integer, ForecastAccuracy> byWeeksBefore,
      ForecastAccuracy overall) {
    public Result {
      rows = List.copyOf(rows);
      byWeeksBefore = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byWeeksBefore));
    }
  }

  /**
   * Runs the backtest.
   *
   * @param history opens a fresh stream of the history, grouped by deal in sequence order (as
   *     {@code WorkspaceStore.streamEvents} gives it); each stream is closed after use
   * @param pipeline the pipeline to forecast
   * @param currency the reporting currency
   * @param converter converts other currencies at each snapshot's date
   * @param zone the zone that turns instants into dates
   * @param periods the periods to forecast, not empty
   * @param weeksBefore lead times in weeks before each period's end, each 0 to 52, not empty
   * @param fit fits the model at each origin
   * @param progress hears (origins done, origins in all)
   * @throws ValidationException for empty periods or lead times, or a lead time out of range
   */
  public static Result run(
      Supplier<Stream<DealEvent>> history,
      PipelineDefinition pipeline,
      Currency currency,
      CurrencyConverter converter,
      ZoneId zone,
      List<Period> periods,
      List<Integer> weeksBefore,
      ModelFit fit,
      ProgressListener progress) {
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(fit, "fit");
    if (periods.isEmpty()) {
      throw new ValidationException(FieldProblem.of("periods", "[]", "must not be empty"));
    }
    if (weeksBefore.isEmpty()) {
      throw new ValidationException(FieldProblem.of("weeksBefore", "[]", "must not be empty"));
    }
    for (int w : weeksBefore) {
      if (w < 0 || w > 52) {
        throw new ValidationException(FieldProblem.of("weeksBefore", w, "must be within [0, 52]"));
      }
    }
    List<Row> rows = new ArrayList<>();
    String modelName = null;
    long total = (long) periods.size() * (weeksBefore.size() + 1);
    long done = 0;
    progress.progress(0, total);
    for (Period period : periods) {
      // why: the actual is what the history says closed won in the period, seen at its end
      Instant end = period.end().atStartOfDay(zone).toInstant().minusNanos(1);
      long actual =
          Forecaster.of(snapshot(history, pipeline, currency, converter, zone, end)).closed(period);
      progress.progress(++done, total);
      for (int w : weeksBefore) {
        Instant origin = period.end().minusWeeks(w).atStartOfDay(zone).toInstant().minusNanos(1);
        PipelineSnapshot then = snapshot(history, pipeline, currency, converter, zone, origin);
        ProbabilityModel model = fit.fit(origin);
        modelName = model.name();
        Forecaster forecaster = Forecaster.of(then).withModel(model);
        double forecast = forecaster.closed(period) + forecaster.weighted(period);
        rows.add(new Row(period, w, origin, forecast, actual));
        progress.progress(++done, total);
      }
    }
    Map<Integer, ForecastAccuracy> byLead = new LinkedHashMap<>();
    for (int w : weeksBefore) {
      byLead.put(w, accuracy(rows.stream().filter(r -> r.weeksBefore() == w).toList()));
    }
    return new Result(modelName, rows, byLead, accuracy(rows));
  }

  private static PipelineSnapshot snapshot(
      Supplier<Stream<DealEvent>> history,
      PipelineDefinition pipeline,
      Currency currency,
      CurrencyConverter converter,
      ZoneId zone,
      Instant asOf) {
    try (Stream<DealEvent> events = history.get()) {
      return DealSnapshots.fromHistory(events, pipeline, currency, asOf, zone, converter);
    }
  }

  private static ForecastAccuracy accuracy(List<Row> rows) {
    double[] f = new double[rows.size()];
    double[] a = new double[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      f[i] = rows.get(i).forecast();
      a[i] = rows.get(i).actual();
    }
    return ForecastAccuracy.of(f, a);
  }
}
