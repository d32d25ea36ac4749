package org.salespipeline.core;

import java.time.LocalDate;
import java.util.Currency;

/**
 * Converts money between currencies at the rate valid on a date. Implementations must be
 * thread-safe.
 */
@FunctionalInterface
public interface CurrencyConverter {

  /**
   * The amount in the target currency at the rate valid on {@code date}, rounded half-even to the
   * target's fraction digits. Converting to the same currency returns the amount unchanged.
   *
   * @throws CurrencyConversionException if no rate is known for the pair on that date
   */
  Money convert(Money amount, Currency target, LocalDate date);

  /** A converter that knows only identity: any cross-currency conversion fails. */
  static CurrencyConverter sameCurrencyOnly() {
    return (amount, target, date) -> {
      if (amount.currency().equals(target)) {
        return amount;
      }
      throw new CurrencyConversionException(amount.currency(), target, date);
    };
  }
}
