package org.salespipeline.examples.cli;

import java.time.LocalDate;
import java.util.Currency;
import java.util.concurrent.Callable;
import org.salespipeline.core.calendar.FiscalCalendar;
import org.salespipeline.forecast.ForecastPeriod;
import org.salespipeline.forecast.bookings.BookingsForecast;
import org.salespipeline.forecast.bookings.PeriodLength;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Forecasts the bookings of the month or quarter containing a day, as seen at that day's start,
 * over an H2 file written by {@code import ... --db} (or the demo's file), through
 * pipeline-forecast's {@code BookingsForecaster}.
 */
@Command(
    name = "forecast",
    mixinStandardHelpOptions = true,
    description = {
      "Forecasts the bookings of the month or quarter containing --as-of, as seen at the start"
          + " of that day, over an imported H2 file.",
      "Prints expected, P10/P50/P90, the parts (won so far, open pipeline, deals not yet"
          + " created), the method chosen and its own backtest beside the naive baselines."
    })
public final class ForecastCommand implements Callable<Integer> {
  @Mixin ImportedSource source = new ImportedSource();

  @Option(
      names = "--as-of",
      required = true,
      paramLabel = "DATE",
      description = "The day at whose start the forecast is made, yyyy-mm-dd.")
  String asOf;

  @Option(
      names = "--period",
      defaultValue = "month",
      paramLabel = "month|quarter",
      description = "The period containing --as-of to forecast (default: ${DEFAULT-VALUE}).")
  String period;

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
    LocalDate day = Arguments.date("--as-of", asOf);
    PeriodLength length = Arguments.period(period);
    Currency reporting = source.reporting();
    FiscalCalendar calendar = fiscalCalendar == null ? null : Arguments.calendar(fiscalCalendar);
    ForecastPeriod target = length.containing(day, calendar);
    BookingsForecast forecast;
    try (ImportedStore store = source.open()) {
      forecast = store.forecaster(reporting, calendar).forecast(target, day);
    }
    if (json) {
      System.out.println(BookingsView.json(forecast));
    } else {
      BookingsView.print(forecast, System.out);
    }
    return 0;
  }
}
