package org.salespipeline.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MoneyTest {
  static final Currency USD = Currency.getInstance("USD");
  static final Currency EUR = Currency.getInstance("EUR");
  static final Currency JPY = Currency.getInstance("JPY");

  @Test
  void normalisesScaleSoEqualAmountsAreEqual() {
    assertThat(Money.of("12.5", "EUR")).isEqualTo(Money.of("12.50", "EUR"));
    assertThat(Money.of("12.50", "EUR").toMinorUnits()).isEqualTo(1250);
    assertThat(Money.ofMinor(1250, EUR)).isEqualTo(Money.of("12.50", "EUR"));
    assertThat(Money.of(1000, "JPY").toMinorUnits()).isEqualTo(1000);
  }

  @Test
  void neverAddsDifferentCurrencies() {
    assertThat(Money.of(1, "USD").plus(Money.of(2, "USD"))).isEqualTo(Money.of(3, "USD"));
    assertThatThrownBy(() -> Money.of(1, "USD").plus(Money.of(1, "EUR")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CurrencyConverter");
  }

  @Test
  void convertsWithTheRateValidOnTheDateAndTheInverse() {
    CurrencyConverter fx =
        FixedRateCurrencyConverter.builder()
            .rate("EUR", "USD", LocalDate.of(2026, 1, 1), "1.10")
            .rate("EUR", "USD", LocalDate.of(2026, 6, 1), "1.20")
            .build();
    assertThat(fx.convert(Money.of(100, "EUR"), USD, LocalDate.of(2026, 3, 1)))
        .isEqualTo(Money.of("110.00", "USD"));
    assertThat(fx.convert(Money.of(100, "EUR"), USD, LocalDate.of(2026, 7, 1)))
        .isEqualTo(Money.of("120.00", "USD"));
    assertThat(fx.convert(Money.of(120, "USD"), EUR, LocalDate.of(2026, 7, 1)))
        .isEqualTo(Money.of("100.00", "EUR"));
    assertThatThrownBy(() -> fx.convert(Money.of(100, "EUR"), USD, LocalDate.of(2025, 12, 31)))
        .isInstanceOfSatisfying(
            CurrencyConversionException.class,
            e -> assertThat(e.date()).isEqualTo(LocalDate.of(2025, 12, 31)));
    assertThatThrownBy(() -> fx.convert(Money.of(100, "EUR"), JPY, LocalDate.of(2026, 3, 1)))
        .isInstanceOf(CurrencyConversionException.class);
    assertThat(fx.convert(Money.of(7, "JPY"), JPY, LocalDate.MIN)).isEqualTo(Money.of(7, "JPY"));
  }

  @Test
  void refusesBadRates() {
    var builder =
        FixedRateCurrencyConverter.builder().rate("EUR", "USD", LocalDate.of(2026, 1, 1), "1.1");
    assertThatThrownBy(() -> builder.rate("EUR", "USD", LocalDate.of(2026, 1, 1), "1.2"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("already set");
    assertThatThrownBy(() -> builder.rate("EUR", "USD", LocalDate.of(2026, 2, 1), "0"))
        .isInstanceOf(ConfigurationException.class);
    assertThatThrownBy(() -> builder.rate("EUR", "EUR", LocalDate.of(2026, 2, 1), "1"))
        .isInstanceOf(ConfigurationException.class);
    assertThat(Money.of(new BigDecimal("10.00"), "USD").times(new BigDecimal("0.333")))
        .isEqualTo(Money.of("3.33", "USD"));
  }

  @Test
  void timeOrderedIdsSortByCreationAndNeverRepeat() {
    java.time.Clock frozen =
        java.time.Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    IdGenerator ids = IdGenerator.timeOrdered(frozen);
    Set<UUID> seen = new HashSet<>();
    DealId previous = null;
    for (int i = 0; i < 10_000; i++) {
      DealId id = new DealId(ids.next());
      assertThat(seen.add(id.value())).isTrue();
      assertThat(id.value().version()).isEqualTo(7);
      if (previous != null) {
        assertThat(id).isGreaterThan(previous);
        assertThat(id.toString()).isGreaterThan(previous.toString());
      }
      previous = id;
    }
  }

  @Test
  void seededIdsRepeatForTheSameSeedAndClock() {
    java.time.Clock frozen =
        java.time.Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    IdGenerator first = IdGenerator.timeOrdered(frozen, 42);
    IdGenerator second = IdGenerator.timeOrdered(frozen, 42);
    IdGenerator other = IdGenerator.timeOrdered(frozen, 43);
    UUID a = first.next();
    assertThat(second.next()).isEqualTo(a);
    assertThat(other.next()).isNotEqualTo(a);
    assertThat(first.next()).isGreaterThan(a);
  }
}
