package org.salespipeline.core;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Converts with rates the host gives, each valid from a date until the next rate of the same pair.
 * The inverse of a known rate is used when only the other direction is given.
 *
 * <pre>{@code
 * CurrencyConverter fx = FixedRateCurrencyConverter.builder()
 *     .rate("EUR", "USD", LocalDate.of(2026, 1, 1), "1.08")
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe once built.
 */
public final class FixedRateCurrencyConverter implements CurrencyConverter {
  private final Map<String, NavigableMap<LocalDate, BigDecimal>> rates;

  private FixedRateCurrencyConverter(Map<String, NavigableMap<LocalDate, BigDecimal>> rates) {
    this.rates = rates;
  }

  /** A builder with no rates. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Money convert(Money amount, Currency target, LocalDate date) {
    if (amount.currency().equals(target)) {
      return amount;
    }
    BigDecimal rate = rate(amount.currency(), target, date);
    int digits = Math.max(target.getDefaultFractionDigits(), 0);
    return new Money(
        amount.amount().multiply(rate).setScale(digits, RoundingMode.HALF_EVEN), target);
  }

  private BigDecimal rate(Currency from, Currency to, LocalDate date) {
    BigDecimal direct = lookup(from, to, date);
    if (direct != null) {
      return direct;
    }
    BigDecimal inverse = lookup(to, from, date);
    if (inverse != null) {
      return BigDecimal.ONE.divide(inverse, MathContext.DECIMAL128);
    }
    throw new CurrencyConversionException(from, to, date);
  }

  private BigDecimal lookup(Currency from, Currency to, LocalDate date) {
    NavigableMap<LocalDate, BigDecimal> byDate = rates.get(key(from, to));
    if (byDate == null) {
      return null;
    }
    Map.Entry<LocalDate, BigDecimal> entry = byDate.floorEntry(date);
    return entry == null ? null : entry.getValue();
  }

  private static String key(Currency from, Currency to) {
    return from.getCurrencyCode() + "/" + to.getCurrencyCode();
  }

  /** Collects rates; not thread-safe. */
  public static final class Builder {
    private final Map<String, NavigableMap<LocalDate, BigDecimal>> rates = new HashMap<>();

    private Builder() {}

    /**
     * Adds a rate: one unit of {@code from} is worth {@code rate} units of {@code to} from {@code
     * validFrom} on.
     *
     * @throws ConfigurationException naming the setting and value if a code is unknown, the rate is
     *     not a positive number, or a rate for the same pair and date was already given (the
     *     message names both rates)
     */
    public Builder rate(String from, String to, LocalDate validFrom, String rate) {
      BigDecimal value;
      try {
        value = new BigDecimal(rate);
      } catch (NumberFormatException | NullPointerException e) {
        throw new ConfigurationException("rate '" + rate + "' is not a decimal number");
      }
      return rate(currency("from", from), currency("to", to), validFrom, value);
    }

    private static Currency currency(String name, String code) {
      try {
        return Money.currency(code);
      } catch (ValidationException e) {
        throw new ConfigurationException(name + " '" + code + "' is not an ISO 4217 code", e);
      }
    }

    /**
     * Adds a rate; see {@link #rate(String, String, LocalDate, String)}.
     *
     * @throws ConfigurationException as there
     */
    public Builder rate(Currency from, Currency to, LocalDate validFrom, BigDecimal rate) {
      if (from == null || to == null || validFrom == null) {
        throw new ConfigurationException(
            (from == null ? "from" : to == null ? "to" : "validFrom") + " must not be null");
      }
      if (rate == null || rate.signum() <= 0) {
        throw new ConfigurationException("rate " + rate + " must be positive");
      }
      if (from.equals(to)) {
        throw new ConfigurationException("to " + to + " must differ from 'from'");
      }
      BigDecimal previous =
          rates.computeIfAbsent(key(from, to), k -> new TreeMap<>()).putIfAbsent(validFrom, rate);
      if (previous != null) {
        throw new ConfigurationException(
            "rate "
                + key(from, to)
                + " from "
                + validFrom
                + " was already set to "
                + previous
                + "; refusing to set it again to "
                + rate);
      }
      return this;
    }

    /** The converter; later changes to this builder do not affect it. */
    public FixedRateCurrencyConverter build() {
      Map<String, NavigableMap<LocalDate, BigDecimal>> copy = new HashMap<>();
      rates.forEach((k, v) -> copy.put(k, new TreeMap<>(v)));
      return new FixedRateCurrencyConverter(copy);
    }
  }
}
