package org.salespipeline.forecast.insight;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.salespipeline.core.UserId;

/**
 * The work-list section: scores every open deal (its expected value against the owner's largest,
 * the chance it closes this period, urgency from its close date and flags, risk from pushes and
 * qualification) and keeps each owner's best, each with its reasons.
 */
final class WorkLists {
  private final InsightSettings settings;
  private final Layout layout;
  private final Owners owners;
  private final OpenDealTable open;
  private final DealFlags flags;
  private final StageWins wins;
  private final StageDwell dwell;
  private final OwnerLoads loads;
  private final long nowSec;
  private final int today;

  WorkLists(
      InsightSettings settings,
      Owners owners,
      OpenDealTable open,
      DealFlags flags,
      StageWins wins,
      StageDwell dwell,
      OwnerLoads loads) {
    this.settings = settings;
    this.layout = settings.layout;
    this.owners = owners;
    this.open = open;
    this.flags = flags;
    this.wins = wins;
    this.dwell = dwell;
    this.loads = loads;
    this.nowSec = settings.nowSec;
    this.today = settings.today;
  }

  /** Per owner with open deals, the highest-scoring deals (at most the work list size). */
  Map<UserId, List<WorkItem>> lists() {
    int owners = this.owners.size();
    int n = settings.workListSize;
    double[][] best = new double[owners][];
    int[][] rows = new int[owners][];
    int[] fill = new int[owners];
    // the position of each full list's smallest score (the first of equal ones), kept current so
    // that a deal that does not make the list costs one comparison
    int[] min = new int[owners];
    int periodEnd = settings.periods.get(settings.current).endDay();
    for (int r = 0; r < open.size; r++) {
      int o = open.owner.a[r];
      double score = scoreOnly(r, loads.maxExpectedValue(o), periodEnd);
      if (best[o] == null) {
        best[o] = new double[n];
        rows[o] = new int[n];
      }
      if (fill[o] < n) {
        best[o][fill[o]] = score;
        rows[o][fill[o]++] = r;
        if (fill[o] == n) {
          min[o] = smallest(best[o]);
        }
      } else if (score > best[o][min[o]]) {
        best[o][min[o]] = score;
        rows[o][min[o]] = r;
        min[o] = smallest(best[o]);
      }
    }
    Map<UserId, List<WorkItem>> out = new LinkedHashMap<>();
    for (int o = 0; o < owners; o++) {
      if (fill[o] == 0) {
        continue;
      }
      List<WorkItem> items = new ArrayList<>();
      for (int i = 0; i < fill[o]; i++) {
        items.add(item(rows[o][i], loads.maxExpectedValue(o), periodEnd));
      }
      items.sort(Comparator.comparingDouble(WorkItem::score).reversed());
      out.put(this.owners.get(o), List.copyOf(items));
    }
    return Collections.unmodifiableMap(out);
  }

  /** The first position of the smallest value. */
  private static int smallest(double[] v) {
    int m = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] < v[m]) {
        m = i;
      }
    }
    return m;
  }

  /** The score alone, as {@link #score} computes it, without allocating. */
  private double scoreOnly(int r, double maxEv, int periodEnd) {
    return score(r, maxEv, periodEnd, null);
  }

  /** {score, ev, inPeriod, urgency, risk, closeUrgency}. */
  private double[] score(int r, double maxEv, int periodEnd) {
    double[] parts = new double[6];
    score(r, maxEv, periodEnd, parts);
    return parts;
  }

  /** The score; its parts {score, ev, inPeriod, urgency, risk, closeUrgency} when asked. */
  private double score(int r, double maxEv, int periodEnd, double[] parts) {
    int g = open.stage.a[r];
    double p = wins.probability(g);
    double ev = open.amount.a[r] * p;
    double evShare = maxEv > 0 ? ev / maxEv : 0;
    double inPeriod = open.closeDay.a[r] < periodEnd ? p : 0;
    int toClose = open.closeDay.a[r] - today;
    double closeUrgency = toClose <= 0 ? 1 : toClose <= 7 ? 0.8 : toClose <= 30 ? 0.4 : 0;
    double urgency =
        Math.min(1, 0.5 * closeUrgency + (flags.idle(r) ? 0.3 : 0) + (flags.stuck(r) ? 0.2 : 0));
    double risk =
        Math.min(1, 0.2 * Math.min(3, open.pushes.a[r]) + (open.qualification.a[r] == 2 ? 0 : 0.4));
    double score = 100 * (0.35 * evShare + 0.2 * inPeriod + 0.3 * urgency + 0.15 * risk);
    if (parts != null) {
      parts[0] = score;
      parts[1] = ev;
      parts[2] = inPeriod;
      parts[3] = urgency;
      parts[4] = risk;
      parts[5] = toClose;
    }
    return score;
  }

  private WorkItem item(int r, double maxEv, int periodEnd) {
    double[] s = score(r, maxEv, periodEnd);
    int g = open.stage.a[r];
    List<Reason> reasons = new ArrayList<>();
    int toClose = (int) s[5];
    if (toClose < 0) {
      reasons.add(Reason.of(ReasonCode.CLOSE_DATE_PASSED, "days", (long) -toClose));
    } else if (toClose == 0) {
      reasons.add(Reason.of(ReasonCode.CLOSES_TODAY));
    } else if (toClose <= 7) {
      reasons.add(Reason.of(ReasonCode.CLOSES_SOON, "days", (long) toClose));
    }
    if (flags.stuck(r)) {
      reasons.add(
          Reason.of(
              DealFlags.stuckByP90(dwell, layout, g)
                  ? ReasonCode.STUCK_BEYOND_P90
                  : ReasonCode.STUCK_BEYOND_IDLE_THRESHOLD,
              "stage",
              layout.key[g],
              "timeInStage",
              Duration.ofSeconds(nowSec - open.stageEntered.a[r]),
              "threshold",
              Duration.ofSeconds(DealFlags.stuckThresholdSeconds(dwell, layout, g))));
    }
    if (flags.idle(r)) {
      reasons.add(
          Reason.of(
              ReasonCode.IDLE,
              "idleFor",
              Duration.ofSeconds(nowSec - open.engagedAt(r)),
              "threshold",
              Duration.ofSeconds(layout.idleSeconds[g])));
    }
    if (flags.overdue(r)) {
      reasons.add(Reason.of(ReasonCode.FOLLOW_UP_OVERDUE));
    }
    if (open.pushes.a[r] > 0) {
      reasons.add(Reason.of(ReasonCode.CLOSE_DATE_PUSHED, "pushes", (long) open.pushes.a[r]));
    }
    if (open.qualification.a[r] != 2) {
      reasons.add(
          Reason.of(
              open.qualification.a[r] == 0
                  ? ReasonCode.NEVER_QUALIFIED
                  : ReasonCode.QUALIFICATION_NOT_PASSED));
    }
    reasons.add(
        Reason.of(
            ReasonCode.EXPECTED_VALUE,
            "expectedValue",
            Reason.money(Math.round(s[1]), settings.currency),
            "winRate",
            wins.probability(g),
            "amount",
            Reason.money(open.amount.a[r], settings.currency)));
    return new WorkItem(
        open.id(r),
        owners.get(open.owner.a[r]),
        layout.pipelineId(g),
        layout.key[g],
        open.amount.a[r],
        LocalDate.ofEpochDay(open.closeDay.a[r]),
        s[0],
        s[1],
        s[2],
        s[3],
        s[4],
        List.copyOf(reasons));
  }
}
