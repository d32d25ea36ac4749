package org.salespipeline.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.DealId;
import org.salespipeline.core.Money;
import org.salespipeline.core.ProgressListener;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.UserId;
import org.salespipeline.core.command.OpenDeal;
import org.salespipeline.core.store.memory.InMemoryPipelineStore;
import org.salespipeline.forecast.DealSnapshots;
import org.salespipeline.forecast.ForecastPeriod;
import org.salespipeline.forecast.Forecaster;
import org.salespipeline.forecast.PipelineSnapshot;
import org.salespipeline.forecast.bookings.BacktestPlan;
import org.salespipeline.forecast.bookings.BookingsForecaster;
import org.salespipeline.forecast.bookings.PeriodLength;

/** The README's example: forecasts and backtests timed by {@link PipelineMetrics}. */
class ForecastMetricsTest {
  private static final UserId ANN = UserId.of("ann");

  @Test
  void forecastsAndBacktestsAreTimedUnderTheirKind() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    PipelineMetrics metrics = PipelineMetrics.of(registry);
    SalesPipeline pipeline =
        SalesPipeline.builder()
            .store(new InMemoryPipelineStore())
            .reportingCurrency("EUR")
            .observer(metrics)
            .build();
    DealId id =
        pipeline
            .openDeal(
                OpenDeal.builder()
                    .name("Acme platform")
                    .owner(ANN)
                    .actor(ANN)
                    .amount(Money.of("50000.00", "EUR"))
                    .expectedCloseDate(LocalDate.of(2026, 6, 30))
                    .build())
            .deal()
            .id();
    assertThat(id).isNotNull();

    BookingsForecaster forecaster =
        BookingsForecaster.builder()
            .pipeline(pipeline.defaultPipeline())
            .reportingCurrency(pipeline.reportingCurrency())
            .from(pipeline.store())
            .observer(metrics) // times forecast() and backtest()
            .build();
    forecaster.forecast(ForecastPeriod.month(YearMonth.of(2027, 6)), LocalDate.of(2027, 6, 1));
    forecaster.backtest(
        BacktestPlan.builder()
            .monthly(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 1))
            .horizon(PeriodLength.MONTH)
            .build());

    assertThat(analyses(registry, "forecast")).isEqualTo(1);
    assertThat(analyses(registry, "backtest")).isEqualTo(1);
  }

  @Test
  void snapshotDistributionsAreTimedAsForecastsAndTheSumsAreNot() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    SalesPipeline pipeline =
        SalesPipeline.builder().store(new InMemoryPipelineStore()).reportingCurrency("EUR").build();
    pipeline.openDeal(
        OpenDeal.builder()
            .name("Acme platform")
            .owner(ANN)
            .actor(ANN)
            .amount(Money.of("50000.00", "EUR"))
            .expectedCloseDate(LocalDate.of(2026, 6, 30))
            .build());
    PipelineSnapshot snapshot =
        DealSnapshots.fromStore(
            pipeline.store(),
            pipeline.defaultPipeline(),
            pipeline.reportingCurrency(),
            Instant.now(),
            ZoneOffset.UTC,
            pipeline.currencyConverter());
    Forecaster forecaster = Forecaster.of(snapshot).withObserver(PipelineMetrics.of(registry));
    ForecastPeriod quarter = ForecastPeriod.quarter(2026, 2);
    forecaster.weighted(quarter);
    forecaster.distribution(quarter);
    forecaster.monteCarlo(quarter, 100, 7L, ProgressListener.NONE);

    assertThat(analyses(registry, "forecast")).isEqualTo(2);
  }

  private static long analyses(SimpleMeterRegistry registry, String kind) {
    return registry
        .get(PipelineMetrics.ANALYSES)
        .tag("kind", kind)
        .tag("outcome", "ok")
        .timer()
        .count();
  }
}
