package org.salespipeline.examples.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.store.PipelineStore;
import org.salespipeline.examples.generator.DemoCompany;
import org.salespipeline.examples.generator.GeneratorOptions;
import org.salespipeline.examples.generator.MutableClock;
import org.salespipeline.examples.generator.PipelineGenerator;
import org.salespipeline.examples.progress.ProgressBar;
import org.salespipeline.examples.storage.ListingPipelineStore;
import org.salespipeline.examples.storage.PipelineCopy;
import org.salespipeline.jdbc.JdbcPipelineStore;
import picocli.CommandLine.Option;

/**
 * The options that say which demo pipeline to work on, shared by the commands, and where it is
 * kept: an H2 database file (default {@code demo-data/pipeline}) or, with {@code --in-memory},
 * nowhere.
 */
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

  @Option(
      names = "--db",
      defaultValue = "demo-data/pipeline",
      description =
          "The H2 database file (without .mv.db); reused when it holds the same pipeline"
              + " (default: ${DEFAULT-VALUE}).")
  Path database;

  @Option(names = "--in-memory", description = "Keep the pipeline in memory only, no database.")
  boolean inMemory;

  /** The generator options these flags describe. */
  public GeneratorOptions options() {
    if (deals < 1 || deals > 1_000_000) {
      throw new UserInputException("--deals must be within 1 and 1,000,000, was " + deals, null);
    }
    LocalDate day = asOf == null ? LocalDate.now(ZoneOffset.UTC) : asOf;
    Instant end = day.atTime(17, 0).toInstant(ZoneOffset.UTC);
    return new GeneratorOptions(deals, seed, end, GeneratorOptions.DEFAULT_HISTORY_DAYS);
  }

  /** Where the pipeline is kept, for the first line of the demo. */
  public String storeName() {
    return inMemory ? "in memory" : "H2 file " + database + ".mv.db";
  }

  /**
   * The demo pipeline on its store, and the store to close.
   *
   * @param pipeline the engine, its clock standing at the end of the generated history
   * @param store the store; close it when done
   */
  public record Opened(SalesPipeline pipeline, PipelineStore store) implements AutoCloseable {
    @Override
    public void close() {
      store.close();
    }
  }

  /**
   * Opens the demo pipeline: from the H2 file when it holds the pipeline of these options, else
   * generated in memory (progress bar on stderr) and, unless in memory, copied into a fresh file.
   */
  public Opened open(PrintStream out) {
    GeneratorOptions options = options();
    if (inMemory) {
      ListingPipelineStore store = new ListingPipelineStore();
      return new Opened(generate(store, options, out), store);
    }
    Path stamp = stampFile();
    String wanted = stamp(options);
    try {
      if (Files.exists(dataFile())
          && Files.exists(stamp)
          && Files.readString(stamp).equals(wanted)) {
        long started = System.nanoTime();
        JdbcPipelineStore store = JdbcPipelineStore.h2File(database);
        out.printf(
            Locale.ROOT,
            "Opened %s (same pipeline as last run) in %.1f s%n",
            dataFile(),
            (System.nanoTime() - started) / 1e9);
        return new Opened(engine(store, options, options.asOf()), store);
      }
      Files.createDirectories(dataFile().toAbsolutePath().getParent());
      Files.deleteIfExists(stamp);
      Files.deleteIfExists(dataFile());
      Files.deleteIfExists(database.resolveSibling(database.getFileName() + ".trace.db"));
    } catch (IOException e) {
      throw new UserInputException("cannot use " + dataFile() + ": " + e, e);
    }
    ListingPipelineStore memory = new ListingPipelineStore();
    generate(memory, options, out);
    long started = System.nanoTime();
    JdbcPipelineStore store = JdbcPipelineStore.h2File(database);
    int copied;
    try (ProgressBar bar = ProgressBar.onStderr("Saving")) {
      copied = PipelineCopy.copy(memory, DemoCompany.WORKSPACE, store, bar);
      Files.writeString(stamp, wanted);
    } catch (IOException | RuntimeException e) {
      store.close();
      throw new IllegalStateException("cannot save the demo pipeline: " + e.getMessage(), e);
    }
    out.printf(
        Locale.ROOT,
        "Saved %,d deals with their history to %s in %.1f s%n",
        copied,
        dataFile(),
        (System.nanoTime() - started) / 1e9);
    return new Opened(engine(store, options, options.asOf()), store);
  }

  private Path dataFile() {
    return database.resolveSibling(database.getFileName() + ".mv.db");
  }

  private Path stampFile() {
    return database.resolveSibling(database.getFileName() + ".properties");
  }

  private static String stamp(GeneratorOptions options) {
    return String.format(
        Locale.ROOT,
        "deals=%d%nseed=%d%nasOf=%s%nhistoryDays=%d%n",
        options.deals(),
        options.seed(),
        options.asOf(),
        options.historyDays());
  }

  /**
   * An engine on the opened store with its own clock and an organisation, for the demo's forecast
   * calls (issue 18), which are submitted week by week in the past.
   */
  public SalesPipeline engineAt(
      Opened opened, MutableClock clock, org.salespipeline.core.org.OrgDirectory org) {
    GeneratorOptions o = options();
    return DemoCompany.engine(
            opened.store(),
            clock,
            o.seed(),
            LocalDate.ofInstant(o.start(), ZoneOffset.UTC).minusYears(1))
        .organisation(org)
        .build();
  }

  private static SalesPipeline engine(PipelineStore store, GeneratorOptions o, Instant now) {
    return DemoCompany.engine(
            store,
            new MutableClock(now),
            o.seed(),
            LocalDate.ofInstant(o.start(), ZoneOffset.UTC).minusYears(1))
        .build();
  }

  private static SalesPipeline generate(
      PipelineStore store, GeneratorOptions options, PrintStream out) {
    SalesPipeline pipeline = engine(store, options, options.start());
    PipelineGenerator.Summary summary;
    try (ProgressBar bar = ProgressBar.onStderr("Generating")) {
      summary = PipelineGenerator.generate(pipeline, (MutableClock) pipeline.clock(), options, bar);
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
