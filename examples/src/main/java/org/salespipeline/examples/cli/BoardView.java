package org.salespipeline.examples.cli;

import java.io.PrintStream;
import java.util.List;
import org.salespipeline.core.Board;
import org.salespipeline.core.BoardColumn;
import org.salespipeline.forecast.bookings.BookingsForecast;

/**
 * Prints a {@link Board} with the stages as columns: deal count, total and weighted total per
 * stage, and the sums at the right. Stateless.
 */
public final class BoardView {
  private static final int WIDTH = 15;

  private BoardView() {}

  /**
   * Prints the board under a title line, and under it the period's bookings forecast (the same one
   * the demo's headline and report show).
   */
  public static void print(Board board, String title, BookingsForecast forecast, PrintStream out) {
    print(board, title, out);
    out.println(BookingsView.headline("Forecast", forecast));
  }

  /** Prints the board under a title line. */
  public static void print(Board board, String title, PrintStream out) {
    List<BoardColumn> columns = board.columns();
    out.println(title + " (" + board.currency().getCurrencyCode() + ")");
    StringBuilder header = new StringBuilder(String.format("%-9s", ""));
    StringBuilder count = new StringBuilder(String.format("%-9s", "Deals"));
    StringBuilder total = new StringBuilder(String.format("%-9s", "Amount"));
    StringBuilder weighted = new StringBuilder(String.format("%-9s", "Weighted"));
    for (BoardColumn column : columns) {
      header.append(cell(shorten(column.stage().displayName())));
      count.append(cell(String.format("%,d", column.count())));
      total.append(cell(Amounts.compact(column.total())));
      weighted.append(cell(Amounts.compact(column.weighted())));
    }
    header.append(" |").append(cell("Total"));
    count.append(" |").append(cell(String.format("%,d", board.count())));
    total.append(" |").append(cell(Amounts.compact(board.total())));
    weighted.append(" |").append(cell(Amounts.compact(board.weighted())));
    out.println(header);
    out.println(count);
    out.println(total);
    out.println(weighted);
  }

  private static String cell(String text) {
    return String.format("%" + WIDTH + "s", text);
  }

  private static String shorten(String name) {
    int slash = name.indexOf('/');
    String shortName = slash > 0 ? name.substring(0, slash) : name;
    return shortName.length() > WIDTH - 1 ? shortName.substring(0, WIDTH - 2) + "." : shortName;
  }
}
