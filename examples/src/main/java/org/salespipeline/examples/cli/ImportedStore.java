package org.salespipeline.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.salespipeline.core.CurrencyConverter;
import org.salespipeline.core.PipelineId;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.calendar.FiscalCalendar;
import org.salespipeline.core.stage.PipelineDefinition;
import org.salespipeline.core.stage.StandardPipelines;
import org.salespipeline.core.store.WorkspaceStore;
import org.salespipeline.examples.generator.DemoCompany;
import org.salespipeline.examples.importer.CrmDatasetImporter;
import org.salespipeline.examples.progress.ProgressBar;
import org.salespipeline.examples.storage.ListingPipelineStore;
import org.salespipeline.examples.storage.PipelineCopy;
import org.salespipeline.forecast.bookings.BookingsForecaster;
import org.salespipeline.jdbc.JdbcPipelineStore;

/**
 * An embedded H2 database file that the {@code import} commands wrote (or the demo's file), opened
 * for the {@code forecast} and {@code backtest} commands; and the all-or-nothing saving of an
 * import into such a file.
 *
 * <p>The workspace is the one named, else the first of {@code crm} ({@code import crm}), {@code
 * default} ({@code import csv}) and {@code demo} (the demo) that holds a pipeline. Not thread-safe;
 * close it when done.
 */
final class ImportedStore implements AutoCloseable {
  private static final List<WorkspaceId> KNOWN =
      List.of(CrmDatasetImporter.WORKSPACE, WorkspaceId.of("default"), DemoCompany.WORKSPACE);

  private final JdbcPipelineStore store;
  private final WorkspaceStore workspace;

  private ImportedStore(JdbcPipelineStore store, WorkspaceStore workspace) {
    this.store = store;
    this.workspace = workspace;
  }

  /** The H2 data file of a database path given without {@code .mv.db}. */
  static Path dataFile(Path db) {
    return db.resolveSibling(db.getFileName() + ".mv.db");
  }

  /**
   * Opens a database file that exists.
   *
   * @param db the path without {@code .mv.db}
   * @param workspace the workspace to read, or empty to find it
   * @throws UserInputException if there is no such file or no workspace with a pipeline in it
   */
  static ImportedStore open(Path db, Optional<String> workspace) {
    if (db.getFileName().toString().endsWith(".mv.db")) {
      String name = db.getFileName().toString();
      db = db.resolveSibling(name.substring(0, name.length() - ".mv.db".length()));
    }
    if (!Files.isRegularFile(dataFile(db))) {
      throw new UserInputException(
          "--db "
              + db
              + ": no database file "
              + dataFile(db)
              + "; create one with 'import crm FOLDER --db "
              + db
              + "' or 'import csv FILE ... --db "
              + db
              + "'",
          null);
    }
    JdbcPipelineStore store = JdbcPipelineStore.h2File(db);
    List<WorkspaceId> candidates = workspace.map(w -> List.of(WorkspaceId.of(w))).orElse(KNOWN);
    for (WorkspaceId id : candidates) {
      WorkspaceStore w = store.workspace(id);
      if (!w.pipelines().isEmpty()) {
        return new ImportedStore(store, w);
      }
    }
    store.close();
    throw new UserInputException(
        "--db "
            + db
            + ": no pipeline in workspace "
            + (workspace.isPresent() ? "'" + workspace.get() + "'" : "crm, default or demo")
            + "; was it written by 'import ... --db'?",
        null);
  }

  /** The workspace read. */
  WorkspaceId workspaceId() {
    return workspace.workspaceId();
  }

  /**
   * The pipeline forecast: {@code crm}'s own, else the standard new-business pipeline when stored,
   * else the first stored.
   */
  PipelineDefinition pipeline() {
    List<PipelineDefinition> stored = workspace.pipelines();
    for (PipelineId preferred : List.of(CrmDatasetImporter.CRM, StandardPipelines.NEW_BUSINESS)) {
      Optional<PipelineDefinition> hit =
          stored.stream().filter(p -> p.id().equals(preferred)).findFirst();
      if (hit.isPresent()) {
        return hit.get();
      }
    }
    return stored.get(0);
  }

  /**
   * The forecaster over the workspace's events, reading progress drawn on stderr.
   *
   * @param currency the reporting currency
   */
  BookingsForecaster forecaster(Currency currency) {
    return forecaster(currency, null);
  }

  /**
   * The forecaster over the workspace's events in a fiscal calendar.
   *
   * @param currency the reporting currency
   * @param calendar the fiscal calendar, or null for calendar months and quarters
   */
  BookingsForecaster forecaster(Currency currency, FiscalCalendar calendar) {
    // why: the demo's deals are in three currencies at its fixed rates; imports are single-currency
    CurrencyConverter converter =
        workspace.workspaceId().equals(DemoCompany.WORKSPACE)
            ? DemoCompany.currencyConverter(LocalDate.of(1970, 1, 1))
            : CurrencyConverter.sameCurrencyOnly();
    try (ProgressBar bar = ProgressBar.onStderr("Reading")) {
      BookingsForecaster.Builder b = BookingsForecaster.builder();
      if (calendar != null) {
        b.calendar(calendar);
      }
      return b.pipeline(pipeline())
          .reportingCurrency(currency)
          .converter(converter)
          .from(workspace)
          .progress(bar::update)
          .build();
    }
  }

  @Override
  public void close() {
    store.close();
  }

  /**
   * Checks, before any work, that an import may write to {@code db}.
   *
   * @throws UserInputException if the file exists (without {@code replace}) or its folder cannot be
   *     made
   */
  static void checkTarget(Path db, boolean replace) {
    Path file = dataFile(db);
    if (Files.exists(file) && !replace) {
      throw new UserInputException(
          "--db " + db + ": " + file + " exists; choose another file or add --replace", null);
    }
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new UserInputException("--db " + db + ": cannot create its folder: " + e, e);
    }
  }

  /**
   * Saves an imported workspace into the H2 file all or nothing: written to a scratch file beside
   * it, then moved into place, so a failure leaves no half-written database.
   *
   * @return the deals saved
   */
  static int save(ListingPipelineStore memory, WorkspaceId workspace, Path db) {
    Path scratch = db.resolveSibling(db.getFileName() + ".importing");
    try {
      Files.deleteIfExists(dataFile(scratch));
      int deals;
      try (JdbcPipelineStore store = JdbcPipelineStore.h2File(scratch);
          ProgressBar bar = ProgressBar.onStderr("Saving")) {
        deals = PipelineCopy.copy(memory, workspace, store, bar);
      }
      Files.move(dataFile(scratch), dataFile(db), StandardCopyOption.REPLACE_EXISTING);
      return deals;
    } catch (IOException | RuntimeException e) {
      try {
        Files.deleteIfExists(dataFile(scratch));
        Files.deleteIfExists(scratch.resolveSibling(scratch.getFileName() + ".trace.db"));
      } catch (IOException ignored) {
        // why: the original failure is the one to report
      }
      throw new IllegalStateException("cannot save the import to " + dataFile(db) + ": " + e, e);
    }
  }
}
