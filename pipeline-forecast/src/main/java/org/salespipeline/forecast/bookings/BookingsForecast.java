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
  private final Currency currency;
  private final long wonSoFar;
  private final long openPipeline;
  private final long newBusiness;
  private final long p10;
  private final long p50;
  private final long p90;
  private final String method;
  private final BookingsAccuracy accuracy;
  private final List<BookingsAccuracy> candidates;

  BookingsForecast(
      ForecastPeriod period,
      LocalDate asOf,
      Currency currency,
      long wonSoFar,
      long openPipeline,
      long newBusiness,
      long p10,
      long p50,
      long p90,
      String method,
      BookingsAccuracy accuracy,
      List<BookingsAccuracy> candidates) {
    this.period = Objects.requireNonNull(period);
    this.asOf = Objects.requireNonNull(asOf);
    this.currency = Objects.requireNonNull(currency);
    if (wonSoFar < 0 || openPipeline < 0 || newBusiness < 0) {
      throw new IllegalStateException("negative part");
    }
    if (!(wonSoFar <= p10 && p10 <= p50 && p50 <= p90)) {
      throw new IllegalStateException("band out of order: " + p10 + " " + p50 + " " + p90);
    }
    this.wonSoFar = wonSoFar;
    this.openPipeline = openPipeline;
    this.newBusiness = newBusiness;
    this.p10 = p10;
    this.p50 = p50;
    this.p90 = p90;
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
    return currency;
  }

  /** The expected bookings in the period: the sum of the three parts. */
  public Money expected() {
    return money(wonSoFar + openPipeline + newBusiness);
  }

  /** The 10th percentile of the bookings: 9 periods in 10 should book at least this much. */
  public Money p10() {
    return money(p10);
  }

  /** The median of the bookings. */
  public Money p50() {
    return money(p50);
  }

  /** The 90th percentile of the bookings. */
  public Money p90() {
    return money(p90);
  }

  /** Bookings already won in the period before {@link #asOf()}: exact, not forecast. */
  public Money wonSoFar() {
    return money(wonSoFar);
  }

  /** Expected bookings from deals open at {@link #asOf()} that win within the period. */
  public Money openPipeline() {
    return money(openPipeline);
  }

  /**
   * Expected bookings from deals created on or after {@link #asOf()} that win within the period.
   */
  public Money newBusiness() {
    return money(newBusiness);
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

  long expectedMinor() {
    return wonSoFar + openPipeline + newBusiness;
  }

  long wonSoFarMinor() {
    return wonSoFar;
  }

  long openPipelineMinor() {
    return openPipeline;
  }

  long newBusinessMinor() {
    return newBusiness;
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

  private Money money(long minor) {
    return Money.ofMinor(minor, currency);
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
