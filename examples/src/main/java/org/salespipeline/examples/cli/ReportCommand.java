package org.salespipeline.examples.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.examples.insight.BookingsOutlook;
import org.salespipeline.examples.insight.PipelineHistory;
import org.salespipeline.examples.progress.ProgressBar;
import org.salespipeline.examples.report.PipelineReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Writes the self-contained HTML report of the demo pipeline. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Writes a self-contained HTML report (inline SVG charts, no network).")
public final class ReportCommand implements Callable<Integer> {
  @Mixin DemoData data = new DemoData();

  @Option(
      names = {"-o", "--out"},
      defaultValue = "demo-data/pipeline-report.html",
      description = "Where to write the report (default: ${DEFAULT-VALUE}).")
  Path output;

  @Override
  public Integer call() {
    try (DemoData.Opened opened = data.open(System.out)) {
      SalesPipeline pipeline = opened.pipeline();
      PipelineHistory history = PipelineHistory.read(pipeline);
      BookingsOutlook outlook;
      try (ProgressBar bar = ProgressBar.onStderr("Forecasting")) {
        outlook =
            BookingsOutlook.of(
                history.forecaster(), history.today(), BacktestView.MONTHS, bar::update);
      }
      org.salespipeline.forecast.bookings.PartsForecaster byPart = history.partsForecaster();
      Path written =
          PipelineReport.of(pipeline, history.insight(), outlook)
              .withParts(
                  java.util.List.of(
                      byPart.forecast(outlook.month().period(), outlook.today()),
                      byPart.forecast(outlook.quarter().period(), outlook.today())))
              .write(output);
      System.out.println("Report: " + written.toAbsolutePath().normalize());
    }
    return 0;
  }
}
