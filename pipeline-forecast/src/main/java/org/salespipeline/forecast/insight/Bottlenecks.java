package org.salespipeline.forecast.insight;

import static org.salespipeline.forecast.insight.Figures.rate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.OptionalDouble;
import org.salespipeline.core.UserId;

/**
 * The bottleneck section: per open stage, whether conversion out of it fell from the previous
 * period to the current one, the deals stuck in it, the value lost from it this period and the
 * owners converting well below their peers; a stage with any of these is a bottleneck, ranked by
 * the value at risk.
 */
final class Bottlenecks {
  private final Layout layout;
  private final Currency currency;
  private final Owners owners;
  private final int current;
  private final FunnelCounts funnel;
  private final StageDwell dwell;
  private final OpenDealStatuses stuck;

  Bottlenecks(
      InsightSettings settings,
      Owners owners,
      FunnelCounts funnel,
      StageDwell dwell,
      OpenDealStatuses stuck) {
    this.layout = settings.layout;
    this.currency = settings.currency;
    this.owners = owners;
    this.current = settings.current;
    this.funnel = funnel;
    this.dwell = dwell;
    this.stuck = stuck;
  }

  /** The stages where the pipeline loses value, worst first, each with its reasons. */
  List<Bottleneck> find() {
    record Candidate(long value, Bottleneck b) {}
    List<Candidate> found = new ArrayList<>();
    int prev = current - 1;
    for (int g = 0; g < layout.stageCount; g++) {
      if (!layout.isOpen(g)) {
        continue;
      }
      long exits = funnel.leftInPeriod(current, g);
      double rateNow = rate(funnel.directInPeriod(current, g), exits);
      long prevExits = prev >= 0 ? funnel.leftInPeriod(prev, g) : 0;
      OptionalDouble prevRate =
          prevExits == 0
              ? OptionalDouble.empty()
              : OptionalDouble.of(rate(funnel.directInPeriod(prev, g), prevExits));
      long allLeft = funnel.leftOverall(g);
      long allDirect = funnel.directOverall(g);
      double overall = rate(allDirect, allLeft);
      List<UserId> low = new ArrayList<>();
      for (int o = 0; o < owners.size(); o++) {
        long ol = funnel.leftByOwner(o, g);
        long od = funnel.directByOwner(o, g);
        if (ol >= 5
            && allLeft - ol >= 5
            && rate(od, ol) < rate(allDirect - od, allLeft - ol) - 0.1) {
          low.add(owners.get(o));
        }
      }
      long dropped = funnel.droppedInPeriod(current, g);
      boolean falling =
          prevRate.isPresent()
              && exits >= 5
              && prevExits >= 5
              && prevRate.getAsDouble() - rateNow > 0.05;
      List<Reason> reasons = new ArrayList<>();
      String name = layout.key[g];
      if (falling) {
        reasons.add(
            Reason.of(
                ReasonCode.CONVERSION_FELL,
                "stage",
                name,
                "previousRate",
                prevRate.getAsDouble(),
                "rate",
                rateNow,
                "departures",
                exits,
                "previousDepartures",
                prevExits));
      }
      if (stuck.stuckIn(g) > 0) {
        reasons.add(
            Reason.of(
                DealFlags.stuckByP90(dwell, layout, g)
                    ? ReasonCode.STUCK_DEALS_BEYOND_P90
                    : ReasonCode.STUCK_DEALS_BEYOND_IDLE_THRESHOLD,
                "deals",
                stuck.stuckIn(g),
                "value",
                Reason.money(stuck.stuckValueIn(g), currency),
                "stage",
                name,
                "threshold",
                Duration.ofSeconds(DealFlags.stuckThresholdSeconds(dwell, layout, g))));
      }
      if (dropped > 0) {
        reasons.add(
            Reason.of(
                ReasonCode.DROPPED_THIS_PERIOD,
                "deals",
                funnel.droppedDealsInPeriod(current, g),
                "value",
                Reason.money(dropped, currency),
                "stage",
                name));
      }
      if (!low.isEmpty()) {
        reasons.add(
            Reason.of(
                ReasonCode.OWNERS_BELOW_PEERS,
                "owners",
                List.copyOf(low),
                "stage",
                name,
                "overallRate",
                overall));
      }
      if (reasons.isEmpty()) {
        continue;
      }
      long atRisk = dropped + stuck.stuckValueIn(g);
      found.add(
          new Candidate(
              atRisk,
              new Bottleneck(
                  0,
                  layout.pipelineId(g),
                  name,
                  atRisk,
                  rateNow,
                  exits,
                  prevRate,
                  overall,
                  falling,
                  List.copyOf(low),
                  Duration.ofSeconds(dwell.medianSeconds(g)),
                  Duration.ofSeconds(dwell.p90Seconds(g)),
                  stuck.stuckIn(g),
                  stuck.stuckValueIn(g),
                  dropped,
                  List.copyOf(reasons),
                  List.copyOf(stuck.stuckIdsIn(g)))));
    }
    found.sort(
        Comparator.comparingLong(Candidate::value)
            .reversed()
            .thenComparing(c -> !c.b().conversionFalling()));
    List<Bottleneck> out = new ArrayList<>();
    for (Candidate c : found) {
      Bottleneck b = c.b();
      out.add(
          new Bottleneck(
              out.size() + 1,
              b.pipeline(),
              b.stage(),
              b.valueAtRisk(),
              b.conversionRate(),
              b.exits(),
              b.previousConversionRate(),
              b.overallConversionRate(),
              b.conversionFalling(),
              b.lowOwners(),
              b.medianDwell(),
              b.p90Dwell(),
              b.stuckDeals(),
              b.stuckValue(),
              b.droppedValue(),
              b.reasons(),
              b.deals()));
    }
    return List.copyOf(out);
  }
}
