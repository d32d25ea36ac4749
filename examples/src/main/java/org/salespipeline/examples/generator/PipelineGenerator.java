package org.salespipeline.examples.generator;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.salespipeline.core.AccountId;
import org.salespipeline.core.ActivityType;
import org.salespipeline.core.ContactId;
import org.salespipeline.core.CustomerRetention;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealKind;
import org.salespipeline.core.DealSource;
import org.salespipeline.core.IllegalRetentionMoveException;
import org.salespipeline.core.Money;
import org.salespipeline.core.Quota;
import org.salespipeline.core.RetentionStatus;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.Team;
import org.salespipeline.core.UserId;
import org.salespipeline.core.command.LogActivity;
import org.salespipeline.core.command.RetentionCommand;
import org.salespipeline.examples.progress.Progress;

/**
 * Generates a realistic pipeline for {@link DemoCompany} by running every change through the {@link
 * SalesPipeline} engine, with the engine's {@link MutableClock} set to the time each change
 * happened: two years of history (by default) up to {@link GeneratorOptions#asOf()}.
 *
 * <p>What it makes: teams, accounts and contacts; deals from seven sources with lognormal amounts
 * in dollars, euros and pounds, growing in number over time; win rates that depend on the source
 * and the rep; stage stays of realistic length; activities and follow-ups; BANT qualification,
 * needs analysis, proposals and acceptance recorded before the moves that need them; a few explicit
 * rule overrides; close-date pushes; deals gone idle; won deals entering retention, with expansion
 * deals and renewals later; and per-rep and per-team quarterly quotas. The same options give the
 * same pipeline, ids included.
 *
 * <p>Not thread-safe; run one generation at a time on an engine nobody else writes to.
 */
public final class PipelineGenerator {
  private static final List<DealSource> SOURCES =
      List.of(
          DealSource.COLD_CALL,
          DealSource.EMAIL_OUTREACH,
          DealSource.NETWORKING,
          DealSource.REFERRAL,
          DealSource.INBOUND,
          DealSource.PARTNER,
          DealSource.EVENT);
  private static final double[] SOURCE_WEIGHTS = {0.14, 0.20, 0.10, 0.12, 0.26, 0.08, 0.10};
  private static final UserId CUSTOMER_SUCCESS = UserId.of("customer-success");
  private static final List<String> RISK_REASONS =
      List.of("champion left", "low adoption", "budget review", "support escalations");
  private static final List<String> CHURN_REASONS =
      List.of("budget cut", "went with a competitor", "low adoption", "acquired");
  private static final List<String> PRODUCTS =
      List.of(
          "Platform licence",
          "Analytics add-on",
          "Data migration",
          "Support plan",
          "Integration suite",
          "Team rollout");
  private static final List<String> INDUSTRIES =
      List.of("software", "retail", "manufacturing", "finance", "healthcare", "logistics", "media");
  private static final List<String> SYLLABLES =
      List.of(
          "ac", "bel", "cor", "dyn", "el", "fin", "gal", "hex", "in", "jun", "kor", "lum", "mar",
          "nov", "or", "pax", "qua", "ron", "sol", "tek", "umb", "ver", "wex", "zen");
  private static final List<String> SUFFIXES =
      List.of("Labs", "Systems", "Group", "Retail", "Logistics", "Health", "Media", "GmbH", "Ltd");
  private static final List<String> FIRST_NAMES =
      List.of("Alex", "Sam", "Jordan", "Robin", "Kim", "Maria", "Lee", "Noor", "Chris", "Eva");
  private static final List<String> LAST_NAMES =
      List.of("Smith", "Garcia", "Chen", "Muller", "Rossi", "Novak", "Silva", "Khan", "Berg");

  private PipelineGenerator() {}

  /**
   * What a generation made.
   *
   * @param accounts accounts created
   * @param contacts contacts created
   * @param deals deals opened (new business, expansion and renewals)
   * @param won deals closed won
   * @param lost deals closed lost
   * @param disqualified deals disqualified
   * @param open deals still open at the end
   * @param overrides stage-rule overrides recorded
   * @param quotas quotas set
   * @param steps simulation steps run (each one or two engine commands)
   * @param took how long it took
   */
  public record Summary(
      int accounts,
      int contacts,
      int deals,
      int won,
      int lost,
      int disqualified,
      int open,
      int overrides,
      int quotas,
      long steps,
      Duration took) {}

