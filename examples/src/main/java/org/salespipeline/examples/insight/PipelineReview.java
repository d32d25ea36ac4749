package org.salespipeline.examples.insight;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealHistory;
import org.salespipeline.core.DealId;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.IdleDeal;
import org.salespipeline.core.Money;
import org.salespipeline.core.Quota;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.StageVisit;
import org.salespipeline.core.UserId;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.stage.PipelineDefinition;
import org.salespipeline.core.stage.Stage;
import org.salespipeline.core.store.DealQuery;
import org.salespipeline.core.store.EventQuery;

/**
 * A manager's review of one pipeline as of the engine's clock: health figures, bottleneck stages,
 * each owner's work list and the quota attainment of a period, read once from the store.
 *
 * <p>The demo uses it until the library's insight package ships; it shows how far the core's public
 * reads (deals, history, idle deals, quotas) go on their own. Immutable once built.
 */
public final class PipelineReview {
  private final SalesPipeline pipeline;
  private final PipelineDefinition definition;
  private final Currency currency;
  private final LocalDate today;
  private final Instant now;
  private final List<Deal> deals;
  private final Map<DealId, IdleDeal> idle = new HashMap<>();
  private final Map<String, List<Double>> stays = new LinkedHashMap<>();
  private final Map<String, int[]> exits = new LinkedHashMap<>();

  private PipelineReview(
      SalesPipeline pipeline, PipelineDefinition definition, PipelineHistory history) {
    this.pipeline = pipeline;
    this.definition = definition;
    this.currency = pipeline.reportingCurrency();
    this.now = pipeline.clock().instant();
    this.today = LocalDate.ofInstant(now, pipeline.clock().getZone());
    try (Stream<Deal> all =
        pipeline.streamDeals(DealQuery.builder().pipeline(definition.id()).build())) {
      this.deals = all.toList();
    }
    pipeline.idleDeals(Optional.empty(), Optional.empty()).stream()
        .filter(d -> d.deal().pipeline().equals(definition.id()))
        .forEach(d -> idle.put(d.deal().id(), d));
    if (history == null) {
      readHistory();
    } else {
      Instant since = now.minus(Duration.ofDays(180));
      history.histories().forEach(h -> visits(h, since));
    }
  }

  /** Reads the store once; the default pipeline of the engine. */
  public static PipelineReview of(SalesPipeline pipeline) {
    return new PipelineReview(pipeline, pipeline.defaultPipeline(), null);
  }

  /** Reads deals from the store and takes the stage history from already read histories. */
  public static PipelineReview of(SalesPipeline pipeline, PipelineHistory history) {
    return new PipelineReview(pipeline, history.definition(), history);
  }

  /** Reads the store once, for one pipeline. */
  public static PipelineReview of(SalesPipeline pipeline, PipelineDefinition definition) {
    return new PipelineReview(pipeline, definition, null);
  }

  private void readHistory() {
    Instant since = now.minus(Duration.ofDays(180));
    List<DealEvent> current = new ArrayList<>();
    try (Stream<DealEvent> events = pipeline.store().streamEvents(EventQuery.all())) {
      events.forEach(
          e -> {
            if (!current.isEmpty() && !current.get(0).dealId().equals(e.dealId())) {
              visits(current, since);
              current.clear();
            }
            current.add(e);
          });
    }
    if (!current.isEmpty()) {
      visits(current, since);
    }
  }

  private void visits(List<DealEvent> history, Instant since) {
    List<StageVisit> visits = DealHistory.stageVisits(history);
    for (int i = 0; i < visits.size(); i++) {
      StageVisit visit = visits.get(i);
      Optional<Stage> stage = definition.stage(visit.stage());
      if (stage.isEmpty() || !stage.get().isOpen() || visit.leftAt().isEmpty()) {
        continue;
      }
      if (visit.leftAt().get().isBefore(since)) {
        continue;
      }
      stays
          .computeIfAbsent(visit.stage(), k -> new ArrayList<>())
          .add(visit.duration(now).toHours() / 24.0);
      boolean advanced =
          i + 1 < visits.size()
              && definition
                  .stage(visits.get(i + 1).stage())
                  .map(
                      next ->
                          next.outcome() != org.salespipeline.core.stage.StageOutcome.LOST
                              && next.outcome()
                                  != org.salespipeline.core.stage.StageOutcome.DISQUALIFIED)
                  .orElse(false)
              && definition.indexOf(visits.get(i + 1).stage()) > definition.indexOf(visit.stage());
      exits.computeIfAbsent(visit.stage(), k -> new int[2])[advanced ? 0 : 1]++;
    }
  }

