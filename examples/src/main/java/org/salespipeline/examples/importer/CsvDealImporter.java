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
import org.salespipeline.core.command.UpdateDeal;
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
 * <p>No look-ahead for closed rows: a row in a closed stage with an {@code opened_at} opens then
 * with an estimated close date (its open day plus the median cycle of the file's deals won before
 * that day, {@value KnownWinCycles#DEFAULT_DAYS} days before any; pushed at the end of each day it
 * passes while the deal is open) and is closed at its {@code close_date}, so a snapshot of a past
 * day never sees the real close date of a deal still open then. An open row's {@code close_date} is
 * the source system's current estimate and is entered at opening, as is its stage: the file holds
 * no history of either. Rows without {@code opened_at} are written at the import's instant.
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

  /** One write at the time it became known; {@code row} is the row's index in the sorted list. */
  private record Step(Instant at, int row, int order, StepAction action) {}

  @FunctionalInterface
  private interface StepAction {
    void run(SalesPipeline engine, DealId[] ids);
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
    KnownWinCycles cycles = wonCycles(rows, definition);
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      plan(i, rows.get(i), definition, accounts, cycles, table, now, steps);
    }
    steps.sort(
        Comparator.comparing(Step::at).thenComparingInt(Step::row).thenComparingInt(Step::order));
    DealId[] ids = new DealId[rows.size()];
    boolean[] failed = new boolean[rows.size()];
    int written = 0;
    progress.update(0, rows.size());
    for (Step step : steps) {
      if (failed[step.row()]) {
        continue;
      }
      Row row = rows.get(step.row());
      clock.set(step.at());
      try {
        step.action().run(engine, ids);
        if (step.order() == 0) {
          written++;
          if (written % 500 == 0) {
            progress.update(written, rows.size());
          }
        }
      } catch (ValidationException e) {
        failed[step.row()] = true;
        for (FieldProblem p : e.problems()) {
          String field = fieldOf(p.field());
          int column = mapping.index(table, field).map(i -> i + 1).orElse(0);
          problems.add(new CsvProblem(table.name(), row.line(), column, p.toString()));
        }
      } catch (PipelineException e) {
        failed[step.row()] = true;
        problems.add(new CsvProblem(table.name(), row.line(), 0, e.getMessage()));
      }
    }
    progress.update(written, rows.size());
    return written;
  }

  /** The sales cycles of the rows won with a known opening day. */
  private static KnownWinCycles wonCycles(List<Row> rows, PipelineDefinition definition) {
    return KnownWinCycles.of(
        rows.stream()
            .filter(r -> r.openedAt().isPresent())
            .filter(
                r ->
                    r.stage()
                        .map(definition::requireStage)
                        .filter(s -> s.outcome() == StageOutcome.WON)
                        .isPresent())
            .map(r -> new KnownWinCycles.Win(day(r.openedAt().get()), r.closeDate()))
            .toList());
  }

  /**
   * The writes of one row, each at the time it became known. A closed row with an opening time
   * opens with an estimated close date (its real one is not known while it is open; the estimate is
   * pushed whenever it passes) and closes on its close date; any other row is written at once.
   */
  private static void plan(
      int index,
      Row row,
      PipelineDefinition definition,
      Map<String, AccountId> accounts,
      KnownWinCycles cycles,
      CsvTable table,
      Instant now,
      List<Step> steps) {
    Instant opened = row.openedAt().orElse(now);
    Optional<Stage> target =
        row.stage()
            .map(definition::requireStage)
            .filter(s -> !s.key().equals(definition.firstStage().key()));
    boolean closedLater =
        row.openedAt().isPresent()
            && target.map(s -> s.outcome() != StageOutcome.OPEN).orElse(false);
    List<LocalDate> estimates =
        closedLater ? cycles.estimates(day(opened), row.closeDate()) : List.of(row.closeDate());
    steps.add(
        new Step(
            opened,
            index,
            0,
            (engine, ids) -> {
              Optional<AccountId> account =
                  row.account()
                      .map(a -> accounts.computeIfAbsent(a, n -> engine.createAccount(n).id()));
              ids[index] =
                  engine
                      .openDeal(
                          OpenDeal.builder()
                              .name(row.name())
                              .owner(row.owner())
                              .actor(row.owner())
                              .amount(row.amount())
                              .expectedCloseDate(estimates.get(0))
                              .account(account)
                              .source(row.source())
                              .build())
                      .deal()
                      .id();
            }));
    for (int k = 1; k < estimates.size(); k++) {
      LocalDate to = estimates.get(k);
      steps.add(
          new Step(
              estimates.get(k - 1).atTime(23, 0).toInstant(ZoneOffset.UTC),
              index,
              1,
              (engine, ids) ->
                  engine.update(
                      UpdateDeal.builder()
                          .deal(ids[index])
                          .actor(row.owner())
                          .expectedCloseDate(to)
                          .build())));
    }
    if (target.isEmpty()) {
      return;
    }
    Stage stage = target.get();
    Instant closeAt = row.closeDate().atTime(17, 0).toInstant(ZoneOffset.UTC);
    Instant at = closedLater && closeAt.isAfter(opened) ? closeAt : opened;
    String override = "imported from " + table.name() + " line " + row.line() + " in this stage";
    steps.add(
        new Step(
            at,
            index,
            2,
            (engine, ids) -> {
              CloseDeal close =
                  CloseDeal.builder()
                      .deal(ids[index])
                      .actor(row.owner())
                      .reason("imported")
                      .override(override)
                      .build();
              if (stage.outcome() == StageOutcome.OPEN) {
                engine.move(
                    MoveDeal.builder()
                        .deal(ids[index])
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
            }));
  }

  private static LocalDate day(Instant instant) {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC);
  }

  private static String fieldOf(String engineField) {
    return switch (engineField) {
      case "expectedCloseDate" -> "close_date";
      case "toStage", "stage" -> "stage";
      default -> engineField;
    };
  }
}
