package org.salespipeline.forecast.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.salespipeline.forecast.insight.Histories.day;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Money;
import org.salespipeline.core.Quota;
import org.salespipeline.core.UserId;
import org.salespipeline.core.ValidationException;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.forecast.ForecastPeriod;
import org.salespipeline.forecast.insight.Histories.Deal1;

/** Hand-built histories with answers worked out by hand (amounts in cents). */
class InsightExamplesTest {
  static final LocalDate JAN_10 = LocalDate.of(2026, 1, 10);
  static final ForecastPeriod JANUARY = ForecastPeriod.month(YearMonth.of(2026, 1));
  static final UserId ANN = UserId.of("ann");
  static final UserId BOB = UserId.of("bob");

  InsightReport report;

  static List<DealEvent> history() {
    Deal1 d1 = new Deal1(1, "ann", "lead", 1000, day(0), LocalDate.of(2026, 1, 15));
    d1.move("qualified", day(2)).move("proposal", day(5)).won(day(10));
    Deal1 d2 = new Deal1(2, "ann", "lead", 500, day(0), LocalDate.of(2026, 1, 25));
    d2.move("proposal", day(1)).lost(day(4));
    Deal1 d3 = new Deal1(3, "bob", "lead", 2000, day(0), LocalDate.of(2026, 1, 20));
    d3.move("qualified", day(3)).move("lead", day(4)).move("qualified", day(6));
    d3.amount(2500, day(7)).qualified(true, day(7));
    Deal1 d4 = new Deal1(4, "bob", "lead", 300, day(0), LocalDate.of(2026, 1, 28));
    d4.disqualified(day(1));
    Deal1 d5 = new Deal1(5, "bob", "lead", 400, day(1), LocalDate.of(2026, 2, 10));
    d5.closeDate(LocalDate.of(2026, 1, 29), day(2));
    Deal1 d6 = new Deal1(6, "ann", "lead", 100, day(20), LocalDate.of(2026, 1, 30));
    d6.followUp(day(40), day(20));
    Deal1 d7 = new Deal1(7, "ann", "lead", 700, day(0), JAN_10);
    d7.closeDate(LocalDate.of(2026, 2, 15), day(3));
    return Histories.all(d1, d2, d3, d4, d5, d6, d7);
  }

  static PipelineInsight.Builder builder(List<DealEvent> events) {
    return builder(events, day(30));
  }

  static PipelineInsight.Builder builder(List<DealEvent> events, Instant asOf) {
    return PipelineInsight.builder()
        .addPipeline(Histories.pipeline())
        .events(events)
        .reportingCurrency("USD")
        .asOf(asOf)
        .periods(ForecastPeriod.months(YearMonth.of(2025, 12), 2))
        .waterfall(day(0.5), day(30), JANUARY);
  }

  @BeforeEach
  void analyze() {
    Quota quota =
        Quota.builder()
            .workspace(Histories.WORKSPACE)
            .owner(ANN)
            .periodStart(JANUARY.start())
            .periodEnd(LocalDate.of(2026, 1, 31))
            .amount(Money.of(10_000, "USD"))
            .build();
    report = builder(history()).quotas(List.of(quota)).build().analyze();
  }

  @Test
  void funnelCountsDirectMovesOnlyAndSkipsAndBackwardMovesApart() {
    List<StageConversion> stages = report.funnel().overall();
    assertThat(stages)
        .extracting(StageConversion::stage)
        .containsExactly("lead", "qualified", "proposal");
    StageConversion lead = stages.get(0);
    assertThat(lead.entered()).isEqualTo(8);
    assertThat(lead.direct()).isEqualTo(3);
    assertThat(lead.skipped()).isEqualTo(1);
    assertThat(lead.backward()).isZero();
    assertThat(lead.dropped()).isEqualTo(1);
    assertThat(lead.conversionRate()).isEqualTo(0.6);
    StageConversion qualified = stages.get(1);
    assertThat(qualified.direct()).isEqualTo(1);
    assertThat(qualified.backward()).isEqualTo(1);
    StageConversion proposal = stages.get(2);
    assertThat(proposal.direct()).isEqualTo(1);
    assertThat(proposal.dropped()).isEqualTo(1);
    assertThat(proposal.droppedValue()).isEqualTo(50_000);
    assertThat(report.funnel().byOwner().get(BOB).get(0).direct()).isEqualTo(2);
    assertThat(report.funnel().byOwner().get(ANN).get(0).skipped()).isEqualTo(1);
  }

