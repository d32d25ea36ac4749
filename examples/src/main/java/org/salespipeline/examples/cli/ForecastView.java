package org.salespipeline.examples.cli;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.salespipeline.examples.generator.DemoCompany;
import org.salespipeline.examples.insight.BookingsOutlook;
import org.salespipeline.examples.insight.PipelineHistory;
import org.salespipeline.forecast.bookings.BookingsForecast;
import org.salespipeline.forecast.bookings.ForecastPart;
import org.salespipeline.forecast.bookings.PartForecast;
import org.salespipeline.forecast.bookings.PartsForecast;

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

  /**
   * Prints a forecast by part: new business, renewals and expansion, each with its expected value
   * and P10-P90 band, and the total (the sum of the parts' expected values).
   */
  public static void parts(String label, PartsForecast f, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "By part, %s (%s): expected %s, P10 %s, P90 %s%n",
        label,
        BookingsView.range(f.period()),
        Amounts.compact(f.expected()),
        Amounts.compact(f.p10()),
        Amounts.compact(f.p90()));
    for (PartForecast p : f.parts()) {
      out.printf(
          Locale.ROOT,
          "    %-13s %9s  (won so far %s, P10 %s, P90 %s)%n",
          partName(p.part()),
          Amounts.compact(p.expected()),
          Amounts.compact(p.wonSoFar()),
          Amounts.compact(p.p10()),
          Amounts.compact(p.p90()));
    }
    out.printf(
        Locale.ROOT,
        "    renewals due %d; renewal weights healthy %.2f, at risk %.2f (from %d and %d"
            + " outcomes)%n",
        f.renewalsDue(),
        f.renewalWeights().healthy(),
        f.renewalWeights().atRisk(),
        f.renewalWeights().healthyOutcomes(),
        f.renewalWeights().atRiskOutcomes());
  }

  /** The name of a part as people say it. */
  public static String partName(ForecastPart part) {
    return switch (part) {
      case NEW_BUSINESS -> "new business";
      case RENEWAL -> "renewals";
      case EXPANSION -> "expansion";
    };
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
