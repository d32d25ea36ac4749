package org.salespipeline.forecast.bookings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.salespipeline.forecast.bookings.Ledger.USD;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.ConfigurationException;
import org.salespipeline.core.ValidationException;
import org.salespipeline.core.event.PipelineObserver;
import org.salespipeline.forecast.ForecastPeriod;

class BookingsForecasterObserverTest {
  /** Records the kinds of analysis it ran, in order. */
  static final class Recording implements PipelineObserver {
    final List<String> kinds = new ArrayList<>();

    @Override
    public <T> T observeAnalysis(String kind, Supplier<T> analysis) {
      kinds.add(kind);
      return analysis.get();
    }
  }

  private static BookingsForecaster.Builder builder() {
    Ledger l = new Ledger();
    l.deal(LocalDate.of(2026, 1, 5), 1000, LocalDate.of(2026, 1, 20), true)
        .deal(LocalDate.of(2026, 1, 10), 500, null, false);
    return BookingsForecaster.builder()
        .pipeline(Ledger.pipeline())
        .reportingCurrency(USD)
        .events(l.events);
  }

  @Test
  void forecastsAndBacktestsRunThroughTheObserverUnderTheirOwnKind() {
    Recording observer = new Recording();
    BookingsForecaster f = builder().observer(observer).build();
    BookingsForecast feb =
        f.forecast(ForecastPeriod.month(YearMonth.of(2026, 2)), LocalDate.of(2026, 2, 1));
    f.backtest(
        BacktestPlan.builder()
            .monthly(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1))
            .horizon(PeriodLength.MONTH)
            .build());
    assertThat(feb.currency()).isEqualTo(USD);
    assertThat(observer.kinds).containsExactly("forecast", "backtest");
  }

  @Test
  void badArgumentsAreRefusedBeforeTheObserverSeesThem() {
    Recording observer = new Recording();
    BookingsForecaster f = builder().observer(observer).build();
    assertThatThrownBy(() -> f.forecast(null, LocalDate.of(2026, 2, 1)))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> f.backtest(null)).isInstanceOf(ValidationException.class);
    assertThat(observer.kinds).isEmpty();
  }

  @Test
  void theObserverIsSetOnceAndNotNull() {
    assertThatThrownBy(() -> builder().observer(null)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> builder().observer(PipelineObserver.none()).observer(new Recording()))
        .isInstanceOf(ConfigurationException.class);
  }

  @Test
  void withoutAnObserverNothingIsObservedAndTheForecastIsTheSame() {
    ForecastPeriod feb = ForecastPeriod.month(YearMonth.of(2026, 2));
    LocalDate asOf = LocalDate.of(2026, 2, 1);
    assertThat(builder().build().forecast(feb, asOf).expected())
        .isEqualTo(builder().observer(new Recording()).build().forecast(feb, asOf).expected());
  }
}
