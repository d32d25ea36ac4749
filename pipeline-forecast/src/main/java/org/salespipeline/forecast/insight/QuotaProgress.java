package org.salespipeline.forecast.insight;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.salespipeline.core.Quota;
import org.salespipeline.core.Team;
import org.salespipeline.core.TeamId;
import org.salespipeline.core.UserId;

/**
 * The coverage and allocation section: remembers each won deal's owner, close day and value during
 * the pass, and measures every quota (an owner's or a team's, sub-teams included) against the value
 * won and the open pipeline closing in its period.
 */
final class QuotaProgress {
  /** Fewer closes than this, and a quota's win rate falls back to the overall one. */
  private static final int MIN_CLOSES = 10;

  private final InsightSettings settings;
  private final Owners owners;
  private final Columns.Ints wonOwner = new Columns.Ints();
  private final Columns.Ints wonCloseDay = new Columns.Ints();
  private final Columns.Longs wonAmount = new Columns.Longs();

  /** The quota totals the health summary reads; see {@link #coverage}. */
  record Totals(double quota, double remaining, double open, double won, double weighted) {}

  QuotaProgress(InsightSettings settings, Owners owners) {
    this.settings = settings;
    this.owners = owners;
  }

  // ---- the pass ----

  /** A deal of owner {@code owner} was won on {@code closeDay}, worth {@code amount}. */
  void won(int owner, int closeDay, long amount) {
    wonOwner.add(owner);
    wonCloseDay.add(closeDay);
    wonAmount.add(amount);
  }

  // ---- the report ----

  /**
   * Adds each quota's coverage to {@code out}, in the order given; returns the totals over the
   * quotas that count for the health summary: the active owner quotas still open, or (when no owner
   * quota is active) the active top-level team quotas still open.
   */
  Totals coverage(
      OpenDealTable open, StageWins stages, OutcomeBreakdown outcomes, List<QuotaCoverage> out) {
    List<Quota> quotas = settings.quotas;
    int q = quotas.size();
    Map<TeamId, Team> teams = new HashMap<>();
    Map<TeamId, List<TeamId>> children = new HashMap<>();
    for (Team t : settings.teams) {
      teams.put(t.id(), t);
      t.parent().ifPresent(p -> children.computeIfAbsent(p, k -> new ArrayList<>()).add(t.id()));
    }
    List<Set<UserId>> members = new ArrayList<>();
    Map<UserId, List<Integer>> quotasOf = new HashMap<>();
    for (int i = 0; i < q; i++) {
      Quota quota = quotas.get(i);
      Set<UserId> m = new HashSet<>();
      if (quota.owner().isPresent()) {
        m.add(quota.owner().get());
      } else {
        collect(quota.team().get(), teams, children, m, new HashSet<>());
      }
      members.add(m);
      for (UserId u : m) {
        quotasOf.computeIfAbsent(u, k -> new ArrayList<>()).add(i);
      }
    }
    int[][] ownerQuotas = new int[owners.size()][];
    for (int o = 0; o < owners.size(); o++) {
      List<Integer> l = quotasOf.getOrDefault(owners.get(o), List.of());
      ownerQuotas[o] = l.stream().mapToInt(Integer::intValue).toArray();
    }
    int[] start = new int[q];
    int[] end = new int[q];
    for (int i = 0; i < q; i++) {
      start[i] = (int) quotas.get(i).periodStart().toEpochDay();
      end[i] = (int) quotas.get(i).periodEnd().toEpochDay();
    }
    long[] won = new long[q];
    long[] openValue = new long[q];
    double[] weightedOpen = new double[q];
    for (int r = 0; r < wonAmount.size; r++) {
      int day = wonCloseDay.a[r];
      for (int i : ownerQuotas[wonOwner.a[r]]) {
        if (day >= start[i] && day <= end[i]) {
          won[i] += wonAmount.a[r];
        }
      }
    }
    for (int r = 0; r < open.size; r++) {
      int day = open.closeDay.a[r];
      for (int i : ownerQuotas[open.owner.a[r]]) {
        if (day >= start[i] && day <= end[i]) {
          openValue[i] += open.amount.a[r];
          weightedOpen[i] += open.amount.a[r] * stages.probability(open.stage.a[r]);
        }
      }
    }
    double overallRate = outcomes.overall().winRate();
    boolean anyOwnerActive = false;
    for (Quota quota : quotas) {
      anyOwnerActive |= quota.owner().isPresent() && active(quota);
    }
    double[] health = new double[5];
    for (int i = 0; i < q; i++) {
      Quota quota = quotas.get(i);
      long amount = settings.converted(quota.amount());
      long remaining = Math.max(0, amount - won[i]);
      long wins = 0;
      long losses = 0;
      for (UserId u : members.get(i)) {
        Outcomes oc = outcomes.byOwner().get(u);
        if (oc != null) {
          wins += oc.won();
          losses += oc.lost();
        }
      }
      double winRate =
          wins + losses >= MIN_CLOSES ? Figures.rate(wins, wins + losses) : overallRate;
      long needed = winRate > 0 ? (long) Math.ceil(remaining / winRate) : remaining;
      out.add(
          new QuotaCoverage(
              quota,
              quota.owner().map(UserId::value).orElseGet(() -> quota.team().get().value()),
              amount,
              won[i],
              remaining,
              openValue[i],
              remaining > 0
                  ? OptionalDouble.of((double) openValue[i] / remaining)
                  : OptionalDouble.empty(),
              winRate,
              needed,
              Math.max(0, needed - openValue[i])));
      boolean counts =
          active(quota)
              && (anyOwnerActive
                  ? quota.owner().isPresent()
                  : quota.team().isPresent()
                      && teams.get(quota.team().get()) != null
                      && teams.get(quota.team().get()).parent().isEmpty());
      if (counts && remaining > 0) {
        health[0] += amount;
        health[1] += remaining;
        health[2] += openValue[i];
        health[3] += won[i];
        health[4] += weightedOpen[i];
      }
    }
    return new Totals(health[0], health[1], health[2], health[3], health[4]);
  }

  private boolean active(Quota quota) {
    long s = quota.periodStart().toEpochDay();
    long e = quota.periodEnd().toEpochDay();
    return settings.today >= s && settings.today <= e;
  }

  private static void collect(
      TeamId id,
      Map<TeamId, Team> teams,
      Map<TeamId, List<TeamId>> children,
      Set<UserId> into,
      Set<TeamId> seen) {
    if (!seen.add(id)) {
      return;
    }
    Team t = teams.get(id);
    if (t != null) {
      into.addAll(t.members());
      into.add(t.manager());
    }
    for (TeamId child : children.getOrDefault(id, List.of())) {
      collect(child, teams, children, into, seen);
    }
  }
}
