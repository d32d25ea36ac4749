package org.salespipeline.examples.calls;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.salespipeline.core.Money;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.Team;
import org.salespipeline.core.UserId;
import org.salespipeline.core.call.AdjustForecast;
import org.salespipeline.core.call.AdjustmentCell;
import org.salespipeline.core.call.AdjustmentKind;
import org.salespipeline.core.call.AdjustmentLedger;
import org.salespipeline.core.call.CallCategory;
import org.salespipeline.core.call.CallPeriod;
import org.salespipeline.core.call.CallSource;
import org.salespipeline.core.call.ForecastCall;
import org.salespipeline.core.call.SubmitCall;
import org.salespipeline.core.org.OrgDirectory;
import org.salespipeline.core.org.OrgNode;
import org.salespipeline.examples.generator.MutableClock;
import org.salespipeline.examples.insight.PipelineHistory;
import org.salespipeline.forecast.CategoryRollup;
import org.salespipeline.forecast.ForecastPeriod;
import org.salespipeline.forecast.Forecaster;
import org.salespipeline.forecast.QuotaReport;
import org.salespipeline.forecast.TeamHierarchy;
import org.salespipeline.forecast.rollup.AdjustedCell;
import org.salespipeline.forecast.rollup.AdjustedRollups;
import org.salespipeline.forecast.rollup.CallAccuracy;
import org.salespipeline.forecast.rollup.OrgRollups;
import org.salespipeline.forecast.rollup.OwnerCallAccuracy;

/**
 * The demo's forecast process (issue 18) over the last completed quarter: every Wednesday each rep
 * calls what they see (the library's weighted forecast of their deals as of that day), bent by
 * their temperament (a third sandbag, a third are optimistic), each manager calls their team; in
 * the last week each manager trims the commit of their most optimistic rep. Then every call is
 * scored by week against what was won, beside the library's weighted forecast at the same instants,
 * and the team roll-ups are shown system and adjusted.
 *
 * <p>Calls already stored for the quarter (a second run on the same H2 file) are reused, not
 * submitted again.
 */
public final class CallsDemo {
  /** The forecast type of the demo's calls. */
  public static final String TYPE = "revenue";

  /**
   * What the demo found.
   *
   * @param period the quarter
   * @param accuracy every owner's call accuracy, reps first, then teams
   * @param teams the commit cell of each team, system and adjusted
   * @param calls how many calls are stored for the quarter
   * @param adjustments how many adjustments are in force
   */
  public record Result(
      ForecastPeriod period,
      List<OwnerCallAccuracy> accuracy,
      List<AdjustedCell> teams,
      int calls,
      int adjustments) {}

  private CallsDemo() {}

  /**
   * Runs the weekly calls of the last completed quarter (if not stored yet) and scores them.
   *
   * @param history the demo's history
   * @param engineAt makes an engine on the demo's store with the given clock and organisation
   */
  public static Result run(
      PipelineHistory history, Function<MutableClock, SalesPipeline> engineAt) {
    LocalDate today = history.today();
    ForecastPeriod quarter = PipelineHistory.quarter(today.minusMonths(3));
    CallPeriod period = CallPeriod.of(quarter.start(), quarter.end());
    List<Team> teams = history.teams();
    OrgDirectory org = OrgDirectory.fromTeams(teams);
    List<Instant> weekEnds = CallAccuracy.weekEnds(quarter, ZoneOffset.UTC);
    MutableClock clock = new MutableClock(weekEnds.get(0).minus(Duration.ofDays(4)));
    SalesPipeline engine = engineAt.apply(clock);

    // the view of each week: per owner, the category roll-up and the weighted forecast
    Map<Instant, Map<String, Double>> seen = new LinkedHashMap<>();
    Map<Instant, Map<String, Double>> model = new HashMap<>();
    for (Instant end : weekEnds) {
      Instant wednesday = end.minus(Duration.ofDays(4));
      Forecaster f = Forecaster.of(history.snapshot(wednesday));
      Map<String, Double> weighted = new HashMap<>();
      for (QuotaReport q : f.quotaReports(quarter, TeamHierarchy.none(), List.of())) {
        weighted.put(q.subject(), q.weighted());
      }
      seen.put(wednesday, weighted);
      model.put(end, weighted);
    }
    Currency currency = history.currency();
    if (engine.calls(period, TYPE).isEmpty()) {
      submitWeeklyCalls(engine, clock, teams, org, period, seen, currency);
      trimOptimists(engine, clock, teams, period, currency);
    }

    Forecaster atEnd =
        Forecaster.of(history.snapshot(quarter.end().atStartOfDay(ZoneOffset.UTC).toInstant()));
    Map<String, CategoryRollup> won = atEnd.rollupByOwner(quarter);
    List<ForecastCall> calls = engine.calls(period, TYPE);
    List<OwnerCallAccuracy> accuracy =
        CallAccuracy.scoreAll(
            calls,
            CallCategory.COMMIT,
            quarter,
            ZoneOffset.UTC,
            node ->
                sumOver(
                    node, org, weekEnds.get(0), u -> won.containsKey(u) ? won.get(u).closed() : 0),
            (node, at) ->
                sumOver(
                    node,
                    org,
                    at,
                    u -> Math.round(model.getOrDefault(at, Map.of()).getOrDefault(u, 0.0))));

    Instant last = weekEnds.get(weekEnds.size() - 1);
    AdjustmentLedger ledger = engine.adjustments(period, TYPE);
    AdjustedRollups rollups =
        AdjustedRollups.over(OrgRollups.of(atEnd, org), org, quarter, TYPE, ledger, last);
    List<AdjustedCell> cells = new ArrayList<>();
    for (Team t : teams) {
      cells.add(rollups.cell(OrgNode.team(t.id()), CallCategory.COMMIT));
    }
    return new Result(quarter, accuracy, cells, calls.size(), ledger.allInForce().size());
  }

