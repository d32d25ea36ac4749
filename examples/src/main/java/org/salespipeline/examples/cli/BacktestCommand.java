package org.salespipeline.examples.cli;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.salespipeline.core.calendar.FiscalCalendar;
import org.salespipeline.examples.progress.ProgressBar;
import org.salespipeline.forecast.bookings.BacktestPlan;
import org.salespipeline.forecast.bookings.BookingsBacktest;
import org.salespipeline.forecast.bookings.PeriodLength;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Backtests the bookings forecast over an H2 file written by {@code import ... --db}: at each
 * origin, the forecast of the period containing it from what was known at its start, beside what
 * was booked, with WAPE, bias, MAPE, P10-P90 coverage, width, Brier and the naive baselines.
 */
@Command(
    name = "backtest",
    mixinStandardHelpOptions = true,
    description = {
      "Backtests the bookings forecast over an imported H2 file: at every origin from --from to"
          + " --to, the forecast of the period containing it, made from what was known then.",
      "Prints each origin's forecast and actual, WAPE, bias, MAPE, P10-P90 coverage, mean"
          + " width, Brier and the naive baselines."
    })
public final class BacktestCommand implements Callable<Integer> {
  @Mixin ImportedSource source = new ImportedSource();

  @Option(
      names = "--from",
      required = true,
      paramLabel = "DATE",
      description = "The first origin (or the first after it), yyyy-mm-dd.")
  String from;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "DATE",
      description = "The last possible origin, yyyy-mm-dd.")
  String to;

  @Option(
      names = "--every",
      defaultValue = "month",
      paramLabel = "month|week",
      description =
          "Origins on every 1st of the month, or every Monday (default: ${DEFAULT-VALUE}).")
  String every;

  @Option(
      names = "--period",
      defaultValue = "month",
      paramLabel = "month|quarter",
      description =
          "The period forecast at each origin: the one containing it"
              + " (default: ${DEFAULT-VALUE}).")
  String period;

  @Option(
      names = "--without-won-so-far",
      description = "Leave out revenue already won before each origin (labelled so).")
  boolean withoutWonSoFar;

  @Option(
      names = "--fiscal-calendar",
      paramLabel = "SPEC",
      description =
          "Count months and quarters in a fiscal calendar: "
              + Arguments.CALENDAR_FORMS
              + " (default: calendar months and quarters).")
  String fiscalCalendar;

  @Option(names = "--json", description = "Print one JSON document on stdout instead of text.")
  boolean json;

  @Override
  public Integer call() {
    LocalDate first = Arguments.date("--from", from);
    LocalDate last = Arguments.date("--to", to);
    if (last.isBefore(first)) {
      throw new UserInputException("--to " + last + " is before --from " + first, null);
    }
    PeriodLength length = Arguments.period(period);
    FiscalCalendar calendar = fiscalCalendar == null ? null : Arguments.calendar(fiscalCalendar);
    Currency reporting = source.reporting();
    BacktestPlan.Builder plan =
        switch (every.toLowerCase(Locale.ROOT)) {
          case "month" -> BacktestPlan.builder().monthly(first, last);
          case "week" -> BacktestPlan.builder().weekly(first, last, DayOfWeek.MONDAY);
          default ->
              throw new UserInputException("--every: '" + every + "' is not month or week", null);
        };
    BookingsBacktest result;
    try (ImportedStore store = source.open()) {
      var forecaster = store.forecaster(reporting, calendar);
      try (ProgressBar bar = ProgressBar.onStderr("Backtesting")) {
        BacktestPlan built =
            plan.horizon(length).includeWonSoFar(!withoutWonSoFar).progress(bar::update).build();
        if (built.origins().isEmpty()) {
          throw new UserInputException(
              "no origin from --from " + first + " to --to " + last + " (every " + every + ")",
              null);
        }
        result = forecaster.backtest(built);
      }
    }
    if (json) {
      System.out.println(BookingsView.json(result, reporting.getCurrencyCode()));
    } else {
      BookingsView.print(result, "bookings forecast", Integer.MAX_VALUE, System.out);
    }
    return 0;
  }
}
