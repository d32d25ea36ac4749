package org.salespipeline.forecast.bookings;

import java.util.Currency;
import java.util.Objects;
import org.salespipeline.core.Money;

/**
 * The amounts behind a bookings forecast, in minor units of one currency: its three parts (won so
 * far, open pipeline, new business) and its P10/P50/P90 band. {@link BookingsForecast} reports them
 * as they are; a {@link BacktestRow} reports them with the band moved by the revenue it leaves out.
 * Immutable.
 */
final class ForecastAmounts {
  final Currency currency;
  final long wonSoFar;
  final long openPipeline;
  final long newBusiness;
  final long p10;
  final long p50;
  final long p90;

  ForecastAmounts(
      Currency currency,
      long wonSoFar,
      long openPipeline,
      long newBusiness,
      long p10,
      long p50,
      long p90) {
    this.currency = Objects.requireNonNull(currency);
    this.wonSoFar = wonSoFar;
    this.openPipeline = openPipeline;
    this.newBusiness = newBusiness;
    this.p10 = p10;
    this.p50 = p50;
    this.p90 = p90;
  }

  /** The sum of the three parts. */
  long expected() {
    return wonSoFar + openPipeline + newBusiness;
  }

  /** The same parts with {@code minor} taken off each end and the middle of the band. */
  ForecastAmounts bandLess(long minor) {
    return new ForecastAmounts(
        currency, wonSoFar, openPipeline, newBusiness, p10 - minor, p50 - minor, p90 - minor);
  }

  /** An amount in this currency. */
  Money money(long minor) {
    return Money.ofMinor(minor, currency);
  }
}
