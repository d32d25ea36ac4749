package org.salespipeline.examples.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.org.OrgDirectory;
import org.salespipeline.examples.calls.CallsDemo;
import org.salespipeline.examples.insight.BookingsOutlook;
import org.salespipeline.examples.insight.PipelineHistory;
import org.salespipeline.examples.progress.ProgressBar;
import org.salespipeline.examples.report.PipelineReport;
import org.salespipeline.forecast.bookings.PartsForecast;
import org.salespipeline.forecast.bookings.PartsForecaster;
import org.salespipeline.forecast.insight.InsightReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The demo: opens (or generates and saves) a realistic pipeline in an H2 file, prints the board,
 * health, bottlenecks, work lists, forecast, quota attainment and the forecast's backtest accuracy,
 * and writes the HTML report.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Generates a realistic pipeline into an H2 file, prints board, health and forecast,"
            + " and writes the HTML report.")
public final class DemoCommand implements Callable<Integer> {
  @Mixin DemoData data = new DemoData();

  @Option(
      names = "--report",
      defaultValue = "demo-data/pipeline-report.html",
      description = "Where to write the HTML report (default: ${DEFAULT-VALUE}).")
  Path report;

  private final PrintStream out;

  /** A demo printing to standard output. */
  public DemoCommand() {
    this(System.out);
  }

  /** A demo printing to the given stream. */
  public DemoCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() {
    long started = System.nanoTime();
    out.printf(
        Locale.ROOT,
        "Sales Pipeline SDK demo - %,d deals, seed %d, store: %s%n",
        data.options().deals(),
        data.options().seed(),
        data.storeName());
    try (DemoData.Opened opened = data.open(out)) {
      SalesPipeline pipeline = opened.pipeline();
      long reading = System.nanoTime();
      PipelineHistory history = PipelineHistory.read(pipeline);
      out.printf(
          Locale.ROOT,
          "Read %,d events through the store in %.1f s%n",
          history.events().size(),
          (System.nanoTime() - reading) / 1e9);
      long analysing = System.nanoTime();
      InsightReport insight = history.insight();
      out.printf(
          Locale.ROOT,
          "Analysed %,d deals with pipeline-forecast's insight in %.1f s%n",
          insight.dealsRead(),
          (System.nanoTime() - analysing) / 1e9);
      long forecasting = System.nanoTime();
      BookingsOutlook outlook;
      try (ProgressBar bar = ProgressBar.onStderr("Forecasting")) {
        outlook =
            BookingsOutlook.of(
                history.forecaster(), history.today(), BacktestView.MONTHS, bar::update);
      }
      out.printf(
          Locale.ROOT,
          "Forecast and backtested %d months with pipeline-forecast's BookingsForecaster in"
              + " %.1f s%n",
          outlook.backtest().rows().size(),
          (System.nanoTime() - forecasting) / 1e9);
      out.println();
      out.println(BookingsView.headline("Bookings this month", outlook.month()));
      out.println();
      BoardView.print(
          pipeline.board(),
          "Board - " + pipeline.defaultPipeline().name() + ", " + history.today(),
          outlook.month(),
          out);
      out.println();
      RetentionView.print(pipeline.retentionBoard(), RetentionView.report(history), out);
      out.println();
      InsightView.health(insight, history, out);
      out.println();
      InsightView.bottlenecks(insight, history, 3, out);
      out.println();
      InsightView.workLists(insight, history, out);
      out.println();
      InsightView.customerWork(insight, history, out);
      out.println();
      InsightView.coverageAndMoves(insight, history, out);
      out.println();
      ForecastView.print(outlook, history, out);
      PartsForecaster byPart = history.partsForecaster();
      PartsForecast monthParts = byPart.forecast(outlook.month().period(), outlook.today());
      PartsForecast quarterParts = byPart.forecast(outlook.quarter().period(), outlook.today());
      ForecastView.parts("this month", monthParts, out);
      ForecastView.parts("this quarter", quarterParts, out);
      out.println();
      BacktestView.print(outlook, out);
      out.println();
      CallsDemo.Result calls =
          CallsDemo.run(
              history,
              clock -> data.engineAt(opened, clock, OrgDirectory.fromTeams(history.teams())));
      CallsView.print(calls, history.currency(), out);
      Path written =
          PipelineReport.of(pipeline, insight, outlook, calls)
              .withParts(List.of(monthParts, quarterParts))
              .write(report);
      out.println();
      out.println("Report: " + written.toAbsolutePath().normalize().toUri());
    }
    out.printf(Locale.ROOT, "%nDone in %.1f s.%n", (System.nanoTime() - started) / 1e9);
    return 0;
  }
}
