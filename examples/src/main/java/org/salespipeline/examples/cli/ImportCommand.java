package org.salespipeline.examples.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.examples.importer.ColumnMapping;
import org.salespipeline.examples.importer.CrmDatasetImporter;
import org.salespipeline.examples.importer.CsvDealImporter;
import org.salespipeline.examples.importer.CsvImportException;
import org.salespipeline.examples.importer.ImportReport;
import org.salespipeline.examples.progress.ProgressBar;
import org.salespipeline.examples.storage.ListingPipelineStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Imports deals: the CRM Sales Opportunities data set, or any CSV file with a column mapping. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Imports deals from CSV, all or nothing, and prints the board.",
    subcommands = {ImportCommand.Crm.class, ImportCommand.Csv.class})
public final class ImportCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UserInputException(
        "name what to import: 'import crm FOLDER' or 'import csv FILE'", null);
  }

  /** The public data set. */
  @Command(
      name = "crm",
      mixinStandardHelpOptions = true,
      description = "Imports the CRM Sales Opportunities data set from its folder.")
  static final class Crm implements Callable<Integer> {
    @Parameters(
        paramLabel = "FOLDER",
        defaultValue = "../shared/data/crm-sales-opportunities",
        description = "The folder with sales_pipeline.csv and friends (default: ${DEFAULT-VALUE}).")
    Path folder;

    @Mixin Target target = new Target();

    @Override
    public Integer call() {
      target.check();
      PrintStream out = System.out;
      ListingPipelineStore memory = new ListingPipelineStore();
      CrmDatasetImporter.Result result;
      try (ProgressBar bar = ProgressBar.onStderr("Importing")) {
        result = CrmDatasetImporter.importFolder(folder, memory, bar);
      } catch (CsvImportException e) {
        throw new UserInputException(e.getMessage(), e);
      }
      result.report().print(out);
      out.println();
      SalesPipeline pipeline = result.pipeline();
      BoardView.print(pipeline.board(), "Board - " + pipeline.defaultPipeline().name(), out);
      target.save(memory, CrmDatasetImporter.WORKSPACE, out);
      return 0;
    }
  }

  /** Any CSV file. */
  @Command(
      name = "csv",
      mixinStandardHelpOptions = true,
      description = {
        "Imports deals from a CSV file into the new-business pipeline.",
        "Fields: name, owner, amount, close_date (required); currency, stage, account, source,"
            + " opened_at. Unmapped fields are read from the column of the same name."
      })
  static final class Csv implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "The CSV file, with a header line.")
    Path file;

    @Option(
        names = {"-m", "--map"},
        paramLabel = "FIELD=COLUMN",
        description = "Reads a field from a column, e.g. --map name=Opportunity --map owner=Rep.")
    List<String> map = new ArrayList<>();

    @Option(
        names = "--currency",
        defaultValue = "USD",
        description = "Currency of rows without a currency column (default: ${DEFAULT-VALUE}).")
    String currency;

    @Mixin Target target = new Target();

    @Override
    public Integer call() {
      target.check();
      ColumnMapping mapping;
      try {
        mapping = ColumnMapping.parse(map);
      } catch (IllegalArgumentException e) {
        throw new UserInputException("--map: " + e.getMessage(), e);
      }
      ListingPipelineStore store = new ListingPipelineStore();
      ImportReport report;
      try (ProgressBar bar = ProgressBar.onStderr("Importing")) {
        report =
            CsvDealImporter.importFile(
                file,
                mapping,
                currency,
                store,
                (s, clock) -> SalesPipeline.builder().store(s).clock(clock).build(),
                bar);
      } catch (CsvImportException e) {
        throw new UserInputException(e.getMessage(), e);
      }
      report.print(System.out);
      SalesPipeline pipeline = SalesPipeline.builder().store(store).build();
      System.out.println();
      BoardView.print(pipeline.board(), "Board - " + pipeline.defaultPipeline().name(), System.out);
      target.save(store, pipeline.workspace(), System.out);
      return 0;
    }
  }

  /** Where an import is kept: nowhere (printed only) or an H2 file, written all or nothing. */
  static final class Target {
    @Option(
        names = "--db",
        paramLabel = "FILE",
        description =
            "Also save the import into this H2 database file (without .mv.db), for 'forecast'"
                + " and 'backtest'; written all or nothing.")
    Path db;

    @Option(names = "--replace", description = "Replace the --db file if it exists.")
    boolean replace;

    void check() {
      if (db != null) {
        ImportedStore.checkTarget(db, replace);
      }
    }

    void save(ListingPipelineStore memory, WorkspaceId workspace, PrintStream out) {
      if (db == null) {
        return;
      }
      int deals = ImportedStore.save(memory, workspace, db);
      out.println();
      out.printf(
          Locale.ROOT,
          "Saved %,d deals with their history to %s (workspace %s). Next: forecast --db %s"
              + " --as-of DATE, backtest --db %s --from DATE --to DATE%n",
          deals,
          ImportedStore.dataFile(db),
          workspace.value(),
          db,
          db);
    }
  }
}
