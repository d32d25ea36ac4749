package org.salespipeline.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.command.UpdateDeal;

/**
 * Issue 14, item 9: one amount limit, {@link Money#MAX_DEAL_MINOR_UNITS} (2^44 minor units of the
 * amount's currency), enforced at the door, so that every accepted amount has exact minor units in
 * a long and fits the forecast snapshot.
 */
class AmountLimitTest {
  TestClock clock = Fixtures.clock();
  SalesPipeline pipeline = Fixtures.engine(clock);

  static void refusedOnAmount(Runnable command) {
    assertThatThrownBy(command::run)
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.concerns("amount")).isTrue();
              assertThat(e.getMessage()).contains("2^44");
            });
  }

  @Test
  void aClfDealOf95e14IsRefusedAtTheDoorNotInForecasting() {
    // 9.5e14 CLF is 9.5e18 minor units: beyond a long, an ArithmeticException before
    refusedOnAmount(
        () -> pipeline.openDeal(Fixtures.openDeal().amount(Money.of("9.5e14", "CLF")).build()));
    Money clf = Money.of("9.5e14", "CLF");
    assertThat(clf.isWithinDealLimit()).isFalse();
    refusedOnAmount(clf::minorUnitsWithinLimit);
  }

  @Test
  void theLimitIsInclusiveInEveryCurrency() {
    for (String code : new String[] {"USD", "JPY", "CLF", "IDR", "KWD"}) {
      Currency currency = Currency.getInstance(code);
      Money largest = Money.ofMinor(Money.MAX_DEAL_MINOR_UNITS, currency);
      Deal deal = pipeline.openDeal(Fixtures.openDeal().amount(largest).build()).deal();
      assertThat(deal.amount().toMinorUnits()).isEqualTo(Money.MAX_DEAL_MINOR_UNITS);
      Money above = Money.ofMinor(Money.MAX_DEAL_MINOR_UNITS + 1, currency);
      refusedOnAmount(() -> pipeline.openDeal(Fixtures.openDeal().amount(above).build()));
      refusedOnAmount(
          () ->
              pipeline.update(
                  UpdateDeal.builder()
                      .deal(deal.id())
                      .actor(Fixtures.ALICE)
                      .amount(above)
                      .build()));
    }
  }

  @Test
  void anIdrDealOf175BillionIsAcceptedAnd200BillionRefused() {
    // IDR has two minor digits in ISO 4217: 175.9 billion IDR is the largest deal (about USD 11M)
    assertThat(
            pipeline
                .openDeal(Fixtures.openDeal().amount(Money.of("175000000000", "IDR")).build())
                .deal()
                .amount()
                .minorUnitsWithinLimit())
        .isEqualTo(17_500_000_000_000L);
    refusedOnAmount(
        () ->
            pipeline.openDeal(Fixtures.openDeal().amount(Money.of("200000000000", "IDR")).build()));
  }

  @Test
  void aConvertedAmountBeyondTheLimitIsATypedErrorNotAnOverflow() {
    Money huge = new Money(new BigDecimal("1e20"), Currency.getInstance("JPY"));
    assertThatThrownBy(huge::toMinorUnits).isInstanceOf(ArithmeticException.class);
    refusedOnAmount(huge::minorUnitsWithinLimit);
    refusedOnAmount(Money.of("-1", "USD")::minorUnitsWithinLimit);
  }

  @Provide
  Arbitrary<Currency> currencies() {
    return Arbitraries.of("USD", "EUR", "JPY", "CLF", "IDR", "KWD", "BHD", "VND")
        .map(Currency::getInstance);
  }

  @Property(tries = 300)
  void everyAmountWithinTheLimitIsAcceptedAndExactInMinorUnits(
      @ForAll("currencies") Currency currency,
      @ForAll @LongRange(min = 0, max = Money.MAX_DEAL_MINOR_UNITS) long minor) {
    Money money = Money.ofMinor(minor, currency);
    assertThat(money.isWithinDealLimit()).isTrue();
    assertThat(money.minorUnitsWithinLimit()).isEqualTo(minor);
    Deal deal = pipeline.openDeal(Fixtures.openDeal().amount(money).build()).deal();
    assertThat(deal.amount()).isEqualTo(money);
  }

  @Property(tries = 200)
  void everyAmountAboveTheLimitIsRefusedTyped(
      @ForAll("currencies") Currency currency,
      @ForAll @LongRange(min = Money.MAX_DEAL_MINOR_UNITS + 1, max = Long.MAX_VALUE) long minor) {
    Money money = Money.ofMinor(minor, currency);
    assertThat(money.isWithinDealLimit()).isFalse();
    refusedOnAmount(() -> pipeline.openDeal(Fixtures.openDeal().amount(money).build()));
  }
}