  // ---------------------------------------------------------------- health

  /**
   * Health figures of the open pipeline.
   *
   * @param open open deals
   * @param amount their total
   * @param weighted their total weighted by stage probability
   * @param idle open deals without engagement for longer than their stage allows
   * @param overdue open deals whose expected close date has passed
   * @param pushedTwice open deals whose close date was pushed at least twice
   * @param winRate won / (won + lost) over the last 90 days, disqualified left out
   * @param closed90 deals won or lost in the last 90 days
   * @param cycleDays average days from opening to winning, over deals won in the last 180 days
   */
  public record Health(
      int open,
      Money amount,
      Money weighted,
      int idle,
      int overdue,
      int pushedTwice,
      double winRate,
      int closed90,
      double cycleDays) {}

  /** The health figures. */
  public Health health() {
    int open = 0;
    int overdue = 0;
    int pushed = 0;
    BigDecimal amount = BigDecimal.ZERO;
    BigDecimal weighted = BigDecimal.ZERO;
    int won = 0;
    int lost = 0;
    double cycle = 0;
    int cycles = 0;
    Instant since90 = now.minus(Duration.ofDays(90));
    Instant since180 = now.minus(Duration.ofDays(180));
    for (Deal deal : deals) {
      if (deal.isOpen()) {
        open++;
        BigDecimal value = usd(deal);
        amount = amount.add(value);
        weighted = weighted.add(value.multiply(BigDecimal.valueOf(probability(deal))));
        if (deal.expectedCloseDate().isBefore(today)) {
          overdue++;
        }
        if (deal.closeDatePushCount() >= 2) {
          pushed++;
        }
        continue;
      }
      Instant closed = deal.closedAt().orElse(Instant.MIN);
      if (closed.isAfter(since90)) {
        if (deal.status() == DealStatus.WON) {
          won++;
        } else if (deal.status() == DealStatus.LOST) {
          lost++;
        }
      }
      if (deal.status() == DealStatus.WON && closed.isAfter(since180)) {
        cycle += Duration.between(deal.createdAt(), closed).toHours() / 24.0;
        cycles++;
      }
    }
    return new Health(
        open,
        money(amount),
        money(weighted),
        idle.size(),
        overdue,
        pushed,
        won + lost == 0 ? 0 : (double) won / (won + lost),
        won + lost,
        cycles == 0 ? 0 : cycle / cycles);
  }

  // ---------------------------------------------------------------- bottlenecks

  /**
   * How a stage holds deals up.
   *
   * @param stage the stage
   * @param conversion share of deals leaving it in the last 180 days that moved on
   * @param medianDays median stay of those deals, in days
   * @param waiting open deals in it now
   * @param stuck of those, deals idle for longer than the stage's idle threshold
   */
  public record Bottleneck(
      Stage stage, double conversion, double medianDays, int waiting, int stuck) {
    /** Higher is worse: deals lost here times time spent here, per day of threshold. */
    double severity() {
      double threshold = stage.idleThreshold().map(d -> d.toHours() / 24.0).orElse(30.0);
      return (1 - conversion) * (medianDays / threshold) * (1 + Math.log1p(stuck));
    }
  }

  /** Every open stage, worst first. */
  public List<Bottleneck> bottlenecks() {
    List<Bottleneck> result = new ArrayList<>();
    for (Stage stage : definition.openStages()) {
      int[] counts = exits.getOrDefault(stage.key(), new int[2]);
      List<Double> days = new ArrayList<>(stays.getOrDefault(stage.key(), List.of()));
      days.sort(Double::compare);
      double median = days.isEmpty() ? 0 : days.get(days.size() / 2);
      int waiting =
          (int) deals.stream().filter(d -> d.isOpen() && d.stage().equals(stage.key())).count();
      int stuck =
          (int) idle.values().stream().filter(d -> d.deal().stage().equals(stage.key())).count();
      int total = counts[0] + counts[1];
      result.add(
          new Bottleneck(
              stage, total == 0 ? 1 : (double) counts[0] / total, median, waiting, stuck));
    }
    result.sort(Comparator.comparingDouble(Bottleneck::severity).reversed());
    return result;
  }

  // ---------------------------------------------------------------- work lists

  /**
   * One deal an owner should work on, and why.
   *
   * @param deal the deal
   * @param value its amount in the reporting currency
   * @param score higher first: weighted value raised by urgency
   * @param reason why it is urgent, for example {@code idle 23 days}
   */
  public record WorkItem(Deal deal, Money value, double score, String reason) {}

