package org.salespipeline.examples.importer;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.salespipeline.core.AccountId;
import org.salespipeline.core.AttributeValue;
import org.salespipeline.core.DealId;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.IdGenerator;
import org.salespipeline.core.Money;
import org.salespipeline.core.PipelineId;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.Team;
import org.salespipeline.core.TeamId;
import org.salespipeline.core.UserId;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.command.CloseDeal;
import org.salespipeline.core.command.MoveDeal;
import org.salespipeline.core.command.OpenDeal;
import org.salespipeline.core.command.UpdateDeal;
import org.salespipeline.core.rule.CloseReasonRule;
import org.salespipeline.core.rule.NoSkippingRule;
import org.salespipeline.core.rule.RuleSet;
import org.salespipeline.core.stage.PipelineDefinition;
import org.salespipeline.core.stage.Stage;
import org.salespipeline.core.stage.StageOutcome;
import org.salespipeline.core.store.PipelineStore;
import org.salespipeline.examples.generator.MutableClock;
import org.salespipeline.examples.progress.Progress;

/**
 * Imports the public "CRM Sales Opportunities" data set (sales_pipeline.csv, accounts.csv,
 * products.csv, sales_teams.csv) into its own pipeline, Prospecting &gt; Engaging &gt; Won / Lost,
 * rebuilding each deal's history through the engine by setting the clock to the day each fact
 * became known: the deal opens on engage_date and closes (won or lost) on close_date.
 *
 * <p>No look-ahead: the data set has no expected close date, and a deal's real close date is not
 * known while it is open, so an open deal carries an estimate knowable at the time: its open day
 * plus the median cycle of the deals won before that day ({@value KnownWinCycles#DEFAULT_DAYS} days
 * before any win); when that date passes with the deal still open, the close date is pushed at the
 * end of that day by the median known then. The import report says so.
 *
 * <p>Every file is read and checked before anything is written; a real error (a bad date, an
 * unknown stage, product or agent) refuses the whole import with file, line and column. Known
 * quirks are handled and reported in the {@link ImportReport}: product {@code GTXPro} is {@code GTX
 * Pro}, open deals without an account, the {@code technolgy} sector, lost deals with close_value 0,
 * deals without dates, agents without deals. Every row becomes a deal.
 *
 * <p>Stateless; each call builds its own engine over the given store.
 */
public final class CrmDatasetImporter {
  /** The pipeline of the data set. */
  public static final PipelineId CRM = PipelineId.of("crm");

  /** The workspace the data set is imported into. */
  public static final WorkspaceId WORKSPACE = WorkspaceId.of("crm");

  private static final Map<String, String> PRODUCT_ALIASES = Map.of("GTXPro", "GTX Pro");
  private static final Map<String, String> SECTOR_FIXES = Map.of("technolgy", "technology");
  private static final List<String> PIPELINE_COLUMNS =
      List.of(
          "opportunity_id",
          "sales_agent",
          "product",
          "account",
          "deal_stage",
          "engage_date",
          "close_date",
          "close_value");

  private CrmDatasetImporter() {}

  /** The data set's pipeline: Prospecting (15%), Engaging (60%), Won, Lost. */
  public static PipelineDefinition pipeline() {
    return PipelineDefinition.builder()
        .id(CRM)
        .name("CRM Sales Opportunities")
        .addStages(
            Stage.open(
                "prospecting", "Prospecting", 0.15, ForecastCategory.PIPELINE, Duration.ofDays(30)),
            Stage.open(
                "engaging", "Engaging", 0.60, ForecastCategory.BEST_CASE, Duration.ofDays(45)),
            Stage.closed("won", "Won", StageOutcome.WON),
            Stage.closed("lost", "Lost", StageOutcome.LOST))
        .build();
  }

  /**
   * What an import made.
   *
   * @param pipeline the engine over the store, its clock left at the day after the data ends
   * @param clock that clock
   * @param report rows, deals and quirks
   */
  public record Result(SalesPipeline pipeline, MutableClock clock, ImportReport report) {}

