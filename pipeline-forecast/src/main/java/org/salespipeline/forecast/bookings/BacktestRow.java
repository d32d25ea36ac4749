package org.salespipeline.forecast.bookings;

import java.time.LocalDate;
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
public final class BacktestRow extends ForecastFigures {
  private final LocalDate origin;
  private final ForecastPeriod period;
  private final String method;
  private final long expected;
  private final long actual;
  private final boolean includesWonSoFar;

  BacktestRow(
      LocalDate origin,
      ForecastPeriod period,
      String method,
      ForecastAmounts amounts,
      long expected,
      long actual,
      boolean includesWonSoFar) {
    super(amounts);
    this.origin = Objects.requireNonNull(origin);
    this.period = Objects.requireNonNull(period);
    this.method = Objects.requireNonNull(method);
    this.expected = expected;
    this.actual = actual;
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
    return amounts.money(expected);
  }

  /** What the period booked (without won-so-far when it is left out). */
  public Money actual() {
    return amounts.money(actual);
  }

  /** Whether the actual lay inside P10-P90 (both ends included). */
  public boolean covered() {
    return amounts.p10 <= actual && actual <= amounts.p90;
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
