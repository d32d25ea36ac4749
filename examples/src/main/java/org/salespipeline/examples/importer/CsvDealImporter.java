package org.salespipeline.examples.importer;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.salespipeline.core.AccountId;
import org.salespipeline.core.DealId;
import org.salespipeline.core.DealSource;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.Money;
import org.salespipeline.core.PipelineException;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.UserId;
import org.salespipeline.core.ValidationException;
import org.salespipeline.core.command.CloseDeal;
import org.salespipeline.core.command.MoveDeal;
import org.salespipeline.core.command.OpenDeal;
import org.salespipeline.core.stage.PipelineDefinition;
import org.salespipeline.core.stage.Stage;
import org.salespipeline.core.stage.StageOutcome;
import org.salespipeline.core.store.PipelineStore;
import org.salespipeline.core.store.memory.InMemoryPipelineStore;
import org.salespipeline.examples.generator.MutableClock;
import org.salespipeline.examples.progress.Progress;

/**
 * Imports deals from any CSV file through a {@link ColumnMapping}, all or nothing.
 *
 * <p>First every row is parsed and checked (types, known stage and source, valid owner id); then
 * the whole import runs once against a scratch in-memory store with the same engine settings, so
 * that anything the engine would refuse is found too. Only when both passes are clean is the real
 * store written. Every problem names file, line and column. A deal imported into a later stage than
 * the first is moved there with an explicit override ("imported"), recorded in its history, since
 * the source system's qualification and proposal facts are not in the file.
 *
 * <p>Stateless.
 */
public final class CsvDealImporter {
  private CsvDealImporter() {}

  /**
   * Builds an engine over a store with the given clock; the importer calls it for the scratch store
   * and for the real one, so both runs see the same pipelines and rules.
   */
  public interface EngineFactory extends BiFunction<PipelineStore, Clock, SalesPipeline> {}

  private record Row(
      int line,
      String name,
      UserId owner,
      Money amount,
      LocalDate closeDate,
      Optional<String> stage,
      Optional<String> account,
      DealSource source,
      Optional<Instant> openedAt) {}

  /**
   * Imports a file.
   *
   * @param file the CSV file, with a header line
   * @param mapping which column holds which field
   * @param defaultCurrency the currency of rows without a currency column
   * @param store where to write
   * @param engine builds the engine (called twice: scratch store, then {@code store})
   * @param progress hears (rows written, rows in all)
   * @return the report
   * @throws CsvImportException with every problem found; nothing was written
   */
  public static ImportReport importFile(
      Path file,
      ColumnMapping mapping,
      String defaultCurrency,
      PipelineStore store,
      EngineFactory engine,
      Progress progress) {
    CsvTable table = CsvTable.read(file);
    List<CsvProblem> problems = new ArrayList<>(table.shapeProblems(List.of()));
    for (String field : ColumnMapping.REQUIRED) {
      if (mapping.index(table, field).isEmpty()) {
        problems.add(
            new CsvProblem(
                table.name(),
                1,
                0,
                "no column '"
                    + mapping.column(field)
                    + "' for field "
                    + field
                    + "; header is "
                    + table.header()));
      }
    }
    if (!problems.isEmpty()) {
      throw new CsvImportException(problems);
    }
    PipelineDefinition definition =
        engine.apply(new InMemoryPipelineStore(), Clock.systemUTC()).defaultPipeline();
    List<Row> rows = new ArrayList<>();
    for (CsvTable.Row row : table.rows()) {
      parse(table, row, mapping, defaultCurrency, definition, problems).ifPresent(rows::add);
    }
    if (!problems.isEmpty()) {
      throw new CsvImportException(problems);
    }
    rows.sort(
        Comparator.comparing((Row r) -> r.openedAt().orElse(Instant.MAX))
            .thenComparingInt(Row::line));
    run(rows, table, mapping, new InMemoryPipelineStore(), engine, Progress.NONE, problems);
    if (!problems.isEmpty()) {
      throw new CsvImportException(problems);
    }
    int written = run(rows, table, mapping, store, engine, progress, problems);
    if (!problems.isEmpty()) {
      // why: the scratch run passed, so only the store itself can fail here (a database error).
      throw new IllegalStateException("the import failed part-way in the store: " + problems);
    }
    ImportReport report = new ImportReport();
    report.rowsRead(table.rows().size());
    report.dealsWritten(written);
    return report;
  }