  /** Each owner's open deals, most urgent first, owners in name order. */
  public Map<UserId, List<WorkItem>> workLists() {
    Map<UserId, List<WorkItem>> lists = new java.util.TreeMap<>();
    for (Deal deal : deals) {
      if (!deal.isOpen()) {
        continue;
      }
      BigDecimal value = usd(deal);
      double score = value.doubleValue() * Math.max(0.05, probability(deal));
      List<String> reasons = new ArrayList<>();
      long overdueDays =
          java.time.temporal.ChronoUnit.DAYS.between(deal.expectedCloseDate(), today);
      if (overdueDays > 0) {
        score *= 1.6;
        reasons.add("close date passed " + overdueDays + "d ago");
      }
      IdleDeal idleDeal = idle.get(deal.id());
      if (idleDeal != null) {
        score *= 1.4;
        reasons.add("idle " + idleDeal.idleFor().toDays() + "d");
      }
      Optional<Instant> due = deal.followUpDueAt();
      if (due.isPresent()
          && due.get().isBefore(now)
          && due.get().isAfter(deal.lastActivityAt().orElse(Instant.MIN))) {
        score *= 1.3;
        reasons.add("follow-up overdue");
      }
      if (reasons.isEmpty()) {
        long days = java.time.temporal.ChronoUnit.DAYS.between(today, deal.expectedCloseDate());
        reasons.add("closes in " + days + "d");
      }
      lists
          .computeIfAbsent(deal.owner(), k -> new ArrayList<>())
          .add(new WorkItem(deal, money(value), score, String.join(", ", reasons)));
    }
    lists.values().forEach(l -> l.sort(Comparator.comparingDouble(WorkItem::score).reversed()));
    return lists;
  }

  // ---------------------------------------------------------------- quota

  /**
   * What was won in a period against the quota of an owner or team.
   *
   * @param won won in the period so far
   * @param quota the quota of the period
   */
  public record Attainment(Money won, Money quota) {
    /** won / quota, or 0 without a quota. */
    public double ratio() {
      return quota.amount().signum() == 0
          ? 0
          : won.amount().doubleValue() / quota.amount().doubleValue();
    }
  }

  /**
   * Won so far in [from, to] against the sum of team quotas for exactly that period (top teams
   * only).
   */
  public Money wonBetween(LocalDate from, LocalDate to) {
    BigDecimal won = BigDecimal.ZERO;
    for (Deal deal : deals) {
      if (deal.status() == DealStatus.WON) {
        LocalDate day =
            LocalDate.ofInstant(deal.closedAt().orElseThrow(), pipeline.clock().getZone());
        if (!day.isBefore(from) && !day.isAfter(to)) {
          won = won.add(usd(deal));
        }
      }
    }
    return money(won);
  }

  /** The quota of a team for the quarter containing {@code day}, if one is set. */
  public Optional<Quota> teamQuota(org.salespipeline.core.TeamId team, LocalDate day) {
    return pipeline.quotas().stream()
        .filter(q -> q.team().equals(Optional.of(team)))
        .filter(q -> !day.isBefore(q.periodStart()) && !day.isAfter(q.periodEnd()))
        .findFirst();
  }

  /** Every deal of the pipeline, read at construction. */
  public List<Deal> deals() {
    return deals;
  }

  /** The reporting currency. */
  public Currency currency() {
    return currency;
  }

  /** The engine's currency converter. */
  public org.salespipeline.core.CurrencyConverter converter() {
    return pipeline.currencyConverter();
  }

  /** The day the review is made. */
  public LocalDate today() {
    return today;
  }

  /** The display name of the deal's stage, shortened before a slash. */
  public String stageName(Deal deal) {
    String name = definition.stage(deal.stage()).map(Stage::displayName).orElse(deal.stage());
    int slash = name.indexOf('/');
    return slash > 0 ? name.substring(0, slash) : name;
  }

  /** The default probability of the deal's stage (the rep's override is left out). */
  public double probability(Deal deal) {
    return definition.stage(deal.stage()).map(Stage::defaultProbability).orElse(0.0);
  }

  /** The deal's amount in the reporting currency at today's rate. */
  public BigDecimal usd(Deal deal) {
    return pipeline.currencyConverter().convert(deal.amount(), currency, today).amount();
  }

  private Money money(BigDecimal amount) {
    return new Money(
        amount.setScale(currency.getDefaultFractionDigits(), java.math.RoundingMode.HALF_EVEN),
        currency);
  }
}