  @Test
  void winRateLeavesDisqualifiedApart() {
    Outcomes all = report.outcomes().overall();
    assertThat(all.won()).isEqualTo(1);
    assertThat(all.lost()).isEqualTo(1);
    assertThat(all.disqualified()).isEqualTo(1);
    assertThat(all.winRate()).isEqualTo(0.5);
    assertThat(all.winRateCountingDisqualified()).isCloseTo(1 / 3.0, within(1e-12));
    assertThat(all.averageDealSize()).isEqualTo(100_000);
    assertThat(all.medianDealSize()).isEqualTo(100_000);
    assertThat(all.averageCycleDays()).isEqualTo(10);
    assertThat(report.outcomes().byOwner().get(BOB).winRate()).isZero();
  }

  @Test
  void timeInStageAndOpenDealAges() {
    StageTime lead = report.stageTimes().get(0);
    assertThat(lead.stays()).isEqualTo(5);
    assertThat(lead.mean()).isEqualTo(Duration.ofHours(43).plusMinutes(12));
    assertThat(lead.median()).isEqualTo(Duration.ofDays(2));
    assertThat(lead.p90()).isEqualTo(Duration.ofDays(3));
    assertThat(lead.openDeals()).isEqualTo(3);
    OpenDealStatus d5 = report.openDeal(Histories.id(5)).orElseThrow();
    assertThat(d5.ageInStage()).isEqualTo(Duration.ofDays(29));
    assertThat(d5.ageToMedian()).isEqualTo(14.5);
    assertThat(d5.stuck()).isTrue();
    assertThat(d5.idle()).isTrue();
    OpenDealStatus d6 = report.openDeal(Histories.id(6)).orElseThrow();
    assertThat(d6.idle()).as("a future follow-up counts as engagement").isFalse();
    assertThat(report.openDeal(Histories.id(1))).isEmpty();
    assertThat(report.idleDeals())
        .extracting(OpenDealStatus::deal)
        .containsExactly(Histories.id(7), Histories.id(5));
    assertThat(report.pushCounts()).containsEntry(1, 1L).containsEntry(0, 3L);
    assertThat(report.mostPushed())
        .extracting(OpenDealStatus::deal)
        .containsExactly(Histories.id(7));
    // the lists are unmodifiable, and reading an entry twice gives equal statuses
    assertThatThrownBy(() -> report.idleDeals().remove(0))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(report.idleDeals().get(1)).isEqualTo(d5);
    assertThat(report.idleDeals()).isEqualTo(List.copyOf(report.idleDeals()));
  }

  @Test
  void waterfallBalancesWithTheDealsBehindEachBar() {
    Waterfall w = report.waterfall();
    assertThat(w.bar(WaterfallStep.START).amount()).isEqualTo(450_000);
    assertThat(w.bar(WaterfallStep.NEW).amount()).isEqualTo(50_000);
    assertThat(w.bar(WaterfallStep.NEW).dealIds())
        .containsExactly(Histories.id(5), Histories.id(6));
    assertThat(w.bar(WaterfallStep.AMOUNT_UP).amount()).isEqualTo(50_000);
    assertThat(w.bar(WaterfallStep.PUSHED_OUT).dealIds()).containsExactly(Histories.id(7));
    assertThat(w.bar(WaterfallStep.PUSHED_OUT).amount()).isEqualTo(70_000);
    assertThat(w.bar(WaterfallStep.WON).amount()).isEqualTo(100_000);
    assertThat(w.bar(WaterfallStep.LOST).amount()).isEqualTo(80_000);
    assertThat(w.bar(WaterfallStep.END).amount()).isEqualTo(300_000);
    assertThat(w.balance()).isEqualTo(300_000);
    assertThat(w.forwardMoves()).isEqualTo(2);
  }

