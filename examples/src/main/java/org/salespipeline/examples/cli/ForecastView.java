package org.salespipeline.examples.cli;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.salespipeline.examples.generator.DemoCompany;
import org.salespipeline.examples.insight.BookingsOutlook;
import org.salespipeline.examples.insight.PipelineHistory;
import org.salespipeline.forecast.bookings.BookingsForecast;

/**
 * Prints this month's and this quarter's bookings forecast from pipeline-forecast's {@code
 * BookingsForecaster} (won so far + open pipeline + deals not yet created, with its band and the
 * method chosen by backtest), and the sales team's quota attainment. Stateless.
 */
public final class ForecastView {
  private ForecastView() {}

  /** Prints the outlook's month and quarter forecasts and the current quota's attainment. */
  public static void print(BookingsOutlook outlook, PipelineHistory history, PrintStream out) {
    out.println(
        "Forecast of bookings as seen at the start of "
            + outlook.today()
            + " (won so far + open pipeline + deals not yet created)");
    line("this month  ", outlook.month(), out);
    line("this quarter", outlook.quarter(), out);
    LocalDate today = history.today();
    history.quotas().stream()
        .filter(x -> x.team().equals(Optional.of(DemoCompany.SALES)))
        .filter(x -> !today.isBefore(x.periodStart()) && !today.isAfter(x.periodEnd()))
        .findFirst()
        .ifPresent(
            x -> {
              double won = outlook.quarter().wonSoFar().amount().doubleValue();
              double expected = outlook.quarter().expected().amount().doubleValue();
              double quota = x.amount().amount().doubleValue();
              out.printf(
                  Locale.ROOT,
                  "Quota %s to %s: %s, won %s (%.0f%%), expected %s (%.0f%%)%n",
                  x.periodStart(),
                  x.periodEnd(),
                  Amounts.compact(x.amount()),
                  Amounts.compact(outlook.quarter().wonSoFar()),
                  100 * won / quota,
                  Amounts.compact(outlook.quarter().expected()),
                  100 * expected / quota);
            });
  }

  private static void line(String label, BookingsForecast f, PrintStream out) {
    out.println("  " + BookingsView.headline(label, f));
    out.printf(
        Locale.ROOT,
        "    won so far %s + open pipeline %s + not yet created %s; %s's own backtest: %s%n",
        Amounts.compact(f.wonSoFar()),
        Amounts.compact(f.openPipeline()),
        Amounts.compact(f.newBusiness()),
        f.method(),
        BookingsView.figures(f.accuracy()));
  }
}
