package org.salespipeline.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.FixedRateCurrencyConverter;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.Money;
import org.salespipeline.core.ValidationException;

class PipelineSnapshotTest {
  static final Currency USD = Currency.getInstance("USD");
  static final LocalDate AS_OF = LocalDate.of(2026, 3, 15);

  @Test
  void rowsAreOrderedByStatusAndNamesAreIndexed() {
    PipelineSnapshot s =
        PipelineSnapshot.builder(USD, AS_OF)
            .stages(java.util.List.of("qualify", "propose"))
            .deal("won-1")
            .amountMinor(500)
            .closeDate(AS_OF)
            .stage("propose")
            .owner("bob")
            .status(DealStatus.WON)
            .add()
            .deal("open-1")
            .amountMinor(1000)
            .probability(0.4)
            .closeDate(AS_OF.plusDays(10))
            .stage("qualify")
            .owner("alice")
            .createdOn(AS_OF.minusDays(30))
            .pushCount(2)
            .add()
            .build();
    assertThat(s.size()).isEqualTo(2);
    assertThat(s.openCount()).isEqualTo(1);
    assertThat(s.id(0)).isEqualTo("open-1");
    assertThat(s.ageDays(0)).isEqualTo(30);
    assertThat(s.pushCount(0)).isEqualTo(2);
    assertThat(s.category(0)).isEqualTo(ForecastCategory.PIPELINE);
    assertThat(s.category(1)).isEqualTo(ForecastCategory.CLOSED);
    assertThat(s.stageNames()).containsExactly("qualify", "propose");
    assertThat(s.ownerNames()).containsExactly("bob", "alice");
    assertThat(s.probabilityOverride(0)).isEmpty();
  }

  @Test
  void convertsOtherCurrenciesAtTheSnapshotDate() {
    FixedRateCurrencyConverter fx =
        FixedRateCurrencyConverter.builder()
            .rate("EUR", "USD", AS_OF.minusYears(1), "1.10")
            .build();
    PipelineSnapshot s =
        PipelineSnapshot.builder(USD, AS_OF)
            .converter(fx)
            .deal("d")
            .amount(Money.of("100.00", "EUR"))
            .closeDate(AS_OF)
            .stage("s")
            .owner("o")
            .add()
            .build();
    assertThat(s.amount(0)).isEqualTo(11_000L);
  }

  @Test
  void refusesBadRowsNamingEveryField() {
    var b = PipelineSnapshot.builder(USD, AS_OF);
    assertThatThrownBy(() -> b.deal("x").add())
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.concerns("amount")).isTrue();
              assertThat(e.concerns("closeDate")).isTrue();
              assertThat(e.concerns("stage")).isTrue();
              assertThat(e.concerns("owner")).isTrue();
            });
    assertThatThrownBy(() -> b.deal("x").probability(Double.NaN))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> b.deal("x").probability(1.5)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> b.deal("x").amountMinor(-1)).isInstanceOf(ValidationException.class);
    b.deal("x").amountMinor(1).closeDate(AS_OF).stage("s").owner("o").add();
    assertThatThrownBy(
            () -> b.deal("x").amountMinor(1).closeDate(AS_OF).stage("s").owner("o").add())
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void overrideIsKeptBesideTheProbability() {
    PipelineSnapshot s =
        PipelineSnapshot.builder(USD, AS_OF)
            .deal("d")
            .amountMinor(100)
            .probability(0.2)
            .probabilityOverride(0.9)
            .closeDate(AS_OF)
            .stage("s")
            .owner("o")
            .add()
            .build();
    assertThat(s.probability(0)).isEqualTo(0.2);
    assertThat(s.probabilityOverride(0)).hasValue(0.9);
    assertThat(Forecaster.of(s).weighted()).isEqualTo(20.0);
    ForecastPeriod month = ForecastPeriod.month(java.time.YearMonth.from(AS_OF));
    assertThat(Forecaster.of(s).weighted(month)).isEqualTo(20.0);
    assertThat(Forecaster.of(s).weightedWithOverrides(month)).isEqualTo(90.0);
  }

  @Test
  void whatIfEditsDoNotTouchTheOriginal() {
    PipelineSnapshot s =
        PipelineSnapshot.builder(USD, AS_OF)
            .deal("a")
            .amountMinor(100)
            .probability(0.5)
            .closeDate(AS_OF)
            .stage("s")
            .owner("o")
            .add()
            .deal("b")
            .amountMinor(300)
            .probability(0.5)
            .closeDate(AS_OF)
            .stage("s")
            .owner("o")
            .add()
            .build();
    PipelineSnapshot t =
        s.with(
            b -> {
              b.remove("a");
              b.row("b").probability(1.0).add();
              b.deal("c")
                  .amountMinor(50)
                  .probability(1)
                  .closeDate(AS_OF)
                  .stage("s")
                  .owner("p")
                  .add();
            });
    assertThat(Forecaster.of(s).weighted()).isEqualTo(200.0);
    assertThat(Forecaster.of(t).weighted()).isEqualTo(350.0);
    assertThat(t.size()).isEqualTo(2);
  }

  @Test
  void emptySnapshotForecastsZero() {
    PipelineSnapshot s = PipelineSnapshot.builder(USD, AS_OF).build();
    Forecaster f = Forecaster.of(s);
    assertThat(f.weighted()).isZero();
    ForecastPeriod q = ForecastPeriod.quarter(2026, 1);
    assertThat(f.rollup(q)).isEqualTo(new CategoryRollup(0, 0, 0, 0, 0));
    assertThat(f.distribution(q).p90()).isZero();
  }
}
