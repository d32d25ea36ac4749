package org.salespipeline.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 14, item 11: amounts are parsed with a bounded length and exponent, so that hostile input
 * is refused with a typed error instead of burning seconds of CPU or the heap.
 */
class MoneyBoundsTest {
  static final Currency USD = Currency.getInstance("USD");

  static void refusedOnAmount(Runnable parse) {
    assertThatThrownBy(parse::run)
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.concerns("amount")).isTrue());
  }

  @Test
  void aHugeExponentIsRefused() {
    refusedOnAmount(() -> Money.of("1e9999999", "USD"));
    refusedOnAmount(() -> Money.of("-1E+9999999", "EUR"));
  }

  @Test
  void anExponentTooLargeForTheHeapIsRefused() {
    refusedOnAmount(() -> Money.of("1e999999999", "USD"));
    refusedOnAmount(() -> Money.of("1e99999999999", "USD"));
  }

  @Test
  void aTinyExponentIsRefusedAsTooManyFractionDigits() {
    refusedOnAmount(() -> Money.of("1e-999999999", "USD"));
  }

  @Test
  void aTenMillionCharacterAmountIsRefused() {
    refusedOnAmount(() -> Money.of("1".repeat(10_000_000), "USD"));
    refusedOnAmount(() -> Money.of("0." + "0".repeat(10_000_000), "USD"));
    refusedOnAmount(() -> Money.of(" ".repeat(10_000_000) + "1", "USD"));
  }

  @Test
  void aBigDecimalWithAHugeExponentIsRefusedToo() {
    refusedOnAmount(() -> new Money(new BigDecimal(BigInteger.ONE, -999_999_999), USD));
    refusedOnAmount(() -> new Money(new BigDecimal(BigInteger.ONE, 999_999_999), USD));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1e3",
        "1.5E+2",
        "12.50",
        "-7",
        "999999999999999999999999999999.99",
        "0e9999999",
        "0e-9999999"
      })
  void ordinaryAndExponentNotationWithinTheBoundsAreAccepted(String amount) {
    assertThat(Money.of(amount, "USD").amount()).isEqualByComparingTo(new BigDecimal(amount));
  }

  @Test
  void trailingZerosBeyondTheCurrencysDigitsAreNotFractionDigits() {
    assertThat(Money.of("12.5000000", "USD")).isEqualTo(Money.of("12.50", "USD"));
    assertThat(Money.of("1" + "0".repeat(20) + "e-20", "USD")).isEqualTo(Money.of(1, "USD"));
  }

  @Test
  void theBoundsAreDocumentedConstants() {
    refusedOnAmount(() -> Money.of("1".repeat(Money.MAX_INTEGER_DIGITS + 1), "USD"));
    assertThat(Money.of("9".repeat(Money.MAX_INTEGER_DIGITS), "JPY").amount().precision())
        .isEqualTo(Money.MAX_INTEGER_DIGITS);
    refusedOnAmount(() -> Money.of("0".repeat(Money.MAX_TEXT_LENGTH) + "1", "USD"));
  }
}
