package org.salespipeline.examples.insight;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.salespipeline.core.ProgressListener;
import org.salespipeline.forecast.ForecastPeriod;
import org.salespipeline.forecast.bookings.BacktestPlan;
import org.salespipeline.forecast.bookings.BookingsBacktest;
import org.salespipeline.forecast.bookings.BookingsForecast;
import org.salespipeline.forecast.bookings.BookingsForecaster;
import org.salespipeline.forecast.bookings.PeriodLength;

/**
 * The one bookings forecast the demo shows everywhere (headline, board, report), from
 * pipeline-forecast's {@link BookingsForecaster}: this month's and this quarter's forecast as seen
 * at the start of today, the next months' forecasts as seen today, and the backtest of the monthly
 * forecast at the start of each of the last complete months. Replaces the demo's own backtest,
 * which disagreed with the headline.
 *
 * @param today the day at whose start the forecasts are made
 * @param month this month's forecast
 * @param quarter this quarter's forecast
 * @param ahead this month's and the following months' forecasts, as seen today
 * @param backtest the monthly forecast at the start of each past month, with its accuracy
 */
public record BookingsOutlook(
    LocalDate today,
    BookingsForecast month,
    BookingsForecast quarter,
    List<BookingsForecast> ahead,
    BookingsBacktest backtest) {

  /** How many months after the current one the outlook forecasts. */
  public static final int MONTHS_AHEAD = 2;

  /** Defensive copy. */
  public BookingsOutlook {
    ahead = List.copyOf(ahead);
  }

  /**
   * Forecasts and backtests.
   *
   * @param forecaster the forecaster over the workspace's history
   * @param today the day at whose start the forecasts are made
   * @param pastMonths how many complete months before today's to backtest, at least 1
   * @param progress hears (origins done, origins) of the backtest
   */
  public static BookingsOutlook of(
      BookingsForecaster forecaster, LocalDate today, int pastMonths, ProgressListener progress) {
    if (pastMonths < 1) {
      throw new IllegalArgumentException("pastMonths must be at least 1, was " + pastMonths);
    }
    YearMonth current = YearMonth.from(today);
    List<BookingsForecast> ahead = new ArrayList<>();
    for (int k = 0; k <= MONTHS_AHEAD; k++) {
      ahead.add(forecaster.forecast(ForecastPeriod.month(current.plusMonths(k)), today));
    }
    BookingsBacktest backtest =
        forecaster.backtest(
            BacktestPlan.builder()
                .monthly(current.minusMonths(pastMonths).atDay(1), current.minusMonths(1).atDay(1))
                .horizon(PeriodLength.MONTH)
                .progress(progress)
                .build());
    return new BookingsOutlook(
        today,
        ahead.get(0),
        forecaster.forecast(PeriodLength.QUARTER.containing(today), today),
        ahead,
        backtest);
  }
}
