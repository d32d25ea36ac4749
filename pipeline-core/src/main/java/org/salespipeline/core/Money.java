package org.salespipeline.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount of one currency.
 *
 * <p>The amount is kept at the currency's default number of fraction digits ({@code 12.5 EUR} is
 * stored as {@code 12.50}), so two equal amounts are {@link #equals equal}. Amounts with more
 * fraction digits than the currency has are refused rather than rounded silently. Money never adds
 * amounts of different currencies; convert with a {@link CurrencyConverter} first.
 *
 * <p>Immutable and thread-safe.
 *
 * @param amount the amount, never null
 * @param currency the currency, never null
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

  /**
   * Most digits an amount may have before the decimal point: 30, far above any amount the engine
   * accepts on a deal ({@link #MAX_DEAL_MINOR_UNITS}) or a total of such amounts, and small enough
   * that normalising the scale stays cheap whatever exponent the input carries.
   */
  public static final int MAX_INTEGER_DIGITS = 30;

  /**
   * The largest amount the engine accepts on a deal, a proposal or a quota, in minor units of its
   * own currency: 2^44 = 17,592,186,044,416 (about 175.9 billion USD or EUR, 17.6 trillion JPY,
   * 1.76 billion CLF). One limit for every currency, checked at the door (issue 14, item 9), so
   * that every accepted amount has exact minor units in a {@code long} ({@link #toMinorUnits()})
   * and fits the forecast snapshot, whose fixed-point sums rely on it.
   */
  public static final long MAX_DEAL_MINOR_UNITS = 1L << 44;

  /** Longest amount text {@link #of(String, String)} parses, surrounding blanks included. */
  public static final int MAX_TEXT_LENGTH = 100;

  /**
   * Creates money, normalising the scale to the currency's fraction digits.
   *
   * @throws ValidationException if an argument is null, the amount has more than {@value
   *     #MAX_INTEGER_DIGITS} digits before the decimal point, or more fraction digits than the
   *     currency allows (trailing zeros aside)
   */
  public Money {
    if (amount == null || currency == null) {
      throw new ValidationException(
          FieldProblem.of(amount == null ? "amount" : "currency", null, "must not be null"));
    }
    int digits = Math.max(currency.getDefaultFractionDigits(), 0);
    // why: setScale multiplies or divides by 10^(scale difference); with an exponent such as
    // 1e9999999 that takes seconds of CPU and 1e999999999 exhausts the heap (issue 14, item 11),
    // so the magnitude is checked first, on precision and scale alone, which costs nothing
    if (amount.signum() == 0) {
      amount = BigDecimal.ZERO;
    } else if ((long) amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
      throw new ValidationException(
          FieldProblem.of(
              "amount",
              amount.toString(),
              "must have at most " + MAX_INTEGER_DIGITS + " digits before the decimal point"));
    }
    if (amount.scale() > digits) {
      // why: stripping trailing zeros is linear in the digits, unlike a division by 10^scale
      BigDecimal stripped = amount.stripTrailingZeros();
      if (stripped.scale() > digits) {
        throw new ValidationException(
            FieldProblem.of(
                "amount",
                amount.scale() <= MAX_TEXT_LENGTH ? amount.toPlainString() : amount.toString(),
                "has more than " + digits + " fraction digits for " + currency.getCurrencyCode()));
      }
      amount = stripped;
    }
    amount = amount.setScale(digits, RoundingMode.UNNECESSARY);
  }

  /**
   * Money from a decimal string and an ISO 4217 code, for example {@code Money.of("1200.00",
   * "EUR")}. The text may use exponent notation ({@code 1.2e3}) and surrounding blanks; it is at
   * most {@value #MAX_TEXT_LENGTH} characters, checked before it is parsed, so hostile input costs
   * no more than a short one.
   *
   * @throws ValidationException if the amount is not a number, longer than {@value
   *     #MAX_TEXT_LENGTH} characters, out of the bounds of {@link #Money the constructor}, or the
   *     code is not a known currency
   */
  public static Money of(String amount, String currencyCode) {
    return new Money(parseAmount(amount), currency(currencyCode));
  }

  /** Money from a decimal and an ISO 4217 code. */
  public static Money of(BigDecimal amount, String currencyCode) {
    return new Money(amount, currency(currencyCode));
  }

  /** Money from a whole number of major units, for example {@code Money.of(5000, "USD")}. */
  public static Money of(long amount, String currencyCode) {
    return new Money(BigDecimal.valueOf(amount), currency(currencyCode));
  }

  /** Zero in the given currency. */
  public static Money zero(Currency currency) {
    return new Money(BigDecimal.ZERO, currency);
  }

  /**
   * Money from an amount in minor units (cents for USD), as forecasting uses.
   *
   * @param minorUnits the amount in minor units
   * @param currency the currency
   */
  public static Money ofMinor(long minorUnits, Currency currency) {
    Objects.requireNonNull(currency, "currency");
    return new Money(
        BigDecimal.valueOf(minorUnits, Math.max(currency.getDefaultFractionDigits(), 0)), currency);
  }

  /**
   * Looks up a currency by its ISO 4217 code.
   *
   * @throws ValidationException naming the code when it is null or not a known currency
   */
  public static Currency currency(String code) {
    if (code == null) {
      throw new ValidationException(FieldProblem.of("currency", null, "must not be null"));
    }
    try {
      return Currency.getInstance(code);
    } catch (IllegalArgumentException e) {
      throw new ValidationException(
          FieldProblem.of("currency", code, "is not an ISO 4217 currency code"));
    }
  }

  private static BigDecimal parseAmount(String amount) {
    if (amount == null) {
      throw new ValidationException(FieldProblem.of("amount", null, "must not be null"));
    }
    if (amount.length() > MAX_TEXT_LENGTH) {
      throw new ValidationException(
          FieldProblem.of(
              "amount",
              amount,
              "must be at most " + MAX_TEXT_LENGTH + " characters, was " + amount.length()));
    }
    try {
      return new BigDecimal(amount.trim());
    } catch (NumberFormatException e) {
      throw new ValidationException(FieldProblem.of("amount", amount, "is not a decimal number"));
    }
  }

  /**
   * The amount in minor units of the currency; exact for amounts the engine accepts (at most {@link
   * #MAX_DEAL_MINOR_UNITS}).
   *
   * @throws ArithmeticException if the minor units do not fit in a {@code long} (possible only for
   *     money the engine would refuse, above 9.2 * 10^18 minor units)
   */
  public long toMinorUnits() {
    return amount.movePointRight(Math.max(currency.getDefaultFractionDigits(), 0)).longValueExact();
  }

  /**
   * Whether the amount lies within the engine's limit: not negative and at most {@link
   * #MAX_DEAL_MINOR_UNITS} minor units.
   */
  public boolean isWithinDealLimit() {
    return amount.signum() >= 0 && amount.unscaledValue().compareTo(MAX_MINOR) <= 0;
  }

  /**
   * The amount in minor units, for code that sums amounts in fixed point (forecasts, snapshots):
   * like {@link #toMinorUnits()}, but anything negative or above {@link #MAX_DEAL_MINOR_UNITS}
   * (also an amount converted into a currency of much smaller unit) is refused with a typed error
   * instead of an {@link ArithmeticException} or an overflowing sum.
   *
   * @throws ValidationException on field {@code amount} if the amount is outside the limit
   */
  public long minorUnitsWithinLimit() {
    long minor;
    try {
      minor = toMinorUnits();
    } catch (ArithmeticException e) {
      minor = Long.MAX_VALUE;
    }
    if (minor < 0 || minor > MAX_DEAL_MINOR_UNITS) {
      throw new ValidationException(
          FieldProblem.of(
              "amount",
              toString(),
              "must lie within 0 and 2^44 (17592186044416) minor units of "
                  + currency.getCurrencyCode()));
    }
    return minor;
  }

  private static final java.math.BigInteger MAX_MINOR =
      java.math.BigInteger.valueOf(MAX_DEAL_MINOR_UNITS);

  /** Whether the amount is below zero. */
  public boolean isNegative() {
    return amount.signum() < 0;
  }

  /**
   * The sum of two amounts of the same currency.
   *
   * @throws IllegalArgumentException if the currencies differ
   */
  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.add(other.amount), currency);
  }

  /**
   * The difference of two amounts of the same currency.
   *
   * @throws IllegalArgumentException if the currencies differ
   */
  public Money minus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.subtract(other.amount), currency);
  }

  /** This amount times a factor, rounded half-even to the currency's fraction digits. */
  public Money times(BigDecimal factor) {
    return new Money(
        amount.multiply(factor).setScale(amount.scale(), RoundingMode.HALF_EVEN), currency);
  }

  /**
   * Compares amounts of the same currency.
   *
   * @throws IllegalArgumentException if the currencies differ
   */
  @Override
  public int compareTo(Money other) {
    requireSameCurrency(other);
    return amount.compareTo(other.amount);
  }

  private void requireSameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException(
          "cannot combine "
              + currency.getCurrencyCode()
              + " and "
              + other.currency.getCurrencyCode()
              + " without a CurrencyConverter");
    }
  }

  @Override
  public String toString() {
    return amount.toPlainString() + " " + currency.getCurrencyCode();
  }
}
