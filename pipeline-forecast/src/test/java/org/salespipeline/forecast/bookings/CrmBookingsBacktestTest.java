package org.salespipeline.forecast.bookings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.forecast.ForecastPeriod;

/**
 * Issue 13's protocol on the public CRM sample: start-of-month origins 2017-04 to 2017-12, month
 * horizon, histories rebuilt without look-ahead (see {@link CrmHistory}).
 */
class CrmBookingsBacktestTest {
  static CrmHistory history;
  static BookingsBacktest backtest;

  @BeforeAll
  static void run() throws Exception {
    assumeTrue(CrmHistory.present(), "CRM data set absent at " + CrmHistory.DIR.toAbsolutePath());
    history = CrmHistory.load();
    BookingsForecaster f =
        BookingsForecaster.builder()
            .pipeline(CrmHistory.pipeline())
            .reportingCurrency(Currency.getInstance("USD"))
            .events(history.events)
            .build();
    backtest =
        f.backtest(
            BacktestPlan.builder()
                .monthly(LocalDate.of(2017, 4, 1), LocalDate.of(2017, 12, 1))
                .horizon(PeriodLength.MONTH)
                .build());
    for (BacktestRow r : backtest.rows()) {
      System.out.println(
          r + " | won " + r.wonSoFar() + " pipe " + r.openPipeline() + " new " + r.newBusiness());
    }
    System.out.printf(
        "CRM bookings backtest: WAPE %.3f bias %+.3f MAPE %.3f coverage %.3f width %.3f Brier %.4f"
            + " (base rate %.4f)%n",
        backtest.wape(),
        backtest.bias(),
        backtest.mape(),
        backtest.coverage(),
        backtest.meanWidth(),
        backtest.brier(),
        backtest.brierBaseRate());
    backtest.baselines().forEach(System.out::println);
  }

  /** The table published in pipeline-forecast/README.md, rendered from this run. */
  static String table(BookingsBacktest bt) {
    StringBuilder t = new StringBuilder();
    t.append("| origin | method | expected | P10 | P90 | actual | in band |\n");
    t.append("|---|---|---:|---:|---:|---:|---|\n");
    for (BacktestRow r : bt.rows()) {
      t.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %,.0f | %,.0f | %,.0f | %,.0f | %s |%n",
              r.origin(),
              r.method(),
              r.expected().amount(),
              r.p10().amount(),
              r.p90().amount(),
              r.actual().amount(),
              r.covered() ? "yes" : "no"));
    }
    t.append(
        String.format(
            Locale.ROOT,
            "%nWAPE %.3f, bias %+.3f, MAPE %.3f, P10-P90 coverage %d of %d, mean (P90 - P10) / actual"
                + " %.3f; Brier %.4f (base rate %.4f).%n",
            bt.wape(),
            bt.bias(),
            bt.mape(),
            bt.rows().stream().filter(BacktestRow::covered).count(),
            bt.rows().size(),
            bt.meanWidth(),
            bt.brier(),
            bt.brierBaseRate()));
    for (BookingsAccuracy b : bt.baselines()) {
      t.append(
          String.format(
              Locale.ROOT,
              "- %s on the same origins: WAPE %.3f, bias %+.3f over %d months%n",
              b.method(),
              b.wape(),
              b.bias(),
              b.periods()));
    }
    return t.toString();
  }

  @Test
  void theReadmePublishesTheseFigures() throws Exception {
    String rendered = table(backtest);
    System.out.println(rendered);
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    assertThat(readme).contains(rendered);
  }

  @Test
  void removingEveryEventFromTheOriginOnChangesNothing() {
    LocalDate t = LocalDate.of(2017, 9, 1);
    Instant cut = t.atStartOfDay(ZoneOffset.UTC).toInstant();
    List<DealEvent> past = new ArrayList<>();
    for (DealEvent e : history.events) {
      if (e.at().isBefore(cut)) {
        past.add(e);
      }
    }
    assertThat(past.size()).isLessThan(history.events.size());
    ForecastPeriod sep = ForecastPeriod.month(YearMonth.of(2017, 9));
    BookingsForecast all = forecaster(history.events).forecast(sep, t);
    BookingsForecast known = forecaster(past).forecast(sep, t);
    assertThat(known.toString()).isEqualTo(all.toString());
    assertThat(known.candidates()).isEqualTo(all.candidates());
  }

  static BookingsForecaster forecaster(List<DealEvent> events) {
    return BookingsForecaster.builder()
        .pipeline(CrmHistory.pipeline())
        .reportingCurrency(Currency.getInstance("USD"))
        .events(events)
        .build();
  }

  @Test
  void skipsProspectingRowsAndCountsThem() {
    assertThat(history.skippedProspecting).isEqualTo(500);
    assertThat(history.deals).isEqualTo(8300);
  }

  @Test
  void meetsTheIssueTargets() {
    assertThat(backtest.rows()).hasSize(9);
    assertThat(backtest.wape()).isLessThanOrEqualTo(0.20);
    assertThat(Math.abs(backtest.bias())).isLessThanOrEqualTo(0.10);
    assertThat(backtest.rows().stream().filter(BacktestRow::covered).count())
        .isGreaterThanOrEqualTo(6);
    assertThat(backtest.meanWidth()).isLessThanOrEqualTo(0.6);
  }
}