  /**
   * Generates into the engine's workspace.
   *
   * @param pipeline an engine built with {@code clock} (see {@link DemoCompany#engine}), on an
   *     empty workspace
   * @param clock the engine's clock; left at {@code options.asOf()}
   * @param options what to generate
   * @param progress hears (simulated days done, days in all)
   * @return what was made
   * @throws IllegalArgumentException if the engine does not run on the clock
   * @throws IllegalStateException naming the step, if a command fails (a bug in the generator)
   */
  public static Summary generate(
      SalesPipeline pipeline, MutableClock clock, GeneratorOptions options, Progress progress) {
    if (pipeline.clock() != clock) {
      throw new IllegalArgumentException("the engine must be built with the generator's clock");
    }
    long started = System.nanoTime();
    Run run = new Run(pipeline, clock, options);
    clock.set(options.start().minus(1, ChronoUnit.DAYS));
    run.createCompany();
    run.scheduleDeals();
    long[] lastDay = {-1};
    run.timeline.run(
        at -> {
          long day = Duration.between(options.start(), at).toDays();
          if (day != lastDay[0]) {
            lastDay[0] = day;
            progress.update(Math.max(0, day), options.historyDays());
          }
        });
    progress.update(options.historyDays(), options.historyDays());
    int quotas = run.setQuotas();
    int closed = run.dealsWon + run.dealsLost + run.dealsDisqualified;
    return new Summary(
        run.accounts.size(),
        run.contacts,
        run.dealsOpened,
        run.dealsWon,
        run.dealsLost,
        run.dealsDisqualified,
        run.dealsOpened - closed,
        run.overrides,
        quotas,
        run.timeline.stepsRun(),
        Duration.ofNanos(System.nanoTime() - started));
  }

  /** An account of the company's market: where it is served from and who to talk to. */
  record Customer(
      AccountId id,
      String name,
      DemoCompany.Region region,
      UserId owner,
      List<ContactId> contacts) {}

  /** The state of one generation, shared by the deal scripts. */
  static final class Run {
    final SalesPipeline pipeline;
    final Draws draws;
    final Timeline timeline;
    final GeneratorOptions options;
    final List<Customer> accounts = new ArrayList<>();
    final Map<UserId, DemoCompany.Region> regionOf = new HashMap<>();
    final Map<UserId, Double> skill = new HashMap<>();
    final Map<UserId, Map<LocalDate, BigDecimal>> wonByQuarter = new HashMap<>();
    int contacts;
    int dealsOpened;
    int dealsWon;
    int dealsLost;
    int dealsDisqualified;
    int overrides;

    Run(SalesPipeline pipeline, MutableClock clock, GeneratorOptions options) {
      this.pipeline = pipeline;
      this.options = options;
      this.draws = new Draws(options.seed());
      this.timeline = new Timeline(clock, options.asOf());
    }

    void createCompany() {
      DemoCompany.teams().forEach(pipeline::saveTeam);
      for (DemoCompany.Region region : DemoCompany.REGIONS) {
        for (UserId rep : region.reps()) {
          regionOf.put(rep, region);
          skill.put(rep, Math.max(0.6, Math.min(1.6, draws.lognormal(1.0, 0.25))));
        }
      }
      int count = Math.max(20, options.deals() / 5);
      Set<String> names = new HashSet<>();
      double[] regionWeights = {0.3, 0.3, 0.2, 0.2};
      while (accounts.size() < count) {
        String name = companyName(names.size() > count * 3 ? String.valueOf(names.size()) : "");
        if (!names.add(name)) {
          continue;
        }
        DemoCompany.Region region = draws.pick(DemoCompany.REGIONS, regionWeights);
        UserId owner = draws.pick(region.reps());
        AccountId id =
            pipeline
                .createAccount(name, Optional.of(draws.pick(INDUSTRIES)), Optional.of(owner))
                .id();
        List<ContactId> people = new ArrayList<>();
        int n = draws.between(1, 3);
        for (int i = 0; i < n; i++) {
          String first = draws.pick(FIRST_NAMES);
          String last = draws.pick(LAST_NAMES);
          String email =
              (first + "." + last).toLowerCase(java.util.Locale.ROOT)
                  + "@"
                  + name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "")
                  + ".example";
          people.add(
              pipeline.createContact(first + " " + last, Optional.of(id), Optional.of(email)).id());
          contacts++;
        }
        accounts.add(new Customer(id, name, region, owner, people));
      }
    }

    private String companyName(String tiebreak) {
      String stem = draws.pick(SYLLABLES) + draws.pick(SYLLABLES);
      if (draws.chance(0.4)) {
        stem += draws.pick(SYLLABLES);
      }
      String capitalised = Character.toUpperCase(stem.charAt(0)) + stem.substring(1);
      return capitalised + tiebreak + " " + draws.pick(SUFFIXES);
    }

