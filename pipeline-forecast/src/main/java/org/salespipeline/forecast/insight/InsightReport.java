package org.salespipeline.forecast.insight;

import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.salespipeline.core.DealId;
import org.salespipeline.core.UserId;

/**
 * Everything {@link PipelineInsight#analyze()} computed. Amounts are in minor units of {@link
 * #currency()}. Lists of deals hold at most the configured list limit; the counts and amounts
 * beside them are always exact. Immutable and thread-safe.
 */
public final class InsightReport {
  private final OpenDealStatuses source;
  final Currency currency;
  final long deals;
  final long events;
  final Funnel funnel;
  final OutcomeBreakdown outcomes;
  final List<StageTime> stageTimes;
  final List<OpenDealStatus> stuckDeals;
  final List<OpenDealStatus> idleDeals;
  final SortedMap<Integer, Long> pushCounts;
  final List<OpenDealStatus> mostPushed;
  final List<Bottleneck> bottlenecks;
  final SalesVelocity velocity;
  final List<QuotaCoverage> coverage;
  final Waterfall waterfall;
  final Map<UserId, List<WorkItem>> workLists;
  final List<OwnerLoad> loads;
  final List<SuggestedMove> suggestedMoves;
  final HealthSummary health;
  final RetentionInsight retention;

  InsightReport(
      OpenDealStatuses source,
      Currency currency,
      long deals,
      long events,
      Funnel funnel,
      OutcomeBreakdown outcomes,
      List<StageTime> stageTimes,
      List<OpenDealStatus> stuckDeals,
      List<OpenDealStatus> idleDeals,
      SortedMap<Integer, Long> pushCounts,
      List<OpenDealStatus> mostPushed,
      List<Bottleneck> bottlenecks,
      SalesVelocity velocity,
      List<QuotaCoverage> coverage,
      Waterfall waterfall,
      Map<UserId, List<WorkItem>> workLists,
      List<OwnerLoad> loads,
      List<SuggestedMove> suggestedMoves,
      HealthSummary health,
      RetentionInsight retention) {
    this.source = source;
    this.currency = currency;
    this.deals = deals;
    this.events = events;
    this.funnel = funnel;
    this.outcomes = outcomes;
    this.stageTimes = stageTimes;
    this.stuckDeals = stuckDeals;
    this.idleDeals = idleDeals;
    this.pushCounts = pushCounts;
    this.mostPushed = mostPushed;
    this.bottlenecks = bottlenecks;
    this.velocity = velocity;
    this.coverage = coverage;
    this.waterfall = waterfall;
    this.workLists = workLists;
    this.loads = loads;
    this.suggestedMoves = suggestedMoves;
    this.health = health;
    this.retention = retention;
  }

  /** The reporting currency of every amount. */
  public Currency currency() {
    return currency;
  }

  /** Deals that existed at the analysis instant. */
  public long dealsRead() {
    return deals;
  }

  /** Events read, later ones included. */
  public long eventsRead() {
    return events;
  }

  /** Stage-to-stage conversion, overall and per cohort, owner, pipeline and source. */
  public Funnel funnel() {
    return funnel;
  }

  /** Win rates, deal sizes and cycle lengths, overall and per slice. */
  public OutcomeBreakdown outcomes() {
    return outcomes;
  }

  /** Time in stage per open stage, pipelines and stages in order. */
  public List<StageTime> stageTimes() {
    return stageTimes;
  }

  /** Every open deal measured against its stage, in history order; computed on each call. */
  public Stream<OpenDealStatus> openDeals() {
    return IntStream.range(0, source.count()).mapToObj(source::status);
  }

  /** One open deal measured against its stage; empty if not open. Scans the open deals. */
  public Optional<OpenDealStatus> openDeal(DealId deal) {
    return source.status(deal);
  }

  /**
   * Stuck open deals, longest in stage relative to the p90 first; at most the list limit.
   * Unmodifiable; each status is built when read (a later read gives an equal value).
   */
  public List<OpenDealStatus> stuckDeals() {
    return stuckDeals;
  }

  /** Idle ("rotting") open deals, longest idle first; unmodifiable, built when read. */
  public List<OpenDealStatus> idleDeals() {
    return idleDeals;
  }

  /** Open deals by close-date push count: push count to number of deals. */
  public SortedMap<Integer, Long> pushCounts() {
    return pushCounts;
  }

  /**
   * Open deals whose close date was pushed at least once, most pushes first; unmodifiable, built
   * when read.
   */
  public List<OpenDealStatus> mostPushed() {
    return mostPushed;
  }

  /** Stages where the pipeline loses value, worst first. */
  public List<Bottleneck> bottlenecks() {
    return bottlenecks;
  }

  /** Sales velocity overall, per owner, per stage and by period. */
  public SalesVelocity velocity() {
    return velocity;
  }

  /** Each quota against the pipeline, in the order given. */
  public List<QuotaCoverage> coverage() {
    return coverage;
  }

  /** What changed in the pipeline between the two waterfall instants. */
  public Waterfall waterfall() {
    return waterfall;
  }

  /** Per owner with open deals, the deals to act on today, highest score first. */
  public Map<UserId, List<WorkItem>> workLists() {
    return workLists;
  }

  /** One owner's work list; empty for an owner without open deals. */
  public List<WorkItem> workList(UserId owner) {
    return workLists.getOrDefault(owner, List.of());
  }

  /** Load per owner with open deals, most open deals first. */
  public List<OwnerLoad> loads() {
    return loads;
  }

  /** Suggested hand-overs from overloaded owners, each explained. */
  public List<SuggestedMove> suggestedMoves() {
    return suggestedMoves;
  }

  /** The dashboard summary. */
  public HealthSummary health() {
    return health;
  }

  /**
   * After the win: customers that need attention (customer-success work lists beside the deal
   * {@link #workLists() work lists}) and churn reasons ranked. Empty (every count 0, every list
   * empty) for a history without retention events.
   */
  public RetentionInsight retention() {
    return retention;
  }
}
