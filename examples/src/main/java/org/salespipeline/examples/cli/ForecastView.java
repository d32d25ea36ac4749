package org.salespipeline.examples.cli;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Locale;
import org.salespipeline.examples.generator.DemoCompany;
import org.salespipeline.examples.generator.PipelineGenerator;
import org.salespipeline.examples.insight.PipelineHistory;
import org.salespipeline.forecast.ForecastPeriod;
import org.salespipeline.forecast.Forecaster;
import org.salespipeline.forecast.PipelineSnapshot;
import org.salespipeline.forecast.distribution.RevenueDistribution;

/**
 * Prints this month's and this quarter's forecast: won so far plus the open deals expected to close
 * in the period (overdue ones moved into it), weighted by stage probability, with P10/P50/P90 from
 * pipeline-forecast's revenue distribution, against the sales team's quota. Stateless.
 */
public final class ForecastView {
  private ForecastView() {}

  /** Prints the forecast of the month and the quarter of the history's day. */
  public static void print(PipelineHistory history, PrintStream out) {
    LocalDate today = history.today();
    LocalDate month = today.withDayOfMonth(1);
    LocalDate quarter = PipelineGenerator.quarterStart(today);
    PipelineSnapshot now = history.snapshot(history.clock().instant());
    out.println("Forecast (won so far + open deals closing in the period, weighted)");
    line(now, history, "this month", ForecastPeriod.of(month, month.plusMonths(1)), out);
    ForecastPeriod q = ForecastPeriod.of(quarter, quarter.plusMonths(3));
    line(now, history, "this quarter", q, out);
    history.quotas().stream()
        .filter(x -> x.team().equals(java.util.Optional.of(DemoCompany.SALES)))
        .filter(x -> !today.isBefore(x.periodStart()) && !today.isAfter(x.periodEnd()))
        .findFirst()
        .ifPresent(
            x -> {
              double won = Forecaster.of(now).closed(q) / scale(history.currency());
              double quota = x.amount().amount().doubleValue();
              out.printf(
                  Locale.ROOT,
                  "Quota %s to %s: won %s of %s (%.0f%%)%n",
                  x.periodStart(),
                  x.periodEnd(),
                  Amounts.compact(won, history.currency()),
                  Amounts.compact(x.amount()),
                  100 * won / quota);
            });
  }

  private static void line(
      PipelineSnapshot now,
      PipelineHistory history,
      String label,
      ForecastPeriod period,
      PrintStream out) {
    int first = period.startDay();
    PipelineSnapshot moved =
        now.with(
            b -> {
              for (int i = 0; i < now.openCount(); i++) {
                if (now.closeDay(i) < first) {
                  b.row(now.id(i)).closeDate(period.start()).add();
                }
              }
            });
    Forecaster f = Forecaster.of(moved);
    RevenueDistribution range = f.distribution(period);
    long open = 0;
    for (int i = 0; i < moved.openCount(); i++) {
      if (period.contains(LocalDate.ofEpochDay(moved.closeDay(i)))) {
        open += moved.amount(i);
      }
    }
    Currency c = history.currency();
    double s = scale(c);
    out.printf(
        Locale.ROOT,
        "  %-13s %s to %s: won %s, open %s, expected %s  P10 %s  P50 %s  P90 %s%n",
        label,
        period.start(),
        period.end().minusDays(1),
        Amounts.compact(f.closed(period) / s, c),
        Amounts.compact(open / s, c),
        Amounts.compact(range.mean() / s, c),
        Amounts.compact(range.p10() / s, c),
        Amounts.compact(range.p50() / s, c),
        Amounts.compact(range.p90() / s, c));
  }

  private static double scale(Currency c) {
    return Math.pow(10, c.getDefaultFractionDigits());
  }
}
