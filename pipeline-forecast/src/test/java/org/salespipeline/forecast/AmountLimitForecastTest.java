package org.salespipeline.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.CurrencyConverter;
import org.salespipeline.core.Deal;
import org.salespipeline.core.FixedRateCurrencyConverter;
import org.salespipeline.core.Money;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.UserId;
import org.salespipeline.core.ValidationException;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.command.OpenDeal;
import org.salespipeline.core.stage.PipelineDefinition;
import org.salespipeline.core.stage.StandardPipelines;
import org.salespipeline.core.store.memory.InMemoryPipelineStore;

/**
 * Issue 14, item 9: every amount the engine accepts ({@link Money#MAX_DEAL_MINOR_UNITS} minor units
 * at most) works in snapshots and forecasts; an amount converted beyond the snapshot's range is a
 * typed error, never an ArithmeticException.
 */
class AmountLimitForecastTest {
  static final PipelineDefinition PIPE = StandardPipelines.newBusiness();
  static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
  static final LocalDate AS_OF = LocalDate.of(2026, 3, 2);
  static final UserId ALICE = UserId.of("alice");

  static SalesPipeline engine() {
    return SalesPipeline.builder()
        .store(new InMemoryPipelineStore())
        .workspace(WorkspaceId.of("limits"))
        .clock(java.time.Clock.fixed(NOW, ZoneOffset.UTC))
        .build();
  }

  static OpenDeal open(Money amount) {
    return OpenDeal.builder()
        .name("Large deal")
        .owner(ALICE)
        .actor(ALICE)
        .amount(amount)
        .expectedCloseDate(AS_OF.plusMonths(1))
        .build();
  }

  static PipelineSnapshot snapshot(List<Deal> deals, Currency currency, CurrencyConverter rates) {
    return DealSnapshots.fromDeals(deals, PIPE, currency, AS_OF, ZoneOffset.UTC, rates);
  }

  @Test
  void theLargestIdrDealsSnapshotAndForecastInIdr() {
    SalesPipeline pipeline = engine();
    List<Deal> deals = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      deals.add(pipeline.openDeal(open(Money.of("175000000000", "IDR"))).deal());
    }
    Currency idr = Currency.getInstance("IDR");
    PipelineSnapshot s = snapshot(deals, idr, FixedRateCurrencyConverter.builder().build());
    Forecaster f = Forecaster.of(s);
    assertThat(f.weighted()).isPositive().isLessThanOrEqualTo(3 * 17_500_000_000_000.0);
    assertThat(f.rollup(ForecastPeriod.months(java.time.YearMonth.of(2026, 3), 2).get(1)))
        .isNotNull();
  }

  @Test
  void anAmountConvertedBeyondTheSnapshotRangeIsATypedError() {
    SalesPipeline pipeline = engine();
    Deal usd = pipeline.openDeal(open(Money.of("150000000000", "USD"))).deal();
    CurrencyConverter rates =
        FixedRateCurrencyConverter.builder()
            .rate("USD", "IDR", LocalDate.of(2026, 1, 1), "16250")
            .build();
    assertThatThrownBy(() -> snapshot(List.of(usd), Currency.getInstance("IDR"), rates))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.concerns("amount")).isTrue());
  }

  @Provide
  Arbitrary<List<Money>> acceptedAmounts() {
    return Arbitraries.of("USD", "JPY", "CLF", "IDR", "KWD")
        .map(Currency::getInstance)
        .flatMap(
            c ->
                Arbitraries.oneOf(
                        Arbitraries.longs().between(0, Money.MAX_DEAL_MINOR_UNITS),
                        Arbitraries.longs()
                            .between(Money.MAX_DEAL_MINOR_UNITS - 1000, Money.MAX_DEAL_MINOR_UNITS))
                    .map(minor -> Money.ofMinor(minor, c)))
        .list()
        .ofMinSize(1)
        .ofMaxSize(40);
  }

  @Property(tries = 60)
  void everyAcceptedAmountForecastsInItsOwnCurrency(
      @ForAll("acceptedAmounts") List<Money> amounts) {
    SalesPipeline pipeline = engine();
    Currency currency = amounts.get(0).currency();
    List<Deal> deals = new ArrayList<>();
    long total = 0;
    for (Money m : amounts) {
      Money same = Money.ofMinor(m.toMinorUnits(), currency);
      deals.add(pipeline.openDeal(open(same)).deal());
      total += same.toMinorUnits();
    }
    PipelineSnapshot s = snapshot(deals, currency, FixedRateCurrencyConverter.builder().build());
    Forecaster f = Forecaster.of(s);
    assertThat(f.weighted()).isBetween(0.0, (double) total);
  }
}
