package org.salespipeline.examples.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.salespipeline.core.Money;
import org.salespipeline.forecast.ForecastPeriod;
import org.salespipeline.forecast.bookings.BacktestRow;
import org.salespipeline.forecast.bookings.BookingsAccuracy;
import org.salespipeline.forecast.bookings.BookingsBacktest;
import org.salespipeline.forecast.bookings.BookingsForecast;

/**
 * Renders pipeline-forecast's one bookings forecast ({@code BookingsForecaster}) for people, as
 * text, and for programs, as one JSON document. The demo, the board, the report and the {@code
 * forecast} and {@code backtest} commands all show the same figures through it. Stateless.
 */
public final class BookingsView {
  private BookingsView() {}

  /** One line: the period, expected value and band, for the demo's headline and the board. */
  public static String headline(String label, BookingsForecast f) {
    return String.format(
        Locale.ROOT,
        "%s %s: expected %s  P10 %s  P50 %s  P90 %s  (%s)",
        label,
        range(f.period()),
        Amounts.compact(f.expected()),
        Amounts.compact(f.p10()),
        Amounts.compact(f.p50()),
        Amounts.compact(f.p90()),
        f.method());
  }

  /** The forecast with its parts, the method chosen and every candidate's own backtest figures. */
  public static void print(BookingsForecast f, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "Bookings forecast for %s, as of the start of %s (%s)%n",
        range(f.period()),
        f.asOf(),
        f.currency().getCurrencyCode());
    out.printf(
        Locale.ROOT,
        "  expected %s   P10 %s   P50 %s   P90 %s%n",
        Amounts.compact(f.expected()),
        Amounts.compact(f.p10()),
        Amounts.compact(f.p50()),
        Amounts.compact(f.p90()));
    out.printf(
        Locale.ROOT,
        "  parts: won so far %s + open pipeline %s + deals not yet created %s%n",
        Amounts.compact(f.wonSoFar()),
        Amounts.compact(f.openPipeline()),
        Amounts.compact(f.newBusiness()));
    out.printf(
        Locale.ROOT,
        "  method: %s, chosen by its backtest on this workspace's past: %s%n",
        f.method(),
        figures(f.accuracy()));
    out.println("  candidates (rolling origins before the forecast):");
    for (BookingsAccuracy a : f.candidates()) {
      out.printf(Locale.ROOT, "    %-15s %s%n", a.method(), figures(a));
    }
  }

  /**
   * The backtest: one line per origin (the last {@code lastRows}), the summary and the naive
   * baselines on the same origins.
   */
  public static void print(BookingsBacktest bt, String subject, int lastRows, PrintStream out) {
    List<BacktestRow> rows = bt.rows();
    out.printf(
        Locale.ROOT,
        "Backtest of the %s: %d origins%s, each forecast from what was known at its start (no"
            + " look-ahead)%n",
        subject,
        rows.size(),
        rows.size() > lastRows ? " (the last " + lastRows + " shown)" : "");
    out.println(
        "  origin      period                   P10       P50       P90       expected  actual"
            + "    method");
    for (BacktestRow r : rows.subList(Math.max(0, rows.size() - lastRows), rows.size())) {
      out.printf(
          Locale.ROOT,
          "  %s  %-23s  %-9s %-9s %-9s %-9s %-9s %s%s%n",
          r.origin(),
          range(r.period()),
          Amounts.compact(r.p10()),
          Amounts.compact(r.p50()),
          Amounts.compact(r.p90()),
          Amounts.compact(r.expected()),
          Amounts.compact(r.actual()),
          r.method(),
          r.covered() ? "" : "  outside P10-P90");
    }
    out.printf(
        Locale.ROOT,
        "  forecaster: WAPE %s, bias %s, MAPE %s, actual within P10-P90 %s, mean width %s;"
            + " Brier %s (base rate %s)%n",
        ratio(bt.wape()),
        signed(bt.bias()),
        ratio(bt.mape()),
        ratio(bt.coverage()),
        ratio(bt.meanWidth()),
        decimal(bt.brier()),
        decimal(bt.brierBaseRate()));
    for (BookingsAccuracy a : bt.baselines()) {
      out.printf(Locale.ROOT, "  %-15s %s%n", a.method(), figures(a));
    }
  }

  /** WAPE, bias and coverage of one method. */
  static String figures(BookingsAccuracy a) {
    if (a.periods() == 0) {
      return "no history to score it";
    }
    return String.format(
        Locale.ROOT,
        "WAPE %s, bias %s, P10-P90 coverage %s over %d periods",
        ratio(a.wape()),
        signed(a.bias()),
        Double.isNaN(a.coverage()) ? "n/a (no band)" : ratio(a.coverage()),
        a.periods());
  }

  /** A forecast as one JSON document. */
  public static String json(BookingsForecast f) {
    Json j = new Json().object();
    j.key("currency").value(f.currency().getCurrencyCode());
    j.key("origin").value(f.asOf().toString());
    period(j, f.period());
    amounts(j, f.expected(), f.p10(), f.p50(), f.p90());
    // why: the same fields as a backtest row; the period has not ended, so nothing to compare yet
    j.key("actual").value((String) null);
    parts(j, f.wonSoFar(), f.openPipeline(), f.newBusiness());
    j.key("method").value(f.method());
    j.key("accuracy");
    accuracy(j, f.accuracy());
    j.key("candidates").array();
    f.candidates().forEach(a -> accuracy(j, a));
    j.end();
    return j.end().toString();
  }

  /** A backtest as one JSON document. */
  public static String json(BookingsBacktest bt, String currency) {
    Json j = new Json().object();
    j.key("currency").value(currency);
    j.key("origins").array();
    for (BacktestRow r : bt.rows()) {
      j.object();
      j.key("origin").value(r.origin().toString());
      period(j, r.period());
      amounts(j, r.expected(), r.p10(), r.p50(), r.p90());
      j.key("actual").value(r.actual().amount());
      parts(j, r.wonSoFar(), r.openPipeline(), r.newBusiness());
      j.key("method").value(r.method());
      j.key("covered").value(r.covered());
      j.end();
    }
    j.end();
    j.key("summary").object();
    j.key("wape").value(bt.wape());
    j.key("bias").value(bt.bias());
    j.key("mape").value(bt.mape());
    j.key("coverage").value(bt.coverage());
    j.key("meanWidth").value(bt.meanWidth());
    j.key("brier").value(bt.brier());
    j.key("brierBaseRate").value(bt.brierBaseRate());
    j.key("baselines").array();
    bt.baselines().forEach(a -> accuracy(j, a));
    j.end();
    j.end();
    return j.end().toString();
  }

  private static void period(Json j, ForecastPeriod p) {
    j.key("periodStart").value(p.start().toString());
    j.key("periodEnd").value(p.end().minusDays(1).toString());
  }

  private static void amounts(Json j, Money expected, Money p10, Money p50, Money p90) {
    j.key("expected").value(expected.amount());
    j.key("p10").value(p10.amount());
    j.key("p50").value(p50.amount());
    j.key("p90").value(p90.amount());
  }

  private static void parts(Json j, Money won, Money open, Money created) {
    j.key("wonSoFar").value(won.amount());
    j.key("openPipeline").value(open.amount());
    j.key("newBusiness").value(created.amount());
  }

  private static void accuracy(Json j, BookingsAccuracy a) {
    j.object();
    j.key("method").value(a.method());
    j.key("periods").value(a.periods());
    j.key("wape").value(a.wape());
    j.key("bias").value(a.bias());
    j.key("coverage").value(a.coverage());
    j.key("meanWidth").value(a.meanWidth());
    j.end();
  }

  /** First and last day of a period. */
  static String range(ForecastPeriod p) {
    return p.start() + " to " + p.end().minusDays(1);
  }

  static String ratio(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
  }

  static String signed(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%+.1f%%", 100 * v);
  }

  private static String decimal(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
  }
}
