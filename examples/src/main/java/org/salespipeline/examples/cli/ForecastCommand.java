package org.salespipeline.examples.cli;

import java.util.concurrent.Callable;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.examples.insight.PipelineHistory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Prints this month's and quarter's forecast of the demo pipeline. */
@Command(
    name = "forecast",
    mixinStandardHelpOptions = true,
    description = "Prints this month's and this quarter's forecast and quota attainment.")
public final class ForecastCommand implements Callable<Integer> {
  @Mixin DemoData data = new DemoData();

  @Override
  public Integer call() {
    try (DemoData.Opened opened = data.open(System.out)) {
      SalesPipeline pipeline = opened.pipeline();
      ForecastView.print(PipelineHistory.read(pipeline), System.out);
    }
    return 0;
  }
}
