package org.salespipeline.forecast.insight;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.salespipeline.core.Team;
import org.salespipeline.core.UserId;

/**
 * The allocation section: suggests handing idle or stuck deals from owners holding well above the
 * mean load (1.2x) to owners below it, preferring a teammate, then the least loaded.
 */
final class LoadBalancing {
  private final InsightSettings settings;
  private final Layout layout;
  private final Owners owners;
  private final OpenDealTable open;
  private final DealFlags flags;
  private final StageDwell dwell;
  private final OwnerLoads loads;
  private final long nowSec;

  LoadBalancing(
      InsightSettings settings,
      Owners owners,
      OpenDealTable open,
      DealFlags flags,
      StageDwell dwell,
      OwnerLoads loads) {
    this.settings = settings;
    this.layout = settings.layout;
    this.owners = owners;
    this.open = open;
    this.flags = flags;
    this.dwell = dwell;
    this.loads = loads;
    this.nowSec = settings.nowSec;
  }

  /** The suggested hand-overs, each explained; empty if no owner is overloaded. */
  List<SuggestedMove> suggest(OutcomeBreakdown outcomes) {
    int owners = this.owners.size();
    Set<UserId> teamMembers = new HashSet<>();
    Map<UserId, Set<String>> teamsOf = new HashMap<>();
    for (Team t : settings.teams) {
      for (UserId u : t.members()) {
        teamMembers.add(u);
        teamsOf.computeIfAbsent(u, k -> new HashSet<>()).add(t.id().value());
      }
    }
    long[] load = new long[owners];
    for (int o = 0; o < owners; o++) {
      load[o] = loads.openDeals(o);
    }
    List<Integer> active = new ArrayList<>();
    long total = 0;
    for (int o = 0; o < owners; o++) {
      if (loads.openDeals(o) > 0 || teamMembers.contains(this.owners.get(o))) {
        active.add(o);
        total += loads.openDeals(o);
      }
    }
    if (active.size() < 2 || settings.maxSuggestedMoves == 0) {
      return List.of();
    }
    double mean = (double) total / active.size();
    List<Integer> donors = new ArrayList<>();
    for (int o : active) {
      if (loads.openDeals(o) > 1.2 * mean && loads.idleOrStuck(o) > 0) {
        donors.add(o);
      }
    }
    if (donors.isEmpty()) {
      return List.of();
    }
    Map<Integer, List<Integer>> candidates = new HashMap<>();
    for (int o : donors) {
      candidates.put(o, new ArrayList<>());
    }
    for (int r = 0; r < open.size; r++) {
      List<Integer> c = candidates.get(open.owner.a[r]);
      if (c != null && (flags.idle(r) || flags.stuck(r)) && c.size() < settings.maxSuggestedMoves) {
        c.add(r);
      }
    }
    donors.sort(Comparator.comparingLong((Integer o) -> -loads.openDeals(o)));
    List<SuggestedMove> out = new ArrayList<>();
    for (int donor : donors) {
      UserId from = this.owners.get(donor);
      for (int r : candidates.get(donor)) {
        if (out.size() >= settings.maxSuggestedMoves || load[donor] <= mean) {
          break;
        }
        int to = -1;
        for (int o : active) {
          if (o == donor || load[o] + 1 > mean) {
            continue;
          }
          boolean sameTeam = sharesTeam(teamsOf, from, this.owners.get(o));
          boolean bestSameTeam = to >= 0 && sharesTeam(teamsOf, from, this.owners.get(to));
          if (to < 0
              || (sameTeam && !bestSameTeam)
              || (sameTeam == bestSameTeam && load[o] < load[to])) {
            to = o;
          }
        }
        if (to < 0) {
          break;
        }
        UserId toUser = this.owners.get(to);
        out.add(
            new SuggestedMove(
                open.id(r),
                from,
                toUser,
                open.amount.a[r],
                List.of(
                    Reason.of(
                        ReasonCode.OWNER_OVERLOADED,
                        "owner",
                        from,
                        "openDeals",
                        loads.openDeals(donor),
                        "mean",
                        mean,
                        "idleOrStuck",
                        loads.idleOrStuck(donor)),
                    receiver(toUser, to, outcomes),
                    state(r))));
        load[donor]--;
        load[to]++;
      }
    }
    return List.copyOf(out);
  }

  /**
   * Why the receiver: what it holds and how it closes, as the report stands (not after the moves
   * suggested before this one).
   */
  private Reason receiver(UserId owner, int o, OutcomeBreakdown outcomes) {
    Outcomes oc = outcomes.byOwner().get(owner);
    if (oc == null || oc.won() + oc.lost() == 0) {
      return Reason.of(
          ReasonCode.RECEIVER_HAS_ROOM_NO_CLOSES, "owner", owner, "openDeals", loads.openDeals(o));
    }
    return Reason.of(
        ReasonCode.RECEIVER_HAS_ROOM,
        "owner",
        owner,
        "openDeals",
        loads.openDeals(o),
        "winRate",
        oc.winRate());
  }

  /** Why this deal: idle, or else stuck (only idle or stuck deals are suggested). */
  private Reason state(int r) {
    int g = open.stage.a[r];
    if (flags.idle(r)) {
      return Reason.of(
          ReasonCode.IDLE,
          "idleFor",
          Duration.ofSeconds(nowSec - open.engagedAt(r)),
          "threshold",
          Duration.ofSeconds(layout.idleSeconds[g]));
    }
    return Reason.of(
        DealFlags.stuckByP90(dwell, layout, g)
            ? ReasonCode.STUCK_BEYOND_P90
            : ReasonCode.STUCK_BEYOND_IDLE_THRESHOLD,
        "stage",
        layout.key[g],
        "timeInStage",
        Duration.ofSeconds(nowSec - open.stageEntered.a[r]),
        "threshold",
        Duration.ofSeconds(DealFlags.stuckThresholdSeconds(dwell, layout, g)));
  }

  private static boolean sharesTeam(Map<UserId, Set<String>> teamsOf, UserId a, UserId b) {
    Set<String> ta = teamsOf.get(a);
    Set<String> tb = teamsOf.get(b);
    if (ta == null || tb == null) {
      return false;
    }
    for (String t : ta) {
      if (tb.contains(t)) {
        return true;
      }
    }
    return false;
  }
}
