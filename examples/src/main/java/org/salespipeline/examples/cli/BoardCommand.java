package org.salespipeline.examples.cli;

import java.time.YearMonth;
import java.util.concurrent.Callable;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.examples.insight.PipelineHistory;
import org.salespipeline.forecast.ForecastPeriod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Prints the board of the demo pipeline. */
@Command(
    name = "board",
    mixinStandardHelpOptions = true,
    description =
        "Prints the board: stages as columns with counts, totals and weighted totals, and this"
            + " month's bookings forecast.")
public final class BoardCommand implements Callable<Integer> {
  @Mixin DemoData data = new DemoData();

  @Override
  public Integer call() {
    try (DemoData.Opened opened = data.open(System.out)) {
      SalesPipeline pipeline = opened.pipeline();
      PipelineHistory history = PipelineHistory.read(pipeline);
      BoardView.print(
          pipeline.board(),
          "Board - " + pipeline.defaultPipeline().name(),
          history
              .forecaster()
              .forecast(ForecastPeriod.month(YearMonth.from(history.today())), history.today()),
          System.out);
    }
    return 0;
  }
}
