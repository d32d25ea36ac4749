package org.salespipeline.examples.report;

import java.util.Currency;
import java.util.Locale;
import org.salespipeline.examples.calls.CallsDemo;
import org.salespipeline.forecast.rollup.AdjustedCell;
import org.salespipeline.forecast.rollup.OwnerCallAccuracy;

/** The report's forecast calls section (issue 18): two tables, call accuracy and the roll-up. */
final class CallsSection {
  private CallsSection() {}

  static void append(StringBuilder h, CallsDemo.Result r, String currencyCode) {
    Currency currency = Currency.getInstance(currencyCode);
    h.append("<section><h2>Forecast calls and adjustments</h2>\n<table><tr>")
        .append("<th>owner</th><th>weeks</th><th>won</th><th>call error</th>")
        .append("<th>model error</th><th>tendency</th><th>trust</th></tr>\n");
    for (OwnerCallAccuracy a : r.accuracy()) {
      h.append("<tr><td>")
          .append(Svg.escape(a.node().key()))
          .append("</td><td>")
          .append(a.calledWeeks())
          .append("</td><td>")
          .append(money(a.actual(), currency))
          .append("</td><td>")
          .append(money(a.callMeanAbsoluteError(), currency))
          .append("</td><td>")
          .append(money(a.modelMeanAbsoluteError(), currency))
          .append("</td><td>")
          .append(a.tendency())
          .append("</td><td>")
          .append(a.callsBeatModel() ? "the call" : "the model")
          .append("</td></tr>\n");
    }
    h.append("</table>\n<table><tr><th>team</th><th>commit (system)</th>")
        .append("<th>commit (adjusted)</th><th>indirect</th><th>adjustments</th></tr>\n");
    for (AdjustedCell c : r.teams()) {
      h.append("<tr><td>")
          .append(Svg.escape(c.node().key()))
          .append("</td><td>")
          .append(money(c.system(), currency))
          .append("</td><td>")
          .append(money(c.adjusted(), currency))
          .append("</td><td>")
          .append(money(c.indirect(), currency))
          .append("</td><td>")
          .append(c.chain().size())
          .append("</td></tr>\n");
    }
    h.append("</table>\n<p class=\"note\">")
        .append(
            Svg.escape(
                String.format(
                    Locale.ROOT,
                    "%s to %s: %d weekly calls, %d adjustment(s) in force. Errors are mean absolute"
                        + " errors of the commit call in force at each week's end against what was"
                        + " won; the model is the library's weighted forecast at the same instants,"
                        + " rebuilt from the history without look-ahead. Adjustments never touch"
                        + " deals; a team's adjusted figure includes those below it (indirect).",
                    r.period().start(),
                    r.period().end().minusDays(1),
                    r.calls(),
                    r.adjustments())))
        .append("</p></section>\n");
  }

  private static String money(double minor, Currency currency) {
    double major = minor / Math.pow(10, Math.max(0, currency.getDefaultFractionDigits()));
    return String.format(Locale.ROOT, "%,.0f %s", major, currency.getCurrencyCode());
  }
}
