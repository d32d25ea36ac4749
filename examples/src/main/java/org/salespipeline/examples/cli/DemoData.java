package org.salespipeline.examples.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.store.memory.InMemoryPipelineStore;
import org.salespipeline.examples.generator.DemoCompany;
import org.salespipeline.examples.generator.GeneratorOptions;
import org.salespipeline.examples.generator.MutableClock;
import org.salespipeline.examples.generator.PipelineGenerator;
import org.salespipeline.examples.progress.ProgressBar;
import picocli.CommandLine.Option;

/** The options that say which demo pipeline to work on, shared by the commands. */
public final class DemoData {
  @Option(
      names = "--deals",
      defaultValue = "10000",
      description = "How many new-business deals to generate (default: ${DEFAULT-VALUE}).")
  int deals;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Seed of the generator; same seed, same pipeline (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--as-of", description = "The simulated today, yyyy-mm-dd (default: today).")
  LocalDate asOf;

  /** The generator options these flags describe. */
  public GeneratorOptions options() {
    if (deals < 1 || deals > 1_000_000) {
      throw new UserInputException("--deals must be within 1 and 1,000,000, was " + deals, null);
    }
    Instant end = asOf == null ? Instant.now() : asOf.atTime(17, 0).toInstant(ZoneOffset.UTC);
    return new GeneratorOptions(deals, seed, end, GeneratorOptions.DEFAULT_HISTORY_DAYS);
  }

  /** Generates the demo pipeline in memory, with a progress bar on stderr. */
  public SalesPipeline generate(PrintStream out) {
    GeneratorOptions options = options();
    MutableClock clock = new MutableClock(options.start());
    SalesPipeline pipeline =
        DemoCompany.engine(
                new InMemoryPipelineStore(),
                clock,
                options.seed(),
                LocalDate.ofInstant(options.start(), ZoneOffset.UTC).minusYears(1))
            .build();
    PipelineGenerator.Summary summary;
    try (ProgressBar bar = ProgressBar.onStderr("Generating")) {
      summary = PipelineGenerator.generate(pipeline, clock, options, bar);
    }
    out.printf(
        Locale.ROOT,
        "Generated %,d deals (%,d won, %,d lost, %,d disqualified, %,d open), %,d accounts,"
            + " %,d quotas in %.1f s%n",
        summary.deals(),
        summary.won(),
        summary.lost(),
        summary.disqualified(),
        summary.open(),
        summary.accounts(),
        summary.quotas(),
        summary.took().toMillis() / 1000.0);
    return pipeline;
  }
}
