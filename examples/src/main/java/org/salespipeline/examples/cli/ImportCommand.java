package org.salespipeline.examples.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.store.memory.InMemoryPipelineStore;
import org.salespipeline.examples.importer.ColumnMapping;
import org.salespipeline.examples.importer.CrmDatasetImporter;
import org.salespipeline.examples.importer.CsvDealImporter;
import org.salespipeline.examples.importer.CsvImportException;
import org.salespipeline.examples.importer.ImportReport;
import org.salespipeline.examples.progress.ProgressBar;
import picocli.CommandLine.Command;
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

    @Override
    public Integer call() {
      PrintStream out = System.out;
      CrmDatasetImporter.Result result;
      try (ProgressBar bar = ProgressBar.onStderr("Importing")) {
        result = CrmDatasetImporter.importFolder(folder, new InMemoryPipelineStore(), bar);
      } catch (CsvImportException e) {
        throw new UserInputException(e.getMessage(), e);
      }
      result.report().print(out);
      out.println();
      SalesPipeline pipeline = result.pipeline();
      BoardView.print(pipeline.board(), "Board - " + pipeline.defaultPipeline().name(), out);
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

    @Override
    public Integer call() {
      ColumnMapping mapping;
      try {
        mapping = ColumnMapping.parse(map);
      } catch (IllegalArgumentException e) {
        throw new UserInputException("--map: " + e.getMessage(), e);
      }
      InMemoryPipelineStore store = new InMemoryPipelineStore();
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
      return 0;
    }
  }
}
