package org.salespipeline.forecast.insight;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.salespipeline.core.UserId;
import org.salespipeline.forecast.ForecastPeriod;

/**
 * Puts the report together after the pass: asks each section for its part, in an order where every
 * section finds the values it needs (stage times before the flags, the flags before the statuses,
 * loads and work lists), and derives the velocity and the health summary from the parts.
 */
final class Assembly {
  private final InsightSettings settings;
  private final HistoryFold fold;

  Assembly(InsightSettings settings, HistoryFold fold) {
    this.settings = settings;
    this.fold = fold;
  }

  InsightReport report() {
    Owners owners = fold.owners;
    OpenDealTable open = fold.open;
    DealFlags flags = new DealFlags(open, fold.dwell, settings.layout, settings.nowSec);
    OpenDealStatuses statuses = new OpenDealStatuses(settings, owners, open, fold.dwell, flags);
    OwnerLoads loads = new OwnerLoads(owners, open, flags, fold.wins);
    Funnel funnel = fold.funnel.funnel();
    OutcomeBreakdown outcomes = fold.outcomes.breakdown();
    List<StageTime> times = fold.dwell.times(open, settings.nowSec);
    List<Bottleneck> bottlenecks =
        new Bottlenecks(settings, owners, fold.funnel, fold.dwell, statuses).find();
    SalesVelocity velocity = velocity(outcomes, loads);
    List<QuotaCoverage> coverage = new ArrayList<>();
    QuotaProgress.Totals quota = fold.quotas.coverage(open, fold.wins, outcomes, coverage);
    Map<UserId, List<WorkItem>> work =
        new WorkLists(settings, owners, open, flags, fold.wins, fold.dwell, loads).lists();
    List<SuggestedMove> moves =
        new LoadBalancing(settings, owners, open, flags, fold.dwell, loads).suggest(outcomes);
    HealthSummary health = health(open, flags, loads, outcomes, bottlenecks, velocity, quota);
    return new InsightReport(
        statuses,
        settings.currency,
        fold.deals,
        fold.events,
        funnel,
        outcomes,
        times,
        statuses.stuckDeals(),
        statuses.idleDeals(),
        statuses.pushCounts(),
        statuses.mostPushed(),
        bottlenecks,
        velocity,
        List.copyOf(coverage),
        fold.waterfall.waterfall(),
        work,
        loads.loads(),
        moves,
        health,
        fold.retention.insight());
  }

  private SalesVelocity velocity(OutcomeBreakdown outcomes, OwnerLoads loads) {
    Outcomes all = outcomes.overall();
    Velocity overall =
        Velocity.of(fold.open.size, all.averageDealSize(), all.winRate(), all.averageCycleDays());
    Map<UserId, Velocity> byOwner = new LinkedHashMap<>();
    Owners owners = fold.owners;
    for (int o = 0; o < owners.size(); o++) {
      Outcomes oc = outcomes.byOwner().get(owners.get(o));
      byOwner.put(
          owners.get(o),
          Velocity.of(
              loads.openDeals(o), oc.averageDealSize(), oc.winRate(), oc.averageCycleDays()));
    }
    return new SalesVelocity(
        overall,
        Collections.unmodifiableMap(byOwner),
        fold.wins.velocity(fold.open),
        fold.outcomes.trend());
  }

  private HealthSummary health(
      OpenDealTable open,
      DealFlags flags,
      OwnerLoads loads,
      OutcomeBreakdown outcomes,
      List<Bottleneck> bottlenecks,
      SalesVelocity velocity,
      QuotaProgress.Totals quota) {
    List<String> falling = new ArrayList<>();
    for (Bottleneck b : bottlenecks) {
      if (b.conversionFalling()) {
        falling.add(b.stage());
      }
    }
    Set<HealthFlag> healthFlags = EnumSet.noneOf(HealthFlag.class);
    OptionalDouble cov = OptionalDouble.empty();
    if (quota.quota() > 0) {
      cov = OptionalDouble.of(quota.open() / quota.remaining());
      if (cov.getAsDouble() < settings.coverageTarget) {
        healthFlags.add(HealthFlag.COVERAGE_BELOW_TARGET);
      }
      if (quota.won() + quota.weighted() < quota.quota()) {
        healthFlags.add(HealthFlag.FORECAST_AT_RISK);
      }
    }
    if (!falling.isEmpty()) {
      healthFlags.add(HealthFlag.FALLING_CONVERSION);
    }
    double idleShare = open.size == 0 ? 0 : (double) flags.idleCount() / open.size;
    if (idleShare > settings.idleAlertShare) {
      healthFlags.add(HealthFlag.MANY_IDLE_DEALS);
    }
    ForecastPeriod cur = settings.periods.get(settings.current);
    return new HealthSummary(
        settings.now,
        cur.start() + ".." + cur.end(),
        open.size,
        loads.openValue(),
        loads.weighted(),
        outcomes.overall().winRate(),
        cov,
        settings.coverageTarget,
        idleShare,
        open.size == 0 ? 0 : (double) flags.stuckCount() / open.size,
        velocity.overall().perDay(),
        List.copyOf(falling),
        Collections.unmodifiableSet(healthFlags));
  }

  /** See {@link Figures#fixed}. */
  static String fixed(double v, int decimals) {
    return Figures.fixed(v, decimals);
  }
}
