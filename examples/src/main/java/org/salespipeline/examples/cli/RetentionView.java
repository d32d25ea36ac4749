package org.salespipeline.examples.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.salespipeline.core.RetentionBoard;
import org.salespipeline.examples.insight.PipelineHistory;
import org.salespipeline.forecast.ForecastPeriod;
import org.salespipeline.forecast.retention.RetentionMetrics;
import org.salespipeline.forecast.retention.RetentionPeriod;
import org.salespipeline.forecast.retention.RetentionReport;

/**
 * The terminal's Post-Sale/Retention part (issue 17): the retention board (accounts and recurring
 * value per status) and, for the last four quarters, the waterfall with GRR, NRR and logo
 * retention.
 */
final class RetentionView {
  private RetentionView() {}

  /** The last four quarters up to the one holding today. */
  static List<ForecastPeriod> quarters(PipelineHistory history) {
    ForecastPeriod current = PipelineHistory.quarter(history.today());
    List<ForecastPeriod> out = new ArrayList<>();
    for (int back = 3; back >= 0; back--) {
      out.add(
          ForecastPeriod.of(
              current.start().minusMonths(3L * back), current.start().minusMonths(3L * back - 3)));
    }
    return out;
  }

  static RetentionReport report(PipelineHistory history) {
    return RetentionMetrics.of(
            quarters(history),
            history.currency(),
            history.converter(),
            history.today(),
            history.zone())
        .read(history.events().stream());
  }

  static void print(RetentionBoard board, RetentionReport report, PrintStream out) {
    out.println("Retention - accounts after the win");
    for (RetentionBoard.Column c : board.columns()) {
      out.printf(
          Locale.ROOT,
          "  %-12s %6d accounts %12s recurring%n",
          c.status(),
          c.accounts(),
          Amounts.compact(c.recurringValue()));
    }
    out.println();
    out.printf(
        Locale.ROOT,
        "  %-23s %9s %9s %9s %9s %9s %9s  %5s %5s %6s%n",
        "quarter",
        "start",
        "new",
        "expand",
        "contract",
        "churn",
        "end",
        "GRR",
        "NRR",
        "logos");
    for (RetentionPeriod p : report.periods()) {
      out.printf(
          Locale.ROOT,
          "  %-23s %9s %9s %9s %9s %9s %9s  %5s %5s %6s%n",
          p.period().start() + " - " + p.period().end().minusDays(1),
          Amounts.compact(p.waterfall().start()),
          Amounts.compact(p.waterfall().newRevenue()),
          Amounts.compact(p.waterfall().expansion()),
          Amounts.compact(p.waterfall().contraction()),
          Amounts.compact(p.waterfall().churn()),
          Amounts.compact(p.waterfall().end()),
          percent(p.grossRevenueRetention()),
          percent(p.netRevenueRetention()),
          percent(p.logoRetention()));
    }
    if (!report.churnReasons().isEmpty()) {
      out.printf(
          Locale.ROOT,
          "  top churn reason: %s (%d times)%n",
          report.churnReasons().get(0).reason(),
          report.churnReasons().get(0).times());
    }
  }

  private static String percent(double share) {
    return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.0f%%", share * 100);
  }
}
