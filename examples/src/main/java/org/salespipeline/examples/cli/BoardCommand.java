package org.salespipeline.examples.cli;

import java.util.concurrent.Callable;
import org.salespipeline.core.SalesPipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Prints the board of the demo pipeline. */
@Command(
    name = "board",
    mixinStandardHelpOptions = true,
    description = "Prints the board: stages as columns with counts, totals and weighted totals.")
public final class BoardCommand implements Callable<Integer> {
  @Mixin DemoData data = new DemoData();

  @Override
  public Integer call() {
    try (DemoData.Opened opened = data.open(System.out)) {
      SalesPipeline pipeline = opened.pipeline();
      BoardView.print(pipeline.board(), "Board - " + pipeline.defaultPipeline().name(), System.out);
    }
    return 0;
  }
}