  private record Product(String name, String series, BigDecimal price) {}

  private record Agent(UserId id, String manager, String office) {}

  private record Opportunity(
      int line,
      String id,
      Agent agent,
      Product product,
      Optional<String> account,
      String stage,
      Optional<LocalDate> engaged,
      Optional<LocalDate> closed,
      Optional<BigDecimal> value) {}

  private record Step(Instant at, int order, Runnable action) {}

  /**
   * Imports the data set from a folder.
   *
   * @param folder the folder holding the four CSV files
   * @param store where to write; the {@code crm} workspace should be empty
   * @param progress hears (deals written, deals in all)
   * @return the engine, its clock and the report
   * @throws CsvImportException with every problem found, before anything is written
   */
  public static Result importFolder(Path folder, PipelineStore store, Progress progress) {
    if (!Files.isDirectory(folder)) {
      throw new CsvImportException(
          List.of(new CsvProblem(folder.toString(), 0, 0, "is not a folder holding the data set")));
    }
    List<CsvProblem> problems = new ArrayList<>();
    CsvTable pipelineCsv = read(folder.resolve("sales_pipeline.csv"), PIPELINE_COLUMNS, problems);
    CsvTable accountsCsv =
        read(folder.resolve("accounts.csv"), List.of("account", "sector"), problems);
    CsvTable productsCsv =
        read(folder.resolve("products.csv"), List.of("product", "series", "sales_price"), problems);
    CsvTable teamsCsv =
        read(
            folder.resolve("sales_teams.csv"),
            List.of("sales_agent", "manager", "regional_office"),
            problems);
    if (!problems.isEmpty()) {
      throw new CsvImportException(problems);
    }
    ImportReport report = new ImportReport();
    Map<String, Product> products = products(productsCsv, problems);
    Map<String, Agent> agents = agents(teamsCsv, problems);
    Map<String, String> sectors = accounts(accountsCsv, report);
    List<Opportunity> opportunities =
        opportunities(pipelineCsv, products, agents, sectors.keySet(), problems, report);
    if (!problems.isEmpty()) {
      throw new CsvImportException(problems);
    }
    report.rowsRead(opportunities.size());
    return write(opportunities, products, agents, sectors, store, report, progress);
  }

  private static CsvTable read(Path file, List<String> columns, List<CsvProblem> problems) {
    try {
      CsvTable table = CsvTable.read(file);
      problems.addAll(table.shapeProblems(columns));
      return table;
    } catch (CsvImportException e) {
      problems.addAll(e.problems());
      return null;
    }
  }

  private static Map<String, Product> products(CsvTable csv, List<CsvProblem> problems) {
    Map<String, Product> products = new LinkedHashMap<>();
    int name = csv.column("product").orElseThrow();
    int series = csv.column("series").orElseThrow();
    int price = csv.column("sales_price").orElseThrow();
    for (CsvTable.Row row : csv.rows()) {
      decimal(csv, row, price, problems)
          .ifPresent(
              p -> products.put(row.get(name), new Product(row.get(name), row.get(series), p)));
    }
    return products;
  }

  private static Map<String, Agent> agents(CsvTable csv, List<CsvProblem> problems) {
    Map<String, Agent> agents = new LinkedHashMap<>();
    int agent = csv.column("sales_agent").orElseThrow();
    int manager = csv.column("manager").orElseThrow();
    int office = csv.column("regional_office").orElseThrow();
    Set<UserId> ids = new HashSet<>();
    for (CsvTable.Row row : csv.rows()) {
      UserId id = userId(row.get(agent));
      if (!ids.add(id)) {
        problems.add(
            new CsvProblem(
                csv.name(), row.line(), agent + 1, "agent '" + row.get(agent) + "' appears twice"));
      }
      agents.put(row.get(agent), new Agent(id, row.get(manager), row.get(office)));
    }
    return agents;
  }

