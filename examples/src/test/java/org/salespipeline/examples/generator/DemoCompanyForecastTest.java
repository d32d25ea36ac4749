package org.salespipeline.examples.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.store.memory.InMemoryPipelineStore;
import org.salespipeline.examples.insight.PipelineHistory;
import org.salespipeline.examples.progress.Progress;
import org.salespipeline.forecast.bookings.BacktestPlan;
import org.salespipeline.forecast.bookings.BookingsAccuracy;
import org.salespipeline.forecast.bookings.BookingsBacktest;
import org.salespipeline.forecast.bookings.PeriodLength;

/**
 * Issue 13 on the demo's generated company: the bookings forecast at the start of each of 24
 * rolling months (after a year of history to learn from) keeps its P10-P90 band honest (it covers
 * between 65% and 95% of the months) and beats every naive baseline on WAPE. The figures go to
 * stdout.
 */
class DemoCompanyForecastTest {
  static final int MONTHS = 24;

  @Test
  void theForecastBeatsTheNaiveMethodsWithAnHonestBand() {
    // the demo's default pace (10,000 deals over two years) over three years
    GeneratorOptions options =
        new GeneratorOptions(15_000, 42, Instant.parse("2026-06-15T17:00:00Z"), 3 * 365);
    MutableClock clock = new MutableClock(options.start());
    SalesPipeline pipeline =
        DemoCompany.engine(
                new InMemoryPipelineStore(), clock, options.seed(), LocalDate.of(2023, 1, 1))
            .build();
    PipelineGenerator.generate(pipeline, clock, options, Progress.NONE);
    PipelineHistory history = PipelineHistory.read(pipeline);
    LocalDate firstOfThisMonth = history.today().withDayOfMonth(1);
    BookingsBacktest bt =
        history
            .forecaster()
            .backtest(
                BacktestPlan.builder()
                    .monthly(firstOfThisMonth.minusMonths(MONTHS), firstOfThisMonth.minusMonths(1))
                    .horizon(PeriodLength.MONTH)
                    .build());
    assertThat(bt.rows()).hasSize(MONTHS);
    StringBuilder figures =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "demo company, %d monthly origins: WAPE %.3f, bias %+.3f, coverage %.3f, width %.3f",
                bt.rows().size(),
                bt.wape(),
                bt.bias(),
                bt.coverage(),
                bt.meanWidth()));
    for (BookingsAccuracy a : bt.baselines()) {
      figures.append(
          String.format(Locale.ROOT, "; %s WAPE %.3f over %d", a.method(), a.wape(), a.periods()));
    }
    System.out.println(figures);
    assertThat(bt.coverage()).as(figures.toString()).isBetween(0.65, 0.95);
    for (BookingsAccuracy a : bt.baselines()) {
      assertThat(a.periods()).as(a.method() + " scored").isPositive();
      assertThat(bt.wape()).as(a.method() + ": " + figures).isLessThan(a.wape());
    }
  }
}
