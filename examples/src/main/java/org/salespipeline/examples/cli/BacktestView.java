package org.salespipeline.examples.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.OptionalDouble;
import org.salespipeline.examples.insight.Backtest;

/** Prints how accurate the monthly forecast was over the past months. Stateless. */
public final class BacktestView {
  /** How many complete months the demo tests. */
  public static final int MONTHS = 12;

  private BacktestView() {}

  /** Prints the accuracy, one line per month and the summary. */
  public static void print(Backtest.Result result, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "Backtest of the monthly bookings forecast (%d months; at each month's start: the pipeline"
            + " as it stood, win rates of the deals open at the 12 month starts before)%n",
        result.past().size());
    out.println("  month      P10        P50        P90        expected   actual");
    for (Backtest.Month m :
        result.past().subList(Math.max(0, result.past().size() - 6), result.past().size())) {
      out.printf(
          Locale.ROOT,
          "  %s  %-10s %-10s %-10s %-10s %-10s%s%n",
          m.month(),
          Amounts.compact(m.p10(), java.util.Currency.getInstance("USD")),
          Amounts.compact(m.p50(), java.util.Currency.getInstance("USD")),
          Amounts.compact(m.p90(), java.util.Currency.getInstance("USD")),
          Amounts.compact(m.expected(), java.util.Currency.getInstance("USD")),
          Amounts.compact(m.actual(), java.util.Currency.getInstance("USD")),
          m.actual() < m.p10() || m.actual() > m.p90() ? "  outside P10-P90" : "");
    }
    out.printf(
        Locale.ROOT,
        "  WAPE %s, bias %s, actual within P10-P90 in %.0f%% of months;"
            + " stage defaults over deals due in the month: WAPE %s, bias %s%n",
        percent(result.accuracy().wape()).replace("+", ""),
        percent(result.accuracy().bias()),
        100 * result.coverage(),
        percent(result.stageDefaultAccuracy().wape()).replace("+", ""),
        percent(result.stageDefaultAccuracy().bias()));
    out.printf(
        Locale.ROOT,
        "  calibration per deal (won in the forecast month): Brier %.3f over %,d deal-months,"
            + " reliability %.4f%n",
        result.calibration().brier(),
        result.calibration().count(),
        result.calibration().reliability());
  }

  private static String percent(OptionalDouble value) {
    return value.isPresent()
        ? String.format(Locale.ROOT, "%+.1f%%", 100 * value.getAsDouble())
        : "n/a";
  }
}