  @Test
  void velocityCoverageAndHealth() {
    Velocity v = report.velocity().overall();
    assertThat(v.opportunities()).isEqualTo(4);
    assertThat(v.perDay()).isEqualTo(20_000);
    QuotaCoverage ann = report.coverage().get(0);
    assertThat(ann.won()).isEqualTo(100_000);
    assertThat(ann.remaining()).isEqualTo(900_000);
    assertThat(ann.openPipeline()).isEqualTo(10_000);
    assertThat(ann.winRate()).isEqualTo(0.5);
    assertThat(ann.needed()).isEqualTo(1_800_000);
    assertThat(ann.shortfall()).isEqualTo(1_790_000);
    HealthSummary h = report.health();
    assertThat(h.openDeals()).isEqualTo(4);
    assertThat(h.idleShare()).isEqualTo(0.5);
    assertThat(h.flags())
        .contains(
            HealthFlag.COVERAGE_BELOW_TARGET,
            HealthFlag.MANY_IDLE_DEALS,
            HealthFlag.FORECAST_AT_RISK);
  }

  @Test
  void workListsAndBottlenecksExplainThemselves() {
    List<WorkItem> ann = report.workList(ANN);
    assertThat(ann).hasSize(2);
    assertThat(ann).allSatisfy(i -> assertThat(i.reasons()).isNotEmpty());
    assertThat(ann.get(0).score()).isGreaterThanOrEqualTo(ann.get(1).score());
    assertThat(ann).extracting(WorkItem::deal).contains(Histories.id(7));
    assertThat(report.bottlenecks()).isNotEmpty();
    Bottleneck worst = report.bottlenecks().get(0);
    assertThat(worst.rank()).isEqualTo(1);
    assertThat(worst.reasons()).isNotEmpty();
    assertThat(report.loads()).extracting(OwnerLoad::owner).contains(ANN, BOB);
  }

  @Test
  void suggestsMovesFromOverloadedOwners() {
    java.util.ArrayList<DealEvent> events = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) {
      events.addAll(new Deal1(100 + i, "ann", "lead", 100, day(0), JAN_10).events);
    }
    events.addAll(new Deal1(200, "bob", "lead", 100, day(29), JAN_10).events);
    InsightReport r = builder(events).build().analyze();
    assertThat(r.suggestedMoves()).isNotEmpty();
    SuggestedMove m = r.suggestedMoves().get(0);
    assertThat(m.from()).isEqualTo(ANN);
    assertThat(m.to()).isEqualTo(BOB);
    assertThat(m.reason()).contains("ann holds 10 open deals");
  }

  @Test
  void emptyHistoryGivesZerosNeverNaN() {
    InsightReport r = builder(List.of()).build().analyze();
    assertThat(r.dealsRead()).isZero();
    assertThat(r.outcomes().overall().winRate()).isZero();
    assertThat(r.velocity().overall().perDay()).isZero();
    assertThat(r.health().idleShare()).isZero();
    assertThat(r.health().coverage()).isEmpty();
    assertThat(r.waterfall().balance()).isZero();
    assertThat(r.stageTimes()).allSatisfy(t -> assertThat(t.median()).isZero());
    assertThat(r.workLists()).isEmpty();
  }

  @Test
  void eventsAfterTheAnalysisInstantAreIgnored() {
    InsightReport early = builder(history(), day(3.5)).build().analyze();
    assertThat(early.outcomes().overall().won()).isZero();
    assertThat(early.outcomes().overall().lost()).isZero();
    assertThat(early.dealsRead()).isEqualTo(6);
  }

  @Test
  void badInputNamesTheField() {
    Deal1 bad = new Deal1(9, "ann", "lead", 1, day(0), JAN_10).move("nowhere", day(1));
    assertThatThrownBy(() -> builder(bad.events).build().analyze())
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.concerns("stage")).isTrue());
    List<DealEvent> headless = history().subList(1, 4);
    assertThatThrownBy(() -> builder(headless).build().analyze())
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.concerns("events")).isTrue());
    assertThatThrownBy(() -> PipelineInsight.builder().build())
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.problems()).hasSize(3));
    assertThatThrownBy(() -> PipelineInsight.builder().coverageTarget(Double.NaN))
        .isInstanceOf(ValidationException.class);
  }
}
