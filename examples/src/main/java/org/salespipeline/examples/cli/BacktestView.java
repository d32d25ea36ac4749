package org.salespipeline.examples.cli;

import java.io.PrintStream;
import org.salespipeline.examples.insight.BookingsOutlook;

/** Prints how accurate the monthly bookings forecast was over the past months. Stateless. */
public final class BacktestView {
  /** How many complete months the demo tests. */
  public static final int MONTHS = 12;

  private BacktestView() {}

  /** Prints the backtest of the monthly forecast: the last six months and the summary. */
  public static void print(BookingsOutlook outlook, PrintStream out) {
    BookingsView.print(outlook.backtest(), "monthly bookings forecast", 6, out);
  }
}