  private static Optional<Row> parse(
      CsvTable table,
      CsvTable.Row row,
      ColumnMapping mapping,
      String defaultCurrency,
      PipelineDefinition definition,
      List<CsvProblem> problems) {
    int before = problems.size();
    Cell cell = new Cell(table, row, mapping, problems);
    String name = cell.text("name").orElse("");
    if (name.isBlank()) {
      cell.problem("name", "is empty");
    }
    UserId owner = null;
    try {
      owner = UserId.of(cell.text("owner").orElse(""));
    } catch (ValidationException e) {
      cell.problem(
          "owner",
          "'"
              + cell.text("owner").orElse("")
              + "' is not a user id (letters, digits, '_', '-', '.')");
    }
    Money amount = null;
    String currency = cell.text("currency").orElse(defaultCurrency);
    try {
      String text = cell.text("amount").orElse("");
      amount = Money.of(text.replace(",", ""), currency);
      if (amount.isNegative()) {
        cell.problem("amount", "'" + text + "' is negative");
      }
    } catch (ValidationException e) {
      FieldProblem p = e.problems().get(0);
      cell.problem(
          p.field().equals("currency") ? "currency" : "amount",
          "'" + p.value() + "' " + p.message());
    }
    LocalDate closeDate = null;
    try {
      closeDate = LocalDate.parse(cell.text("close_date").orElse(""));
    } catch (DateTimeParseException e) {
      cell.problem(
          "close_date", "'" + cell.text("close_date").orElse("") + "' is not a date yyyy-mm-dd");
    }
    Optional<String> stage = cell.text("stage").map(s -> stageKey(definition, s));
    if (cell.text("stage").isPresent() && stage.isEmpty()) {
      cell.problem(
          "stage",
          "'"
              + cell.text("stage").get()
              + "' is not a stage of "
              + definition.name()
              + "; stages are "
              + definition.stages().stream().map(Stage::key).toList());
    }
    DealSource source = DealSource.OTHER;
    if (cell.text("source").isPresent()) {
      try {
        source =
            DealSource.valueOf(
                cell.text("source")
                    .get()
                    .trim()
                    .toUpperCase(Locale.ROOT)
                    .replace(' ', '_')
                    .replace('-', '_'));
      } catch (IllegalArgumentException e) {
        cell.problem(
            "source",
            "'" + cell.text("source").get() + "' is not one of " + List.of(DealSource.values()));
      }
    }
    Optional<Instant> openedAt = Optional.empty();
    if (cell.text("opened_at").isPresent()) {
      String text = cell.text("opened_at").get();
      try {
        openedAt =
            Optional.of(
                text.length() <= 10
                    ? LocalDate.parse(text).atTime(9, 0).toInstant(ZoneOffset.UTC)
                    : LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
        if (openedAt.get().isAfter(Instant.now())) {
          cell.problem("opened_at", "'" + text + "' is in the future");
        }
      } catch (DateTimeParseException e) {
        cell.problem(
            "opened_at", "'" + text + "' is not a date yyyy-mm-dd or date-time yyyy-mm-ddThh:mm");
      }
    }
    if (problems.size() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new Row(
            row.line(),
            name.trim(),
            owner,
            amount,
            closeDate,
            stage,
            cell.text("account"),
            source,
            openedAt));
  }

  private static String stageKey(PipelineDefinition definition, String text) {
    for (Stage stage : definition.stages()) {
      if (stage.key().equalsIgnoreCase(text.trim())
          || stage.displayName().equalsIgnoreCase(text.trim())) {
        return stage.key();
      }
    }
    return null;
  }

  /** Reads mapped cells of one row and records problems at their column. */
  private static final class Cell {
    private final CsvTable table;
    private final CsvTable.Row row;
    private final ColumnMapping mapping;
    private final List<CsvProblem> problems;

    Cell(CsvTable table, CsvTable.Row row, ColumnMapping mapping, List<CsvProblem> problems) {
      this.table = table;
      this.row = row;
      this.mapping = mapping;
      this.problems = problems;
    }

    /** The trimmed value, empty when the column is absent or the cell blank. */
    Optional<String> text(String field) {
      return mapping.index(table, field).map(row::get).map(String::trim).filter(s -> !s.isEmpty());
    }

    void problem(String field, String message) {
      int column = mapping.index(table, field).map(i -> i + 1).orElse(0);
      problems.add(
          new CsvProblem(table.name(), row.line(), column, mapping.column(field) + " " + message));
    }
  }

  private static int run(
      List<Row> rows,
      CsvTable table,
      ColumnMapping mapping,
      PipelineStore store,
      EngineFactory factory,
      Progress progress,
      List<CsvProblem> problems) {
    Instant now = Instant.now();
    MutableClock clock = new MutableClock(now);
    SalesPipeline engine = factory.apply(store, clock);
    PipelineDefinition definition = engine.defaultPipeline();
    Map<String, AccountId> accounts = new HashMap<>();
    int written = 0;
    progress.update(0, rows.size());
    for (Row row : rows) {
      clock.set(row.openedAt().orElse(now));
      try {
        Optional<AccountId> account =
            row.account().map(a -> accounts.computeIfAbsent(a, n -> engine.createAccount(n).id()));
        DealId id =
            engine
                .openDeal(
                    OpenDeal.builder()
                        .name(row.name())
                        .owner(row.owner())
                        .actor(row.owner())
                        .amount(row.amount())
                        .expectedCloseDate(row.closeDate())
                        .account(account)
                        .source(row.source())
                        .build())
                .deal()
                .id();
        String override =
            "imported from " + table.name() + " line " + row.line() + " in this stage";
        Optional<Stage> target =
            row.stage()
                .map(definition::requireStage)
                .filter(s -> !s.key().equals(definition.firstStage().key()));
        if (target.isPresent()) {
          Stage stage = target.get();
          CloseDeal close =
              CloseDeal.builder()
                  .deal(id)
                  .actor(row.owner())
                  .reason("imported")
                  .override(override)
                  .build();
          if (stage.outcome() == StageOutcome.OPEN) {
            engine.move(
                MoveDeal.builder()
                    .deal(id)
                    .actor(row.owner())
                    .toStage(stage.key())
                    .override(override)
                    .build());
          } else if (stage.outcome() == StageOutcome.WON) {
            engine.win(close);
          } else if (stage.outcome() == StageOutcome.LOST) {
            engine.lose(close);
          } else {
            engine.disqualify(close);
          }
        }
        written++;
      } catch (ValidationException e) {
        for (FieldProblem p : e.problems()) {
          String field = fieldOf(p.field());
          int column = mapping.index(table, field).map(i -> i + 1).orElse(0);
          problems.add(new CsvProblem(table.name(), row.line(), column, p.toString()));
        }
      } catch (PipelineException e) {
        problems.add(new CsvProblem(table.name(), row.line(), 0, e.getMessage()));
      }
      if (written % 500 == 0) {
        progress.update(written, rows.size());
      }
    }
    progress.update(written, rows.size());
    return written;
  }

  private static String fieldOf(String engineField) {
    return switch (engineField) {
      case "expectedCloseDate" -> "close_date";
      case "toStage", "stage" -> "stage";
      default -> engineField;
    };
  }
}