    void scheduleDeals() {
      Instant start = options.start();
      double growth = 0.6;
      for (int i = 0; i < options.deals(); i++) {
        double u = draws.uniform(0, 1);
        double x = (-1 + Math.sqrt(1 + 2 * growth * u * (1 + growth / 2))) / growth;
        LocalDate day =
            LocalDate.ofInstant(start, ZoneOffset.UTC).plusDays((long) (x * options.historyDays()));
        if (day.getDayOfWeek() == DayOfWeek.SATURDAY) {
          day = day.plusDays(2);
        } else if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
          day = day.plusDays(1);
        }
        Instant openAt =
            day.atStartOfDay(ZoneOffset.UTC)
                .toInstant()
                .plusSeconds(8 * 3600 + (long) draws.uniform(0, 10 * 3600));
        Customer customer = draws.pick(accounts);
        UserId owner = draws.chance(0.7) ? customer.owner() : draws.pick(customer.region().reps());
        String currency = draws.pick(customer.region().currencies());
        double usd = draws.lognormal(18_000, 0.9);
        Money amount = money(usd / usdRate(currency), currency);
        DealScript.schedule(
            this,
            new DealScript.Plan(
                customer.name() + " - " + draws.pick(PRODUCTS),
                owner,
                customer.id(),
                Optional.of(draws.pick(customer.contacts())),
                amount,
                draws.pick(SOURCES, SOURCE_WEIGHTS),
                DealKind.NEW_BUSINESS,
                Optional.empty(),
                skill.get(owner),
                openAt));
      }
    }

    private static double usdRate(String currency) {
      return switch (currency) {
        case "EUR" -> 1.08;
        case "GBP" -> 1.26;
        default -> 1.0;
      };
    }

    private static Money money(double amount, String currency) {
      long rounded = Math.max(500, Math.round(amount / 100.0) * 100);
      return Money.of(rounded, currency);
    }

    /** A rep of the same region, for reassignments. */
    UserId colleagueOf(UserId rep) {
      return draws.pick(regionOf.get(rep).reps());
    }

    /** A deal was won: count it, and plan what follows on its account. */
    void won(Deal deal, DealScript.Plan plan) {
      dealsWon++;
      Instant at = timelineNow();
      LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
      Money usd =
          pipeline.currencyConverter().convert(deal.amount(), Currency.getInstance("USD"), day);
      LocalDate quarter = quarterStart(day);
      wonByQuarter
          .computeIfAbsent(deal.owner(), k -> new HashMap<>())
          .merge(quarter, usd.amount(), BigDecimal::add);
      AccountId account = plan.account();
      if (deal.kind() == DealKind.RENEWAL) {
        return;
      }
      Instant live = at.plus(draws.days(60, 0.2));
      LocalDate renewal = day.plusYears(1);
      timeline.at(live, "retention active", () -> activate(account, renewal));
      Instant review = at.plus(draws.days(90, 0.2));
      timeline.at(
          review,
          "business review",
          () ->
              pipeline.logActivity(
                  LogActivity.builder()
                      .account(account)
                      .actor(deal.owner())
                      .type(ActivityType.MEETING)
                      .subject("Quarterly business review")
                      .build()));
      if (draws.chance(0.05)) {
        Instant risk = at.plus(draws.days(150, 0.3));
        timeline.at(risk, "at risk", () -> retention(account, RetentionStatus.AT_RISK));
      }
      if (deal.kind() == DealKind.NEW_BUSINESS && draws.chance(0.12)) {
        Instant openAt = at.plus(draws.days(120, 0.4));
        DealKind kind = draws.chance(0.5) ? DealKind.UPSELL : DealKind.CROSS_SELL;
        DealScript.schedule(
            this,
            new DealScript.Plan(
                plan.name() + (kind == DealKind.UPSELL ? " (upsell)" : " (cross-sell)"),
                deal.owner(),
                account,
                plan.contact(),
                money(
                    deal.amount().amount().doubleValue() * draws.uniform(0.2, 0.5),
                    deal.amount().currency().getCurrencyCode()),
                DealSource.REFERRAL,
                kind,
                Optional.of(deal.id()),
                plan.skill() * 1.3,
                openAt));
      }
      if (deal.kind() == DealKind.NEW_BUSINESS && draws.chance(0.3)) {
        Instant openAt = at.plus(Duration.ofDays(300));
        DealScript.scheduleRenewal(
            this,
            new DealScript.Plan(
                plan.name() + " (renewal)",
                deal.owner(),
                account,
                plan.contact(),
                money(
                    deal.amount().amount().doubleValue() * draws.uniform(0.9, 1.1),
                    deal.amount().currency().getCurrencyCode()),
                DealSource.OTHER,
                DealKind.RENEWAL,
                Optional.of(deal.id()),
                plan.skill(),
                openAt),
            renewal);
      }
    }

    private Instant timelineNow() {
      return pipeline.clock().instant();
    }

    private void activate(AccountId account, LocalDate renewal) {
      Optional<CustomerRetention> onboarding =
          pipeline.retention(account).filter(r -> r.status() == RetentionStatus.ONBOARDING);
      if (onboarding.isEmpty()) {
        return;
      }
      UserId owner = onboarding.get().owner().orElse(CUSTOMER_SUCCESS);
      lifecycle(new RetentionCommand.CompleteOnboarding(account, owner, Optional.empty()));
      lifecycle(
          new RetentionCommand.SetRenewalTerms(
              account, owner, Optional.empty(), renewal, 12, Optional.empty()));
    }

    private void retention(AccountId account, RetentionStatus status) {
      pipeline
          .retention(account)
          .filter(r -> r.status() != status && r.status() != RetentionStatus.CHURNED)
          .ifPresent(
              r -> {
                UserId owner = r.owner().orElse(CUSTOMER_SUCCESS);
                if (status == RetentionStatus.AT_RISK) {
                  lifecycle(
                      new RetentionCommand.MarkAtRisk(
                          account, owner, Optional.empty(), reason(RISK_REASONS, account)));
                } else if (status == RetentionStatus.CHURNED) {
                  lifecycle(
                      new RetentionCommand.Churn(
                          account,
                          owner,
                          Optional.empty(),
                          reason(CHURN_REASONS, account),
                          Optional.empty()));
                }
              });
    }

    /**
     * A reason chosen by the account, not drawn: drawing would shift the random sequence every
     * later choice of the demo depends on.
     */
    private static String reason(List<String> reasons, AccountId account) {
      return reasons.get(Math.floorMod(account.hashCode(), reasons.size()));
    }

    /**
     * Runs a retention command; a move the retention rules refuse is skipped, as a person would.
     */
    private void lifecycle(RetentionCommand command) {
      try {
        pipeline.changeRetention(command);
      } catch (IllegalRetentionMoveException refused) {
        // why: the generated timeline may ask for a move the account's status does not allow
      }
    }

    /** A renewal was lost: the customer churned. */
    void churn(AccountId account) {
      retention(account, RetentionStatus.CHURNED);
    }

    /**
     * Sets quarterly quotas from the start's quarter to the one after the end: each rep's share of
     * what was won per rep and quarter, 10% above it, growing over time; each team's the sum of its
     * members'.
     */
    int setQuotas() {
      LocalDate first = quarterStart(LocalDate.ofInstant(options.start(), ZoneOffset.UTC));
      LocalDate last =
          quarterStart(LocalDate.ofInstant(options.asOf(), ZoneOffset.UTC)).plusMonths(3);
      List<LocalDate> quarters = new ArrayList<>();
      for (LocalDate q = first; !q.isAfter(last); q = q.plusMonths(3)) {
        quarters.add(q);
      }
      BigDecimal total =
          wonByQuarter.values().stream()
              .flatMap(m -> m.values().stream())
              .reduce(BigDecimal.ZERO, BigDecimal::add);
      int reps = DemoCompany.reps().size();
      double perRepQuarter = total.doubleValue() / reps / Math.max(1, quarters.size() - 2);
      int count = 0;
      for (int i = 0; i < quarters.size(); i++) {
        LocalDate q = quarters.get(i);
        double trend = 0.75 + 0.5 * i / Math.max(1, quarters.size() - 1);
        Map<Team, BigDecimal> teamTotals = new HashMap<>();
        BigDecimal all = BigDecimal.ZERO;
        for (Team team : DemoCompany.teams()) {
          if (team.parent().isEmpty()) {
            continue;
          }
          BigDecimal sum = BigDecimal.ZERO;
          for (UserId rep : team.members()) {
            long amount = Math.round(perRepQuarter * 1.1 * trend / 1000.0) * 1000;
            sum = sum.add(BigDecimal.valueOf(amount));
            pipeline.setQuota(quota(q).owner(rep).amount(Money.of(amount, "USD")).build());
            count++;
          }
          teamTotals.put(team, sum);
          all = all.add(sum);
        }
        for (Map.Entry<Team, BigDecimal> team : teamTotals.entrySet()) {
          pipeline.setQuota(
              quota(q).team(team.getKey().id()).amount(Money.of(team.getValue(), "USD")).build());
          count++;
        }
        pipeline.setQuota(quota(q).team(DemoCompany.SALES).amount(Money.of(all, "USD")).build());
        count++;
      }
      return count;
    }

    private static Quota.Builder quota(LocalDate quarterStart) {
      return Quota.builder()
          .workspace(DemoCompany.WORKSPACE)
          .periodStart(quarterStart)
          .periodEnd(quarterStart.plusMonths(3).minusDays(1));
    }
  }

  /** The first day of the date's calendar quarter. */
  public static LocalDate quarterStart(LocalDate day) {
    int quarter = day.get(IsoFields.QUARTER_OF_YEAR);
    return LocalDate.of(day.getYear(), (quarter - 1) * 3 + 1, 1);
  }
}
