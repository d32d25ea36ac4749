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
public final class BookingsForecast extends ForecastFigures {
  private final ForecastPeriod period;
  private final LocalDate asOf;
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
    super(amounts);
    this.period = Objects.requireNonNull(period);
    this.asOf = Objects.requireNonNull(asOf);
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
