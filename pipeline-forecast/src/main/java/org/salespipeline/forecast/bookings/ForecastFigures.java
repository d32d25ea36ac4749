package org.salespipeline.forecast.bookings;

import java.util.Objects;
import org.salespipeline.core.Money;

/**
 * What a {@link BookingsForecast} and a {@link BacktestRow} both report from their {@link
 * ForecastAmounts}: the P10/P50/P90 band and the parts of the forecast, as money in the reporting
 * currency. Package-private; its accessors are public members of the two public classes.
 */
abstract class ForecastFigures {
  final ForecastAmounts amounts;

  ForecastFigures(ForecastAmounts amounts) {
    this.amounts = Objects.requireNonNull(amounts);
  }

  /**
   * The 10th percentile of the forecast bookings: 9 periods in 10 should book at least this much.
   */
  public Money p10() {
    return amounts.money(amounts.p10);
  }

  /** The median of the forecast bookings. */
  public Money p50() {
    return amounts.money(amounts.p50);
  }

  /** The 90th percentile of the forecast bookings. */
  public Money p90() {
    return amounts.money(amounts.p90);
  }

  /**
   * Bookings already won in the period before the forecast was made: exact, not forecast. Reported
   * in full even where a backtest leaves it out of what it scores.
   */
  public Money wonSoFar() {
    return amounts.money(amounts.wonSoFar);
  }

  /** Expected bookings from deals open when the forecast was made that win within the period. */
  public Money openPipeline() {
    return amounts.money(amounts.openPipeline);
  }

  /**
   * Expected bookings from deals created on or after the day the forecast was made that win within
   * the period.
   */
  public Money newBusiness() {
    return amounts.money(amounts.newBusiness);
  }

  ForecastAmounts amounts() {
    return amounts;
  }
}
