package org.salespipeline.forecast.bookings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.salespipeline.core.ProgressListener;
import org.salespipeline.forecast.ForecastPeriod;

/** First version: won so far only; the models follow. */
final class ForecastEngine {
  private final DealColumns columns;
  private final Currency currency;

  ForecastEngine(DealColumns columns, Currency currency, ProgressListener progress) {
    this.columns = columns;
    this.currency = currency;
  }

  BookingsForecast forecast(ForecastPeriod period, LocalDate asOf) {
    int t = (int) asOf.toEpochDay();
    long won =
        t <= period.startDay() ? 0 : columns.bookings(period.startDay(), t, t, Integer.MIN_VALUE);
    BookingsAccuracy acc = BookingsAccuracy.none("pipeline");
    return new BookingsForecast(
        period, asOf, currency, won, 0, 0, won, won, won, "pipeline", acc, List.of(acc));
  }

  BookingsBacktest backtest(BacktestPlan plan) {
    List<BacktestRow> rows = new ArrayList<>();
    int done = 0;
    for (LocalDate origin : plan.origins()) {
      ForecastPeriod p = plan.horizon().containing(origin);
      BookingsForecast f = forecast(p, origin);
      long actual =
          columns.bookings(p.startDay(), p.endDay(), Integer.MAX_VALUE, Integer.MIN_VALUE);
      long w = plan.includeWonSoFar() ? 0 : f.wonSoFarMinor();
      rows.add(
          new BacktestRow(
              origin,
              p,
              f.method(),
              currency,
              f.expectedMinor() - w,
              f.p10Minor() - w,
              f.p50Minor() - w,
              f.p90Minor() - w,
              actual - w,
              f.wonSoFarMinor(),
              f.openPipelineMinor(),
              f.newBusinessMinor(),
              plan.includeWonSoFar()));
      plan.progress().progress(++done, plan.origins().size());
    }
    return new BookingsBacktest(rows, Double.NaN, Double.NaN, List.of());
  }
}
