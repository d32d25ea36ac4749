package org.salespipeline.examples.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.salespipeline.examples.calls.CallsDemo;
import org.salespipeline.forecast.rollup.AdjustedCell;
import org.salespipeline.forecast.rollup.OwnerCallAccuracy;

/** Prints the forecast calls of the demo: call accuracy by owner, and the adjusted team roll-up. */
final class CallsView {
  private CallsView() {}

  static void print(CallsDemo.Result r, java.util.Currency currency, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "Forecast calls - %s to %s: %d calls, %d adjustment(s) in force%n",
        r.period().start(),
        r.period().end().minusDays(1),
        r.calls(),
        r.adjustments());
    out.println(
        "  Call accuracy by owner (commit, weekly, against won; model = weighted forecast)");
    out.printf(
        Locale.ROOT,
        "  %-22s %5s %12s %14s %14s  %s%n",
        "owner",
        "weeks",
        "won",
        "call error",
        "model error",
        "tendency / trust");
    for (OwnerCallAccuracy a : r.accuracy()) {
      out.printf(
          Locale.ROOT,
          "  %-22s %5d %12s %14s %14s  %s, %s%n",
          a.node().key(),
          a.calledWeeks(),
          minor(a.actual(), currency),
          minor(a.callMeanAbsoluteError(), currency),
          minor(a.modelMeanAbsoluteError(), currency),
          a.tendency(),
          a.callsBeatModel() ? "trust the call" : "trust the model");
    }
    out.println("  Team commit, system and adjusted");
    for (AdjustedCell c : r.teams()) {
      out.printf(
          Locale.ROOT,
          "  %-22s system %12s  adjusted %12s  (%d adjustment(s), indirect %s)%n",
          c.node().key(),
          minor(c.system(), currency),
          minor(c.adjusted(), currency),
          c.chain().size(),
          minor(c.indirect(), currency));
    }
  }

  private static String minor(double minorUnits, java.util.Currency currency) {
    return Amounts.compact(
        minorUnits / Math.pow(10, Math.max(0, currency.getDefaultFractionDigits())), currency);
  }
}