  private static long sumOver(
      OrgNode node, OrgDirectory org, Instant at, java.util.function.ToLongFunction<String> of) {
    if (node instanceof OrgNode.User u) {
      return of.applyAsLong(u.id().value());
    }
    long sum = 0;
    for (var t : org.subtreeOf(((OrgNode.Team) node).id(), at)) {
      for (UserId u : org.membersOf(t, at)) {
        sum += of.applyAsLong(u.value());
      }
    }
    return sum;
  }

  /** A third of the reps sandbag (calling 70%), a third call straight, a third over-call (135%). */
  static double temperament(UserId rep) {
    return switch (Math.floorMod(rep.value().hashCode(), 3)) {
      case 0 -> 0.70;
      case 1 -> 1.0;
      default -> 1.35;
    };
  }

  /**
   * Each Wednesday: every rep calls the library's weighted forecast of their deals as they see it,
   * bent by their temperament (most likely and best case 15% and 40% above); each manager calls the
   * sum of the calls in their team's subtree.
   */
  private static void submitWeeklyCalls(
      SalesPipeline engine,
      MutableClock clock,
      List<Team> teams,
      OrgDirectory org,
      CallPeriod period,
      Map<Instant, Map<String, Double>> seen,
      Currency currency) {
    for (Map.Entry<Instant, Map<String, Double>> week : seen.entrySet()) {
      clock.set(week.getKey());
      Map<UserId, Long> called = new LinkedHashMap<>();
      for (Team team : teams) {
        for (UserId rep : team.members()) {
          if (!called.containsKey(rep)) {
            double sees = week.getValue().getOrDefault(rep.value(), 0.0);
            long commit = Math.round(sees * temperament(rep));
            called.put(rep, commit);
            submit(engine, OrgNode.user(rep), period, rep, commit, currency, "weekly call");
          }
        }
      }
      for (Team team : teams) {
        long sum = 0;
        for (var t : org.subtreeOf(team.id(), week.getKey())) {
          for (UserId u : org.membersOf(t, week.getKey())) {
            sum += called.getOrDefault(u, 0L);
          }
        }
        submit(
            engine,
            OrgNode.team(team.id()),
            period,
            team.manager(),
            sum,
            currency,
            "team call: my reps' calls");
      }
    }
  }

  private static void submit(
      SalesPipeline engine,
      OrgNode node,
      CallPeriod period,
      UserId actor,
      long commit,
      Currency currency,
      String note) {
    engine.submitCall(
        SubmitCall.builder()
            .node(node)
            .period(period)
            .forecastType(TYPE)
            .commit(Money.ofMinor(commit, currency))
            .mostLikely(Money.ofMinor(commit * 115 / 100, currency))
            .bestCase(Money.ofMinor(commit * 140 / 100, currency))
            .note(note)
            .actor(actor)
            .source(CallSource.MANUAL)
            .build());
  }

  /** In the last week each manager takes 15% off the commit of their most optimistic rep. */
  private static void trimOptimists(
      SalesPipeline engine, MutableClock clock, List<Team> teams, CallPeriod period, Currency c) {
    for (Team team : teams) {
      UserId optimist = null;
      long call = 0;
      for (UserId rep : team.members()) {
        if (temperament(rep) > 1.0) {
          var latest = engine.calls(OrgNode.user(rep), period, TYPE).latest();
          if (latest.isPresent() && latest.get().commit().toMinorUnits() > call) {
            optimist = rep;
            call = latest.get().commit().toMinorUnits();
          }
        }
      }
      if (optimist == null || call == 0) {
        continue;
      }
      AdjustmentCell cell =
          AdjustmentCell.of(OrgNode.user(optimist), period, TYPE, CallCategory.COMMIT);
      engine.adjustForecast(
          AdjustForecast.builder()
              .cell(cell)
              .kind(AdjustmentKind.DELTA)
              .amount(Money.ofMinor(-call * 15 / 100, c))
              .reason("manager's haircut: this rep over-calls")
              .actor(team.manager())
              .expectedVersion(engine.adjustments(period, TYPE).version(cell))
              .build());
    }
  }
}
