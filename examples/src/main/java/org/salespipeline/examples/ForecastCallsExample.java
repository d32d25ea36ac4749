package org.salespipeline.examples;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.salespipeline.core.CurrencyConverter;
import org.salespipeline.core.DealId;
import org.salespipeline.core.Money;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.TeamId;
import org.salespipeline.core.UserId;
import org.salespipeline.core.call.AdjustForecast;
import org.salespipeline.core.call.AdjustmentCell;
import org.salespipeline.core.call.AdjustmentKind;
import org.salespipeline.core.call.AdjustmentNotAllowedException;
import org.salespipeline.core.call.CallCategory;
import org.salespipeline.core.call.CallPeriod;
import org.salespipeline.core.call.CallRefusedException;
import org.salespipeline.core.call.ForecastCall;
import org.salespipeline.core.call.SubmissionWindow;
import org.salespipeline.core.call.SubmitCall;
import org.salespipeline.core.command.OpenDeal;
import org.salespipeline.core.org.OrgChart;
import org.salespipeline.core.org.OrgNode;
import org.salespipeline.core.rule.RuleSet;
import org.salespipeline.core.stage.StandardPipelines;
import org.salespipeline.core.store.memory.InMemoryPipelineStore;
import org.salespipeline.forecast.DealSnapshots;
import org.salespipeline.forecast.ForecastPeriod;
import org.salespipeline.forecast.Forecaster;
import org.salespipeline.forecast.rollup.AdjustedCell;
import org.salespipeline.forecast.rollup.AdjustedRollups;
import org.salespipeline.forecast.rollup.OrgRollups;

/**
 * Forecast calls and adjustments (issue 18): reps call their quarter within a submission window, a
 * manager adjusts a rep's commit with a reason, and the adjusted roll-up answers system and
 * adjusted per node. The README's section "Forecast calls and adjustments" is the code between the
 * markers; a test compiles, runs and compares it.
 */
public final class ForecastCallsExample {
  private ForecastCallsExample() {}

  /** Runs the example and returns what it printed, line by line. */
  public static List<String> run() {
    List<String> out = new ArrayList<>();
    InMemoryPipelineStore store = new InMemoryPipelineStore();
    Clock clock = Clock.fixed(Instant.parse("2026-04-06T09:00:00Z"), ZoneOffset.UTC);
    // --- calls begins
    UserId vp = UserId.of("vp");
    UserId maria = UserId.of("maria");
    UserId alice = UserId.of("alice");
    UserId bob = UserId.of("bob");
    TeamId east = TeamId.of("east");
    OrgChart org =
        OrgChart.builder()
            .team(TeamId.of("sales"), vp)
            .team(east, maria, TeamId.of("sales"))
            .member(alice, east)
            .member(bob, east)
            .build();
    CallPeriod q2 = CallPeriod.of(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 7, 1));
    Instant monday = Instant.parse("2026-04-06T00:00:00Z");
    SalesPipeline pipeline =
        SalesPipeline.builder()
            .store(store)
            .clock(clock)
            .rules(RuleSet.none())
            .organisation(org)
            // calls for the week are due by Monday noon and locked from Tuesday
            .callWindows(
                (period, type) ->
                    Optional.of(
                        new SubmissionWindow(
                            monday, monday.plusSeconds(12 * 3600), monday.plusSeconds(86_400))))
            .build();
    for (UserId rep : List.of(alice, bob)) {
      DealId deal =
          pipeline
              .openDeal(
                  OpenDeal.builder()
                      .name(rep + "'s big deal")
                      .owner(rep)
                      .actor(rep)
                      .amount(Money.of(50_000, "USD"))
                      .expectedCloseDate(LocalDate.of(2026, 5, 20))
                      .build())
              .deal()
              .id();
      pipeline.move(deal, StandardPipelines.CLOSING, rep); // a commit deal
    }

    ForecastCall call =
        pipeline.submitCall(
            SubmitCall.builder()
                .node(OrgNode.user(alice))
                .period(q2)
                .commit(Money.of(40_000, "USD"))
                .mostLikely(Money.of(50_000, "USD"))
                .bestCase(Money.of(60_000, "USD"))
                .note("Acme signs in May")
                .actor(alice)
                .build());
    out.add(
        "alice calls "
            + call.commit()
            + " commit with "
            + call.backingDeals().size()
            + " deal(s) behind it");

    pipeline.adjustForecast(
        AdjustForecast.builder()
            .cell(AdjustmentCell.of(OrgNode.user(bob), q2, "revenue", CallCategory.COMMIT))
            .kind(AdjustmentKind.DELTA)
            .amount(Money.of(-20_000, "USD"))
            .reason("Globex slips to Q3")
            .actor(maria)
            .expectedVersion(0)
            .build());
    try {
      pipeline.adjustForecast(
          AdjustForecast.builder()
              .cell(AdjustmentCell.of(OrgNode.team(east), q2, "revenue", CallCategory.COMMIT))
              .kind(AdjustmentKind.OVERRIDE)
              .amount(Money.of(200_000, "USD"))
              .reason("my own team looks great")
              .actor(maria)
              .expectedVersion(0)
              .build());
    } catch (AdjustmentNotAllowedException refused) {
      out.add("refused: " + refused.getMessage());
    }

    Forecaster forecaster =
        Forecaster.of(
            DealSnapshots.fromOpenDeals(
                store.workspace(pipeline.workspace()),
                pipeline.defaultPipeline(),
                Currency.getInstance("USD"),
                LocalDate.of(2026, 4, 6),
                ZoneOffset.UTC,
                CurrencyConverter.sameCurrencyOnly()));
    AdjustedRollups rollups =
        AdjustedRollups.over(
            OrgRollups.of(forecaster, org),
            org,
            ForecastPeriod.of(q2.start(), q2.end()),
            "revenue",
            pipeline.adjustments(q2, "revenue"),
            clock.instant());
    for (OrgNode node :
        List.of(OrgNode.user(bob), OrgNode.team(east), OrgNode.team(TeamId.of("sales")))) {
      AdjustedCell commit = rollups.cell(node, CallCategory.COMMIT);
      out.add(
          node.key()
              + " commit: system "
              + commit.system() / 100
              + ", adjusted "
              + commit.adjusted() / 100
              + " ("
              + commit.chain().size()
              + " adjustment(s) behind it)");
    }
    // --- calls ends
    // Tuesday: the week's calls are locked
    try {
      SalesPipeline.builder()
          .store(store)
          .clock(Clock.fixed(monday.plusSeconds(90_000), ZoneOffset.UTC))
          .organisation(org)
          .callWindows(
              (period, type) ->
                  Optional.of(
                      new SubmissionWindow(
                          monday, monday.plusSeconds(12 * 3600), monday.plusSeconds(86_400))))
          .build()
          .submitCall(SubmitCall.builder().from(callOf(call)).actor(alice).build());
    } catch (CallRefusedException locked) {
      out.add("late: " + locked.refusal());
    }
    out.add(pipeline.calls(OrgNode.user(alice), q2, "revenue").all().size() + " call(s) stored");
    return out;
  }

  private static SubmitCall callOf(ForecastCall c) {
    return SubmitCall.builder()
        .node(c.node())
        .period(c.period())
        .commit(c.commit())
        .mostLikely(c.mostLikely())
        .bestCase(c.bestCase())
        .actor(c.submittedBy())
        .build();
  }

  /** Prints the example's output. */
  public static void main(String[] args) {
    run().forEach(System.out::println);
  }
}
