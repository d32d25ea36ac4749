package org.salespipeline.forecast.bookings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.LocalDate;
import java.util.Currency;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
