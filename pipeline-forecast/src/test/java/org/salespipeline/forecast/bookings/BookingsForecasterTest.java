package org.salespipeline.forecast.bookings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.salespipeline.forecast.bookings.Ledger.USD;
import static org.salespipeline.forecast.bookings.Ledger.forecaster;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.ConfigurationException;
import org.salespipeline.core.CurrencyConverter;
import org.salespipeline.core.Deal;
import org.salespipeline.core.FixedRateCurrencyConverter;
import org.salespipeline.core.Money;
import org.salespipeline.core.ValidationException;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.store.DealCommit;
import org.salespipeline.core.store.WorkspaceStore;
import org.salespipeline.core.store.memory.InMemoryPipelineStore;
import org.salespipeline.forecast.ForecastPeriod;

class BookingsForecasterTest {
  @Test
  void wonSoFarIsExactAndTheOtherPartsAreForecast() {
    Ledger l = new Ledger();
    LocalDate d = LocalDate.of(2026, 3, 1);
    l.deal(d.minusDays(40), 1000, d.plusDays(2), true) // won in March before the 10th
        .deal(d.minusDays(10), 2500, d.plusDays(5), true) // won in March before the 10th
        .deal(d.minusDays(60), 700, d.minusDays(3), true) // won in February: not this period
        .deal(d.minusDays(5), 400, d.plusDays(20), true) // won after the origin
        .deal(d.minusDays(20), 900, null, false); // still open
    BookingsForecast f =
        forecaster(l.events).forecast(ForecastPeriod.month(YearMonth.of(2026, 3)), d.plusDays(9));
    assertThat(f.wonSoFar()).isEqualTo(Money.of("3500.00", "USD"));
    assertThat(f.expected()).isEqualTo(f.wonSoFar().plus(f.openPipeline()).plus(f.newBusiness()));
    assertThat(f.p10().compareTo(f.wonSoFar())).isGreaterThanOrEqualTo(0);
    assertThat(f.p10().compareTo(f.p50())).isLessThanOrEqualTo(0);
    assertThat(f.p50().compareTo(f.p90())).isLessThanOrEqualTo(0);
    assertThat(f.currency()).isEqualTo(USD);
    assertThat(f.asOf()).isEqualTo(d.plusDays(9));
    assertThat(f.candidates())
        .extracting(BookingsAccuracy::method)
        .containsExactly("pipeline", "persistence", "seasonal-naive", "trailing-mean");
  }

  @Test
  void withoutHistoryThePipelineModelIsUsedAndItsAccuracyIsEmpty() {
    Ledger l = new Ledger();
    l.deal(LocalDate.of(2026, 1, 5), 1000, null, false);
    BookingsForecast f =
        forecaster(l.events)
            .forecast(ForecastPeriod.month(YearMonth.of(2026, 2)), LocalDate.of(2026, 2, 1));
    assertThat(f.method()).isEqualTo("pipeline");
    assertThat(f.accuracy().periods()).isZero();
    assertThat(f.accuracy().wape()).isNaN();
    assertThat(f.expected()).isEqualTo(Money.of("0.00", "USD"));
  }

  @Test
  void aFuturePeriodHasNoWonSoFar() {
    BookingsForecast f =
        forecaster(Synthetic.history(3, 400).events)
            .forecast(ForecastPeriod.month(YearMonth.of(2017, 8)), LocalDate.of(2017, 6, 15));
    assertThat(f.wonSoFar()).isEqualTo(Money.of("0.00", "USD"));
    assertThat(f.expected().amount().signum()).isPositive();
  }

