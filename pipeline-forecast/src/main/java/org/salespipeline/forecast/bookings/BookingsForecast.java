package org.salespipeline.forecast.bookings;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import org.salespipeline.core.Money;
import org.salespipeline.forecast.ForecastPeriod;

/**
 * The bookings forecast for one period as seen at the start of one day: the expected value, its
 * P10/P50/P90 band, its parts, the method that produced it and that method's measured accuracy.
 * Immutable and thread-safe; no accessor returns null.
 *
 * <p>Invariants: {@code expected = wonSoFar + openPipeline + newBusiness}; every part is at least
 * zero; {@code wonSoFar <= p10 <= p50 <= p90}. Amounts are in {@link #currency()}.
 */
public final class BookingsForecast {
  private final ForecastPeriod period;
  private final LocalDate asOf;
  private final ForecastAmounts amounts;
  private final String method;
  private final BookingsAccuracy accuracy;
  private final List<BookingsAccuracy> candidates;

  BookingsForecast(
      ForecastPeriod period,
      LocalDate asOf,
      ForecastAmounts amounts,
      String method,
      BookingsAccuracy accuracy,
      List<BookingsAccuracy> candidates) {
    this.period = Objects.requireNonNull(period);
    this.asOf = Objects.requireNonNull(asOf);
    this.amounts = Objects.requireNonNull(amounts);
    if (amounts.wonSoFar < 0 || amounts.openPipeline < 0 || amounts.newBusiness < 0) {
      throw new IllegalStateException("negative part");
    }
    long p10 = amounts.p10;
    long p50 = amounts.p50;
    long p90 = amounts.p90;
    if (!(amounts.wonSoFar <= p10 && p10 <= p50 && p50 <= p90)) {
      throw new IllegalStateException("band out of order: " + p10 + " " + p50 + " " + p90);
    }
    this.method = Objects.requireNonNull(method);
    this.accuracy = Objects.requireNonNull(accuracy);
    this.candidates = List.copyOf(candidates);
  }

  /** The period forecast. */
  public ForecastPeriod period() {
    return period;
  }

  /** The day at whose start the forecast was made: it knows only facts recorded before it. */
  public LocalDate asOf() {
    return asOf;
  }

  /** The reporting currency of every amount. */
  public Currency currency() {
    return amounts.currency;
  }

  /** The expected bookings in the period: the sum of the three parts. */
  public Money expected() {
    return amounts.money(amounts.expected());
  }

  /** The 10th percentile of the bookings: 9 periods in 10 should book at least this much. */
  public Money p10() {
    return amounts.money(amounts.p10);
  }

  /** The median of the bookings. */
  public Money p50() {
    return amounts.money(amounts.p50);
  }

  /** The 90th percentile of the bookings. */
  public Money p90() {
    return amounts.money(amounts.p90);
  }

  /** Bookings already won in the period before {@link #asOf()}: exact, not forecast. */
  public Money wonSoFar() {
    return amounts.money(amounts.wonSoFar);
  }

  /** Expected bookings from deals open at {@link #asOf()} that win within the period. */
  public Money openPipeline() {
    return amounts.money(amounts.openPipeline);
  }

  /**
   * Expected bookings from deals created on or after {@link #asOf()} that win within the period.
   */
  public Money newBusiness() {
    return amounts.money(amounts.newBusiness);
  }

  /**
   * The method behind the numbers: {@code "pipeline"} (the full model) or the naive method it fell
   * back to because that one did better on the workspace's past: {@code "persistence"}, {@code
   * "seasonal-naive"} or {@code "trailing-mean"}.
   */
  public String method() {
    return method;
  }

  /** The chosen method's accuracy on the workspace's own past (rolling origins before asOf). */
  public BookingsAccuracy accuracy() {
    return accuracy;
  }

  /** The accuracy of every candidate method on the same past origins, the chosen one included. */
  public List<BookingsAccuracy> candidates() {
    return candidates;
  }

  ForecastAmounts amounts() {
    return amounts;
  }

  @Override
  public String toString() {
    return "BookingsForecast["
        + period.start()
        + ".."
        + period.end()
        + " as of "
        + asOf
        + ": "
        + method
        + " expected "
        + expected()
        + " (won "
        + wonSoFar()
        + ", pipeline "
        + openPipeline()
        + ", new "
        + newBusiness()
        + "), P10 "
        + p10()
        + ", P50 "
        + p50()
        + ", P90 "
        + p90()
        + "]";
  }
}
