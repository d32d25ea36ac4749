package org.salespipeline.forecast.bookings;

import java.time.LocalDate;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.salespipeline.core.Money;
import org.salespipeline.forecast.ForecastPeriod;

/**
 * A period's bookings forecast by part, as seen at the start of one day: new business, renewals and
 * expansion, each with its own expected value and band, and their total. Immutable and thread-safe;
 * no accessor returns null.
 *
 * <p>Invariants: {@code expected} is exactly the sum of the parts' expected values (in minor
 * units); the total band adds the parts' quantiles ({@code p10 = sum of the parts' p10}, and so
 * on), which is the band of parts that move together (a bad quarter hits every part) and wider than
 * if they were independent; {@code wonSoFar <= p10 <= p50 <= p90}. Amounts are in {@link
 * #currency()}.
 */
public final class PartsForecast {
  private final ForecastPeriod period;
  private final LocalDate asOf;
  private final Currency currency;
  private final Map<ForecastPart, PartForecast> parts;
  private final RenewalWeights renewalWeights;
  private final int renewalsDue;
  private final int renewalLeadDays;

  PartsForecast(
      ForecastPeriod period,
      LocalDate asOf,
      Currency currency,
      List<PartForecast> parts,
      RenewalWeights renewalWeights,
      int renewalsDue,
      int renewalLeadDays) {
    this.period = Objects.requireNonNull(period);
    this.asOf = Objects.requireNonNull(asOf);
    this.currency = Objects.requireNonNull(currency);
    Map<ForecastPart, PartForecast> map = new EnumMap<>(ForecastPart.class);
    for (PartForecast p : parts) {
      map.put(p.part(), p);
    }
    if (map.size() != ForecastPart.values().length) {
      throw new IllegalStateException("every part once: " + parts);
    }
    this.parts = map;
    this.renewalWeights = Objects.requireNonNull(renewalWeights);
    this.renewalsDue = renewalsDue;
    this.renewalLeadDays = renewalLeadDays;
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

  /** The parts in the order of {@link ForecastPart}. */
  public List<PartForecast> parts() {
    return List.copyOf(parts.values());
  }

  /** One part. */
  public PartForecast part(ForecastPart part) {
    return parts.get(Objects.requireNonNull(part, "part"));
  }

  /** The expected bookings in the period: exactly the sum of the parts' expected values. */
  public Money expected() {
    return Money.ofMinor(sum(0), currency);
  }

  /** What every part has already booked in the period: exact. */
  public Money wonSoFar() {
    return Money.ofMinor(sum(1), currency);
  }

  /** The sum of the parts' 10th percentiles. */
  public Money p10() {
    return Money.ofMinor(sum(2), currency);
  }

  /** The sum of the parts' medians. */
  public Money p50() {
    return Money.ofMinor(sum(3), currency);
  }

  /** The sum of the parts' 90th percentiles. */
  public Money p90() {
    return Money.ofMinor(sum(4), currency);
  }

  /** The renewal weights the renewal part used, learned from outcomes before {@link #asOf()}. */
  public RenewalWeights renewalWeights() {
    return renewalWeights;
  }

  /** How many accounts' renewals fall in the period and were still to renew at {@link #asOf()}. */
  public int renewalsDue() {
    return renewalsDue;
  }

  /**
   * How many days before its renewal date a renewal is booked: the median over the renewals won
   * before {@link #asOf()}, 0 before any. A renewal counts in the period its renewal date less this
   * lead falls in.
   */
  public int renewalLeadDays() {
    return renewalLeadDays;
  }

  private long sum(int figure) {
    long s = 0;
    for (PartForecast p : parts.values()) {
      s +=
          switch (figure) {
            case 0 -> p.expectedMinor();
            case 1 -> p.wonMinor();
            case 2 -> p.p10Minor();
            case 3 -> p.p50Minor();
            default -> p.p90Minor();
          };
    }
    return s;
  }

  @Override
  public String toString() {
    return "PartsForecast["
        + period.start()
        + ".."
        + period.end()
        + " as of "
        + asOf
        + ": expected "
        + expected()
        + " = "
        + parts.values()
        + "]";
  }
}