  @Test
  void anOriginAtOrAfterThePeriodEndIsRefused() {
    BookingsForecaster f =
        forecaster(new Ledger().deal(LocalDate.of(2026, 1, 5), 1, null, false).events);
    ForecastPeriod jan = ForecastPeriod.month(YearMonth.of(2026, 1));
    assertThatThrownBy(() -> f.forecast(jan, LocalDate.of(2026, 2, 1)))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.concerns("asOf")).isTrue())
        .hasMessageContaining("2026-02-01");
    assertThatThrownBy(() -> f.forecast(null, LocalDate.of(2026, 1, 1)))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.concerns("period")).isTrue());
  }

  @Test
  void anAmountInAnotherCurrencyWithoutConverterIsAClearError() {
    Ledger l = new Ledger();
    l.deal(LocalDate.of(2026, 1, 5), "100.00", "EUR", null, false);
    assertThatThrownBy(() -> forecaster(l.events))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.concerns("amount")).isTrue())
        .hasMessageContaining("EUR")
        .hasMessageContaining("USD");
  }

  @Test
  void aNegativeAmountIsAClearError() {
    Ledger l = new Ledger();
    l.deal(LocalDate.of(2026, 1, 5), "-100.00", "USD", null, false);
    assertThatThrownBy(() -> forecaster(l.events))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.concerns("amount")).isTrue())
        .hasMessageContaining("-100.00");
  }

  @Test
  void aConverterBringsOtherCurrenciesIntoTheReportingCurrency() {
    Ledger l = new Ledger();
    LocalDate d = LocalDate.of(2026, 1, 5);
    l.deal(d, "100.00", "EUR", d.plusDays(3), true);
    BookingsForecaster f =
        BookingsForecaster.builder()
            .pipeline(Ledger.pipeline())
            .reportingCurrency(USD)
            .converter(
                FixedRateCurrencyConverter.builder()
                    .rate("EUR", "USD", LocalDate.of(2020, 1, 1), "1.10")
                    .build())
            .events(l.events)
            .build();
    BookingsForecast fc = f.forecast(ForecastPeriod.month(YearMonth.of(2026, 1)), d.plusDays(10));
    assertThat(fc.wonSoFar()).isEqualTo(Money.of("110.00", "USD"));
  }

  @Test
  void everyBuilderSettingRefusesASecondSet() {
    assertThatThrownBy(
            () ->
                BookingsForecaster.builder()
                    .pipeline(Ledger.pipeline())
                    .pipeline(Ledger.pipeline()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("pipeline");
    assertThatThrownBy(
            () -> BookingsForecaster.builder().reportingCurrency(USD).reportingCurrency(USD))
        .isInstanceOf(ConfigurationException.class);
    assertThatThrownBy(
            () -> BookingsForecaster.builder().zone(ZoneId.of("UTC")).zone(ZoneId.of("UTC")))
        .isInstanceOf(ConfigurationException.class);
    assertThatThrownBy(
            () ->
                BookingsForecaster.builder()
                    .converter(CurrencyConverter.sameCurrencyOnly())
                    .converter(CurrencyConverter.sameCurrencyOnly()))
        .isInstanceOf(ConfigurationException.class);
    assertThatThrownBy(() -> BookingsForecaster.builder().events(List.of()).events(List.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("event source");
    assertThatThrownBy(
            () -> BacktestPlan.builder().horizon(PeriodLength.MONTH).horizon(PeriodLength.QUARTER))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("horizon");
    assertThatThrownBy(
            () ->
                BacktestPlan.builder()
                    .monthly(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 1))
                    .origins(List.of(LocalDate.of(2026, 1, 1))))
        .isInstanceOf(ConfigurationException.class);
  }

  @Test
  void missingRequiredSettingsAreNamed() {
    assertThatThrownBy(() -> BookingsForecaster.builder().pipeline(Ledger.pipeline()).build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("reportingCurrency")
        .hasMessageContaining("events");
    assertThatThrownBy(() -> BacktestPlan.builder().build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("origins");
  }

  @Test
  void eventsNotGroupedByDealAreRefused() {
    Ledger l = new Ledger();
    l.deal(LocalDate.of(2026, 1, 5), 100, LocalDate.of(2026, 1, 9), true)
        .deal(LocalDate.of(2026, 1, 6), 100, LocalDate.of(2026, 1, 9), true);
    List<DealEvent> shuffled = new ArrayList<>(l.events);
    Collections.swap(shuffled, 1, shuffled.size() - 1);
    assertThatThrownBy(() -> forecaster(shuffled))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.concerns("events")).isTrue());
  }

  @Test
  void plansListTheirOrigins() {
    assertThat(
            BacktestPlan.builder()
                .monthly(LocalDate.of(2026, 1, 15), LocalDate.of(2026, 4, 1))
                .build()
                .origins())
        .containsExactly(
            LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1));
    BacktestPlan weekly =
        BacktestPlan.builder()
            .weekly(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 20), DayOfWeek.MONDAY)
            .build();
    assertThat(weekly.origins())
        .containsExactly(
            LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 12), LocalDate.of(2026, 1, 19));
    assertThat(weekly.horizon()).isEqualTo(PeriodLength.MONTH);
    assertThat(weekly.includeWonSoFar()).isTrue();
    assertThatThrownBy(
            () ->
                BacktestPlan.builder().monthly(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 31)))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.concerns("to")).isTrue());
    assertThat(BacktestPlan.builder().origins(List.of(LocalDate.of(2026, 1, 9))).build().origins())
        .containsExactly(LocalDate.of(2026, 1, 9));
    assertThatThrownBy(
            () ->
                BacktestPlan.builder()
                    .origins(java.util.Arrays.asList(LocalDate.of(2026, 1, 9), null)))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.concerns("origins")).isTrue());
    assertThat(PeriodLength.QUARTER.containing(LocalDate.of(2026, 5, 17)))
        .isEqualTo(ForecastPeriod.quarter(2026, 2));
  }

  @Test
  void aBacktestScoresEveryOriginFromItsOwnPastAndReportsProgress() {
    BookingsForecaster f = forecaster(Synthetic.history(11, 600).events);
    List<long[]> heard = new ArrayList<>();
    BookingsBacktest bt =
        f.backtest(
            BacktestPlan.builder()
                .weekly(LocalDate.of(2017, 3, 1), LocalDate.of(2017, 5, 31), DayOfWeek.MONDAY)
                .includeWonSoFar(false)
                .progress((done, total) -> heard.add(new long[] {done, total}))
                .build());
    assertThat(bt.rows()).hasSize(13);
    assertThat(heard).hasSize(13);
    assertThat(heard.get(12)).containsExactly(13, 13);
    for (BacktestRow r : bt.rows()) {
      assertThat(r.includesWonSoFar()).isFalse();
      assertThat(r.period().contains(r.origin())).isTrue();
      BookingsForecast alone = f.forecast(r.period(), r.origin());
      assertThat(r.expected()).isEqualTo(alone.expected().minus(alone.wonSoFar()));
      assertThat(r.wonSoFar()).isEqualTo(alone.wonSoFar());
    }
    assertThat(bt.wape()).isBetween(0.0, 10.0);
    assertThat(bt.coverage()).isBetween(0.0, 1.0);
    assertThat(bt.brier()).isBetween(0.0, 1.0);
    assertThat(bt.brierBaseRate()).isBetween(0.0, 0.25);
    assertThat(bt.baselines())
        .extracting(BookingsAccuracy::method)
        .containsExactly("persistence", "seasonal-naive", "trailing-mean");
  }

  @Test
  void removingEveryEventAfterTheOriginChangesNothing() {
    Ledger l = Synthetic.history(5, 500);
    LocalDate t = LocalDate.of(2017, 4, 12);
    ForecastPeriod p = ForecastPeriod.month(YearMonth.of(2017, 4));
    BookingsForecast all = forecaster(l.events).forecast(p, t);
    BookingsForecast past = forecaster(l.before(t)).forecast(p, t);
    assertThat(past.toString()).isEqualTo(all.toString());
    assertThat(past.candidates()).isEqualTo(all.candidates());
    assertThat(past.accuracy()).isEqualTo(all.accuracy());
  }

  @Test
  void dealsThatMovedOnWinMoreWhenTheHistorySaysSo() {
    // every month: deals that reach proposal after 5 days win on day 20, deals left in lead lose
    Ledger history = new Ledger();
    LocalDate first = LocalDate.of(2025, 1, 1);
    for (int m = 0; m < 14; m++) {
      LocalDate start = first.plusMonths(m);
      for (int k = 0; k < 20; k++) {
        LocalDate created = start.plusDays(k);
        history.deal(created, "1000", "USD", created.plusDays(5), created.plusDays(20), true);
        history.deal(created, "1000", "USD", null, created.plusDays(20), false);
      }
    }
    LocalDate t = LocalDate.of(2026, 4, 1);
    Ledger moved = new Ledger();
    moved.events.addAll(history.events);
    moved.deal(t.minusDays(8), "1000", "USD", t.minusDays(3), null, false);
    Ledger stayed = new Ledger();
    stayed.events.addAll(history.events);
    stayed.deal(t.minusDays(8), "1000", "USD", null, null, false);
    ForecastPeriod april = ForecastPeriod.month(YearMonth.of(2026, 4));
    BookingsForecast m = forecaster(moved.events).forecast(april, t);
    BookingsForecast s = forecaster(stayed.events).forecast(april, t);
    assertThat(m.openPipeline().compareTo(s.openPipeline().plus(Money.of(300, "USD"))))
        .isGreaterThan(0);
  }

  @Test
  void readsTheEventsOfAStore() {
    Ledger l = new Ledger();
    LocalDate d = LocalDate.of(2026, 3, 1);
    l.deal(d.minusDays(40), 1000, d.plusDays(2), true).deal(d.minusDays(10), 2500, null, false);
    InMemoryPipelineStore store = new InMemoryPipelineStore();
    WorkspaceStore ws = store.workspace(Ledger.WORKSPACE);
    java.util.Map<org.salespipeline.core.DealId, List<DealEvent>> byDeal =
        new java.util.LinkedHashMap<>();
    for (DealEvent e : l.events) {
      byDeal.computeIfAbsent(e.dealId(), k -> new ArrayList<>()).add(e);
    }
    for (List<DealEvent> events : byDeal.values()) {
      Deal created = ((Change.Created) events.get(0).change()).deal();
      List<DealEvent> one = new ArrayList<>();
      for (DealEvent e : events) {
        one.add(
            new DealEvent(
                e.dealId(), e.sequence(), 1, e.at(), e.actor(), e.idempotencyKey(), e.change()));
      }
      Deal deal = Deal.builder().from(created).lastEventSequence(events.size()).build();
      ws.commit(
          new DealCommit(
              0, deal, one, List.of(), java.util.Optional.empty(), java.util.Optional.empty()));
    }
    BookingsForecaster f =
        BookingsForecaster.builder()
            .pipeline(Ledger.pipeline())
            .reportingCurrency(USD)
            .from(ws)
            .build();
    BookingsForecast fc = f.forecast(ForecastPeriod.month(YearMonth.of(2026, 3)), d.plusDays(9));
    assertThat(fc.wonSoFar()).isEqualTo(Money.of("1000.00", "USD"));
  }
}