  private static Map<String, String> accounts(CsvTable csv, ImportReport report) {
    Map<String, String> sectors = new LinkedHashMap<>();
    int account = csv.column("account").orElseThrow();
    int sector = csv.column("sector").orElseThrow();
    List<String> fixed = new ArrayList<>();
    for (CsvTable.Row row : csv.rows()) {
      String value = row.get(sector);
      String corrected = SECTOR_FIXES.getOrDefault(value, value);
      if (!corrected.equals(value)) {
        fixed.add(row.get(account));
      }
      sectors.put(row.get(account), corrected);
    }
    report.quirk(csv.name(), "sector 'technolgy' read as 'technology'", fixed);
    return sectors;
  }

  private static List<Opportunity> opportunities(
      CsvTable csv,
      Map<String, Product> products,
      Map<String, Agent> agents,
      Set<String> accounts,
      List<CsvProblem> problems,
      ImportReport report) {
    int id = csv.column("opportunity_id").orElseThrow();
    int agent = csv.column("sales_agent").orElseThrow();
    int product = csv.column("product").orElseThrow();
    int account = csv.column("account").orElseThrow();
    int stage = csv.column("deal_stage").orElseThrow();
    int engage = csv.column("engage_date").orElseThrow();
    int close = csv.column("close_date").orElseThrow();
    int value = csv.column("close_value").orElseThrow();
    List<Opportunity> result = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    List<String> aliased = new ArrayList<>();
    List<String> noAccount = new ArrayList<>();
    List<String> zeroLost = new ArrayList<>();
    List<String> noDates = new ArrayList<>();
    Set<String> agentsWithDeals = new HashSet<>();
    for (CsvTable.Row row : csv.rows()) {
      int before = problems.size();
      String opportunity = row.get(id).trim();
      if (opportunity.isEmpty()) {
        problems.add(new CsvProblem(csv.name(), row.line(), id + 1, "opportunity_id is empty"));
      } else if (!ids.add(opportunity)) {
        problems.add(
            new CsvProblem(
                csv.name(),
                row.line(),
                id + 1,
                "opportunity_id '" + opportunity + "' appears twice"));
      }
      Agent owner = agents.get(row.get(agent));
      if (owner == null) {
        problems.add(
            new CsvProblem(
                csv.name(),
                row.line(),
                agent + 1,
                "sales_agent '" + row.get(agent) + "' is not in sales_teams.csv"));
      } else {
        agentsWithDeals.add(row.get(agent));
      }
      String productName = PRODUCT_ALIASES.getOrDefault(row.get(product), row.get(product));
      if (!productName.equals(row.get(product))) {
        aliased.add(opportunity);
      }
      Product item = products.get(productName);
      if (item == null) {
        problems.add(
            new CsvProblem(
                csv.name(),
                row.line(),
                product + 1,
                "product '" + row.get(product) + "' is not in products.csv"));
      }
      String accountName = row.get(account).trim();
      if (accountName.isEmpty()) {
        noAccount.add(opportunity);
      } else if (!accounts.contains(accountName)) {
        problems.add(
            new CsvProblem(
                csv.name(),
                row.line(),
                account + 1,
                "account '" + accountName + "' is not in accounts.csv"));
      }
      String dealStage = row.get(stage);
      Optional<LocalDate> engaged = date(csv, row, engage, problems);
      Optional<LocalDate> closed = date(csv, row, close, problems);
      Optional<BigDecimal> amount =
          row.get(value).isBlank() ? Optional.empty() : decimal(csv, row, value, problems);
      switch (dealStage) {
        case "Prospecting" -> {
          if (engaged.isPresent() || closed.isPresent()) {
            problems.add(
                new CsvProblem(
                    csv.name(),
                    row.line(),
                    engage + 1,
                    "a Prospecting deal has no engage_date or close_date"));
          }
          noDates.add(opportunity);
        }
        case "Engaging" -> {
          if (engaged.isEmpty()) {
            problems.add(
                new CsvProblem(
                    csv.name(), row.line(), engage + 1, "an Engaging deal needs an engage_date"));
          }
          if (closed.isPresent()) {
            problems.add(
                new CsvProblem(
                    csv.name(),
                    row.line(),
                    close + 1,
                    "an Engaging deal is open and has no close_date"));
          }
        }
        case "Won", "Lost" -> {
          if (engaged.isEmpty()) {
            problems.add(
                new CsvProblem(
                    csv.name(),
                    row.line(),
                    engage + 1,
                    "a " + dealStage + " deal needs an engage_date"));
          }
          if (closed.isEmpty()) {
            problems.add(
                new CsvProblem(
                    csv.name(),
                    row.line(),
                    close + 1,
                    "a " + dealStage + " deal needs a close_date"));
          } else if (engaged.isPresent() && closed.get().isBefore(engaged.get())) {
            problems.add(
                new CsvProblem(
                    csv.name(),
                    row.line(),
                    close + 1,
                    "close_date " + closed.get() + " is before engage_date " + engaged.get()));
          }
          if (amount.isEmpty()) {
            problems.add(
                new CsvProblem(
                    csv.name(),
                    row.line(),
                    value + 1,
                    "a " + dealStage + " deal needs a close_value"));
          } else if (dealStage.equals("Lost") && amount.get().signum() == 0) {
            zeroLost.add(opportunity);
          }
        }
        default ->
            problems.add(
                new CsvProblem(
                    csv.name(),
                    row.line(),
                    stage + 1,
                    "deal_stage '" + dealStage + "' is not Prospecting, Engaging, Won or Lost"));
      }
      if (problems.size() == before) {
        result.add(
            new Opportunity(
                row.line(),
                opportunity,
                owner,
                item,
                accountName.isEmpty() ? Optional.empty() : Optional.of(accountName),
                dealStage,
                engaged,
                closed,
                amount));
      }
    }
    report.quirk(csv.name(), "product 'GTXPro' read as 'GTX Pro' of products.csv", aliased);
    report.quirk(csv.name(), "open deal without an account: imported without one", noAccount);
    report.quirk(
        csv.name(),
        "Prospecting deal without dates: opened on the day after the data ends",
        noDates);
    report.quirk(
        csv.name(), "Lost deal with close_value 0: amount is the product's list price", zeroLost);
    List<String> idle = agents.keySet().stream().filter(a -> !agentsWithDeals.contains(a)).toList();
    report.quirk("sales_teams.csv", "sales agent without any deal: kept as a team member", idle);
    return result;
  }

