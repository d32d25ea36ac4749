package org.salespipeline.forecast.bookings;

import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;
import org.salespipeline.core.Money;
import org.salespipeline.forecast.ForecastPeriod;

/**
 * One origin of a backtest: the forecast made at the start of {@link #origin()} from what was known
 * then, beside what the period actually booked. Immutable and thread-safe.
 *
 * <p>When the plan leaves revenue won before the origin out ({@link #includesWonSoFar()} false),
 * {@link #wonSoFar()} still reports it, but it is subtracted from the forecast, the band and the
 * actual, so the row scores only what was still to be won.
 */
public final class BacktestRow {
  private final LocalDate origin;
  private final ForecastPeriod period;
  private final String method;
  private final Currency currency;
  private final long expected;
  private final long p10;
  private final long p50;
  private final long p90;
  private final long actual;
  private final long wonSoFar;
  private final long openPipeline;
  private final long newBusiness;
  private final boolean includesWonSoFar;

  BacktestRow(
      LocalDate origin,
      ForecastPeriod period,
      String method,
      Currency currency,
      long expected,
      long p10,
      long p50,
      long p90,
      long actual,
      long wonSoFar,
      long openPipeline,
      long newBusiness,
      boolean includesWonSoFar) {
    this.origin = Objects.requireNonNull(origin);
    this.period = Objects.requireNonNull(period);
    this.method = Objects.requireNonNull(method);
    this.currency = Objects.requireNonNull(currency);
    this.expected = expected;
    this.p10 = p10;
    this.p50 = p50;
    this.p90 = p90;
    this.actual = actual;
    this.wonSoFar = wonSoFar;
    this.openPipeline = openPipeline;
    this.newBusiness = newBusiness;
    this.includesWonSoFar = includesWonSoFar;
  }

  /** The day at whose start the forecast was made. */
  public LocalDate origin() {
    return origin;
  }

  /** The period forecast. */
  public ForecastPeriod period() {
    return period;
  }

  /** The method the forecaster chose at this origin. */
  public String method() {
    return method;
  }

  /** The forecast's expected value (without won-so-far when it is left out). */
  public Money expected() {
    return money(expected);
  }

  /** The forecast's 10th percentile. */
  public Money p10() {
    return money(p10);
  }

  /** The forecast's median. */
  public Money p50() {
    return money(p50);
  }

  /** The forecast's 90th percentile. */
  public Money p90() {
    return money(p90);
  }

  /** What the period booked (without won-so-far when it is left out). */
  public Money actual() {
    return money(actual);
  }

  /** Revenue won in the period before the origin, whether or not it is scored. */
  public Money wonSoFar() {
    return money(wonSoFar);
  }

  /** The open-pipeline part of the forecast. */
  public Money openPipeline() {
    return money(openPipeline);
  }

  /** The new-business part of the forecast. */
  public Money newBusiness() {
    return money(newBusiness);
  }

  /** Whether the actual lay inside P10-P90 (both ends included). */
  public boolean covered() {
    return p10 <= actual && actual <= p90;
  }

  /** Whether the forecast and the actual include revenue won before the origin. */
  public boolean includesWonSoFar() {
    return includesWonSoFar;
  }

  long expectedMinor() {
    return expected;
  }

  long actualMinor() {
    return actual;
  }

  long p10Minor() {
    return p10;
  }

  long p90Minor() {
    return p90;
  }

  private Money money(long minor) {
    return Money.ofMinor(minor, currency);
  }

  @Override
  public String toString() {
    return origin
        + " "
        + method
        + " expected "
        + expected()
        + " ["
        + p10()
        + ", "
        + p90()
        + "] actual "
        + actual()
        + (covered() ? " covered" : " missed");
  }
}
