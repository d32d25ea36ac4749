package org.salespipeline.forecast.bookings;

import java.util.Currency;
import java.util.Objects;
import org.salespipeline.core.Money;

/**
 * One part of a {@link PartsForecast}: the bookings expected from new business, renewals or
 * expansion in the period, with their own P10/P50/P90 band and the method behind them. Immutable
 * and thread-safe; no accessor returns null.
 *
 * <p>Invariants: {@code 0 <= wonSoFar <= p10 <= p50 <= p90} and {@code wonSoFar <= expected}. A
 * part with no inputs (no deal of its kinds, no renewal due) is zero everywhere, method {@code
 * "none"}.
 */
public final class PartForecast {
  private final ForecastPart part;
  private final Currency currency;
  private final long expected;
  private final long wonSoFar;
  private final long p10;
  private final long p50;
  private final long p90;
  private final String method;

  PartForecast(
      ForecastPart part,
      Currency currency,
      long expected,
      long wonSoFar,
      long p10,
      long p50,
      long p90,
      String method) {
    this.part = Objects.requireNonNull(part);
    this.currency = Objects.requireNonNull(currency);
    if (!(0 <= wonSoFar && wonSoFar <= p10 && p10 <= p50 && p50 <= p90 && wonSoFar <= expected)) {
      throw new IllegalStateException(
          part
              + " out of order: won "
              + wonSoFar
              + ", expected "
              + expected
              + ", band "
              + p10
              + " "
              + p50
              + " "
              + p90);
    }
    this.expected = expected;
    this.wonSoFar = wonSoFar;
    this.p10 = p10;
    this.p50 = p50;
    this.p90 = p90;
    this.method = Objects.requireNonNull(method);
  }

  /** A part with no inputs: zero everywhere. */
  static PartForecast none(ForecastPart part, Currency currency) {
    return new PartForecast(part, currency, 0, 0, 0, 0, 0, "none");
  }

  /** The same figures as a bookings forecast of the part's deals. */
  static PartForecast of(ForecastPart part, BookingsForecast f) {
    ForecastAmounts a = f.amounts();
    return new PartForecast(
        part, a.currency, a.expected(), a.wonSoFar, a.p10, a.p50, a.p90, f.method());
  }

  /** Which part this is. */
  public ForecastPart part() {
    return part;
  }

  /** The expected bookings of this part in the period, won so far included. */
  public Money expected() {
    return Money.ofMinor(expected, currency);
  }

  /** What this part has already booked in the period before the forecast was made: exact. */
  public Money wonSoFar() {
    return Money.ofMinor(wonSoFar, currency);
  }

  /** The 10th percentile of this part's bookings. */
  public Money p10() {
    return Money.ofMinor(p10, currency);
  }

  /** The median of this part's bookings. */
  public Money p50() {
    return Money.ofMinor(p50, currency);
  }

  /** The 90th percentile of this part's bookings. */
  public Money p90() {
    return Money.ofMinor(p90, currency);
  }

  /**
   * The method behind the numbers: for new business and expansion the {@link
   * BookingsForecast#method()} chosen by backtest on those deals alone; {@code "renewal-weights"}
   * for renewals; {@code "none"} for a part with no inputs.
   */
  public String method() {
    return method;
  }

  long expectedMinor() {
    return expected;
  }

  long p10Minor() {
    return p10;
  }

  long p50Minor() {
    return p50;
  }

  long p90Minor() {
    return p90;
  }

  long wonMinor() {
    return wonSoFar;
  }

  @Override
  public String toString() {
    return part
        + " expected "
        + expected()
        + " (won "
        + wonSoFar()
        + "), P10 "
        + p10()
        + ", P50 "
        + p50()
        + ", P90 "
        + p90()
        + " ["
        + method
        + "]";
  }
}