  private static Optional<LocalDate> date(
      CsvTable csv, CsvTable.Row row, int column, List<CsvProblem> problems) {
    String text = row.get(column).trim();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      problems.add(
          new CsvProblem(
              csv.name(),
              row.line(),
              column + 1,
              csv.header().get(column) + " '" + text + "' is not a date yyyy-mm-dd"));
      return Optional.empty();
    }
  }

  private static Optional<BigDecimal> decimal(
      CsvTable csv, CsvTable.Row row, int column, List<CsvProblem> problems) {
    String text = row.get(column).trim();
    try {
      BigDecimal value = new BigDecimal(text);
      if (value.signum() < 0) {
        problems.add(
            new CsvProblem(
                csv.name(),
                row.line(),
                column + 1,
                csv.header().get(column) + " '" + text + "' is negative"));
        return Optional.empty();
      }
      return Optional.of(value);
    } catch (NumberFormatException e) {
      problems.add(
          new CsvProblem(
              csv.name(),
              row.line(),
              column + 1,
              csv.header().get(column) + " '" + text + "' is not a number"));
      return Optional.empty();
    }
  }

  /** The user id of an agent's name: {@code Moses Frase} is {@code moses.frase}. */
  static UserId userId(String name) {
    String id =
        name.trim()
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", ".")
            .replaceAll("^\\.|\\.$", "");
    return UserId.of(id.isEmpty() ? "unknown" : id);
  }

  // ---------------------------------------------------------------- writing

  private static Result write(
      List<Opportunity> opportunities,
      Map<String, Product> products,
      Map<String, Agent> agents,
      Map<String, String> sectors,
      PipelineStore store,
      ImportReport report,
      Progress progress) {
    LocalDate lastDay =
        opportunities.stream()
            .flatMap(o -> java.util.stream.Stream.of(o.engaged(), o.closed()))
            .flatMap(Optional::stream)
            .max(Comparator.naturalOrder())
            .orElse(LocalDate.of(2017, 12, 31));
    Instant asOf = lastDay.plusDays(1).atTime(12, 0).toInstant(ZoneOffset.UTC);
    LocalDate firstDay =
        opportunities.stream()
            .flatMap(o -> o.engaged().stream())
            .min(Comparator.naturalOrder())
            .orElse(lastDay);
    MutableClock clock =
        new MutableClock(firstDay.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    SalesPipeline engine =
        SalesPipeline.builder()
            .store(store)
            .workspace(WORKSPACE)
            .clock(clock)
            .idGenerator(IdGenerator.timeOrdered(clock, 0))
            .pipeline(pipeline())
            .rules(
                RuleSet.builder()
                    .pipelineRule(CRM, new NoSkippingRule(0), new CloseReasonRule())
                    .build())
            .build();

    Map<String, List<UserId>> byManager = new TreeMap<>();
    Map<String, String> officeOf = new HashMap<>();
    agents
        .values()
        .forEach(
            a -> {
              byManager.computeIfAbsent(a.manager(), k -> new ArrayList<>()).add(a.id());
              officeOf.put(a.manager(), a.office());
            });
    Map<String, List<UserId>> byOffice = new TreeMap<>();
    byManager
        .keySet()
        .forEach(
            m -> byOffice.computeIfAbsent(officeOf.get(m), k -> new ArrayList<>()).add(userId(m)));
    for (Map.Entry<String, List<UserId>> office : byOffice.entrySet()) {
      TeamId officeTeam = TeamId.of(userId(office.getKey()).value());
      engine.saveTeam(
          Team.builder()
              .id(officeTeam)
              .workspace(WORKSPACE)
              .name(office.getKey())
              .manager(office.getValue().get(0))
              .members(office.getValue())
              .build());
    }
    for (Map.Entry<String, List<UserId>> manager : byManager.entrySet()) {
      UserId id = userId(manager.getKey());
      engine.saveTeam(
          Team.builder()
              .id(TeamId.of(id.value()))
              .workspace(WORKSPACE)
              .name(manager.getKey() + "'s team")
              .manager(id)
              .members(manager.getValue())
              .parent(TeamId.of(userId(officeOf.get(manager.getKey())).value()))
              .build());
    }
    Map<String, AccountId> accountIds = new HashMap<>();
    sectors.forEach(
        (name, sector) ->
            accountIds.put(
                name, engine.createAccount(name, Optional.of(sector), Optional.empty()).id()));

    KnownWinCycles cycles =
        KnownWinCycles.of(
            opportunities.stream()
                .filter(o -> o.stage().equals("Won"))
                .map(
                    o ->
                        new KnownWinCycles.Win(o.engaged().orElseThrow(), o.closed().orElseThrow()))
                .toList());
    report.quirk(
        "sales_pipeline.csv",
        "no expected close date in the data: estimated when the deal opened as its open day + the"
            + " median cycle of deals won before that day ("
            + KnownWinCycles.DEFAULT_DAYS
            + " days before any win); the close itself enters history on close_date",
        opportunities.stream().map(Opportunity::id).toList());
    List<String> pushed = new ArrayList<>();
    List<Step> steps = new ArrayList<>();
    int[] written = {0};
    for (Opportunity o : opportunities) {
      plan(o, engine, accountIds, asOf, cycles, steps, written, pushed);
    }
    report.quirk(
        "sales_pipeline.csv",
        "estimated close date passed while the deal was open: pushed at the end of that day by the"
            + " median cycle of deals won by then",
        pushed);
    steps.sort(Comparator.comparing(Step::at).thenComparingInt(Step::order));
    progress.update(0, opportunities.size());
    long lastReported = -1;
    for (Step step : steps) {
      clock.set(step.at());
      step.action().run();
      if (written[0] != lastReported && written[0] % 200 == 0) {
        lastReported = written[0];
        progress.update(written[0], opportunities.size());
      }
    }
    progress.update(written[0], opportunities.size());
    clock.set(asOf);
    report.dealsWritten(written[0]);
    return new Result(engine, clock, report);
  }

  private static void plan(
      Opportunity o,
      SalesPipeline engine,
      Map<String, AccountId> accounts,
      Instant asOf,
      KnownWinCycles cycles,
      List<Step> steps,
      int[] written,
      List<String> pushed) {
    DealId id =
        new DealId(
            UUID.nameUUIDFromBytes(
                ("crm-sales-opportunities:" + o.id())
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    UserId owner = o.agent().id();
    Instant opened =
        o.engaged()
            .map(d -> d.atTime(9, 0).toInstant(ZoneOffset.UTC))
            .orElse(asOf.minusSeconds(3600));
    // why: the real close date is not known while the deal is open (no look-ahead); the deal
    // carries an estimate knowable at each day instead, and the close enters on close_date
    LocalDate openDay = LocalDate.ofInstant(opened, ZoneOffset.UTC);
    List<LocalDate> estimates =
        cycles.estimates(openDay, o.closed().orElse(LocalDate.ofInstant(asOf, ZoneOffset.UTC)));
    LocalDate expected = estimates.get(0);
    Money listPrice = Money.of(o.product().price(), "USD");
    int order = o.line() * 4;
    steps.add(
        new Step(
            opened,
            order,
            () -> {
              engine.openDeal(
                  OpenDeal.builder()
                      .id(id)
                      .name(
                          o.product().name()
                              + " - "
                              + o.account().orElse("no account")
                              + " ("
                              + o.id()
                              + ")")
                      .owner(owner)
                      .actor(owner)
                      .account(o.account().map(accounts::get))
                      .amount(listPrice)
                      .expectedCloseDate(expected)
                      .putAttributes("opportunity_id", AttributeValue.text(o.id()))
                      .putAttributes("product", AttributeValue.text(o.product().name()))
                      .putAttributes("series", AttributeValue.text(o.product().series()))
                      .build());
              written[0]++;
            }));
    if (o.engaged().isEmpty()) {
      return;
    }
    steps.add(
        new Step(
            opened.plusSeconds(60),
            order + 1,
            () ->
                engine.move(MoveDeal.builder().deal(id).actor(owner).toStage("engaging").build())));
    if (estimates.size() > 1) {
      pushed.add(o.id());
    }
    for (int k = 1; k < estimates.size(); k++) {
      LocalDate to = estimates.get(k);
      steps.add(
          new Step(
              estimates.get(k - 1).atTime(23, 0).toInstant(ZoneOffset.UTC),
              order + 2,
              () ->
                  engine.update(
                      UpdateDeal.builder().deal(id).actor(owner).expectedCloseDate(to).build())));
    }
    if (o.closed().isEmpty()) {
      return;
    }
    Instant closed = o.closed().get().atTime(17, 0).toInstant(ZoneOffset.UTC);
    if (closed.isBefore(opened.plusSeconds(120))) {
      closed = opened.plusSeconds(120);
    }
    if (o.stage().equals("Won")) {
      Money value = Money.of(o.value().orElseThrow(), "USD");
      steps.add(
          new Step(
              closed,
              order + 3,
              () -> {
                engine.update(UpdateDeal.builder().deal(id).actor(owner).amount(value).build());
                engine.win(CloseDeal.builder().deal(id).actor(owner).reason("won").build());
              }));
    } else {
      steps.add(
          new Step(
              closed,
              order + 3,
              () ->
                  engine.lose(
                      CloseDeal.builder()
                          .deal(id)
                          .actor(owner)
                          .reason("lost")
                          .detail("no reason in the source data")
                          .build())));
    }
  }
}
