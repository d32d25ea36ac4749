package org.salespipeline.examples.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.examples.insight.PipelineReview;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The demo: generates a realistic pipeline and prints the board, health, bottlenecks, work lists,
 * forecast and quota attainment.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Generates a realistic pipeline and prints the board, health and forecast.")
public final class DemoCommand implements Callable<Integer> {
  @Mixin DemoData data = new DemoData();

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
        "Sales Pipeline SDK demo - %,d deals, seed %d, store: in memory%n",
        data.options().deals(),
        data.options().seed());
    SalesPipeline pipeline = data.generate(out);
    PipelineReview review = PipelineReview.of(pipeline);
    out.println();
    BoardView.print(
        pipeline.board(),
        "Board - " + pipeline.defaultPipeline().name() + ", " + review.today(),
        out);
    out.println();
    ReviewView.health(review, out);
    out.println();
    ReviewView.bottlenecks(review, 3, out);
    out.println();
    ReviewView.workLists(review, out);
    out.println();
    ForecastView.print(review, out);
    out.printf(Locale.ROOT, "%nDone in %.1f s.%n", (System.nanoTime() - started) / 1e9);
    return 0;
  }
}
