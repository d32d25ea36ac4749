package org.salespipeline.forecast.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.TeamId;
import org.salespipeline.core.UserId;
import org.salespipeline.core.org.OrgChart;
import org.salespipeline.core.org.OrgDirectory;
import org.salespipeline.core.org.OrgNode;
import org.salespipeline.forecast.CategoryRollup;
import org.salespipeline.forecast.ForecastPeriod;
import org.salespipeline.forecast.Forecaster;
import org.salespipeline.forecast.PipelineSnapshot;

class OrgRollupsProperties {
  private static final LocalDate BASE = LocalDate.of(2026, 1, 1);
  private static final int USERS = 6;
  private static final ForecastCategory[] CATS = ForecastCategory.values();

  /**
   * Team i's parent is a team before it; users are in one or two teams, but the moving user in one
   * until the move day and then in another.
   */
  private static OrgChart org(
      List<Integer> parentPicks, List<Integer> userPicks, int moveUser, int moveDay, int moveTo) {
    int n = parentPicks.size();
    OrgChart.Builder b = OrgChart.builder();
    for (int i = 0; i < n; i++) {
      int parent = i == 0 ? -1 : parentPicks.get(i) % i;
      b.team(team(i), UserId.of("m" + i), parent < 0 ? null : team(parent));
    }
    Instant move = BASE.plusDays(moveDay).atStartOfDay(ZoneOffset.UTC).toInstant();
    for (int u = 0; u < USERS; u++) {
      int first = userPicks.get(u) % n;
      int second = (userPicks.get(u) / n) % (n + 1); // n means no second team
      if (u == moveUser) {
        b.member(user(u), team(first), Instant.MIN, move);
        b.member(user(u), team(moveTo % n), move, null);
      } else {
        b.member(user(u), team(first));
      }
      if (second < n && second != first && u != moveUser) {
        b.member(user(u), team(second));
      }
    }
    return b.build();
  }

  private static TeamId team(int i) {
    return TeamId.of("t" + i);
  }

  private static UserId user(int u) {
    return UserId.of("u" + u);
  }

  private static PipelineSnapshot snapshot(List<Integer> dealPicks, int asOfDay) {
    PipelineSnapshot.Builder b =
        PipelineSnapshot.builder(Currency.getInstance("EUR"), BASE.plusDays(asOfDay));
    for (int i = 0; i < dealPicks.size(); i++) {
      int x = dealPicks.get(i);
      DealStatus status =
          x % 3 == 0 ? DealStatus.WON : x % 7 == 0 ? DealStatus.LOST : DealStatus.OPEN;
      PipelineSnapshot.Row r =
          b.deal("d" + i)
              .amountMinor(1 + x % 997)
              .closeDate(BASE.plusDays((x / 7) % 360))
              .stage("s")
              .owner("u" + (x / 13) % USERS)
              .status(status);
      if (status == DealStatus.OPEN) {
        r.category(CATS[(x / 3) % CATS.length]);
      }
      r.add();
    }
    return b.build();
  }

  /** Brute force: the deal's owner's teams and every ancestor, as of the placement instant. */
  private static Set<TeamId> above(OrgDirectory org, UserId u, LocalDate day) {
    Instant at = day.atStartOfDay(ZoneOffset.UTC).toInstant();
    Set<TeamId> out = new HashSet<>();
    for (TeamId t : org.teamsOf(u, at)) {
      out.add(t);
      out.addAll(org.ancestorsOf(t, at));
    }
    return out;
  }

  /**
   * A team's roll-up equals the roll-up of exactly the deals whose owner sat in its subtree at the
   * placement instant, each counted once, and the root's equals the whole snapshot's when everyone
   * is placed.
   */
  @Property(tries = 200)
  void aTeamCountsItsSubtreesDealsOnce(
      @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 0, max = 1000) Integer> parentPicks,
      @ForAll @Size(value = USERS) List<@IntRange(min = 0, max = 1000) Integer> userPicks,
      @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 100_000) Integer> dealPicks,
      @ForAll @IntRange(min = 0, max = USERS - 1) int moveUser,
      @ForAll @IntRange(min = 0, max = 360) int moveDay,
      @ForAll @IntRange(min = 0, max = 100) int moveTo,
      @ForAll @IntRange(min = 0, max = 360) int asOfDay,
      @ForAll @IntRange(min = 0, max = 11) int month) {
    OrgChart org = org(parentPicks, userPicks, moveUser, moveDay, moveTo);
    PipelineSnapshot s = snapshot(dealPicks, asOfDay);
    OrgRollups r = OrgRollups.of(Forecaster.of(s), org);
    ForecastPeriod period = ForecastPeriod.month(java.time.YearMonth.of(2026, month + 1));
    for (int t = 0; t < parentPicks.size(); t++) {
      TeamId team = team(t);
      List<String> keep = new ArrayList<>();
      for (int i = 0; i < s.size(); i++) {
        LocalDate placed = i < s.openCount() ? s.asOf() : LocalDate.ofEpochDay(s.closeDay(i));
        if (above(org, UserId.of(s.ownerNames().get(s.owner(i))), placed).contains(team)) {
          keep.add(s.id(i));
        }
      }
      PipelineSnapshot only =
          s.with(
              b -> {
                for (int i = 0; i < s.size(); i++) {
                  if (!keep.contains(s.id(i))) {
                    b.remove(s.id(i));
                  }
                }
              });
      assertThat(r.of(OrgNode.team(team), period)).isEqualTo(Forecaster.of(only).rollup(period));
    }
    OrgRollups perDay = OrgRollups.of(s, undated(org), ZoneOffset.UTC);
    for (int t = 0; t < parentPicks.size(); t++) {
      assertThat(perDay.of(OrgNode.team(team(t)), period))
          .isEqualTo(r.of(OrgNode.team(team(t)), period));
    }
    CategoryRollup users = new CategoryRollup(0, 0, 0, 0, 0);
    for (int u = 0; u < USERS; u++) {
      users = users.plus(r.of(OrgNode.user(user(u)), period));
    }
    assertThat(users).isEqualTo(Forecaster.of(s).rollup(period));
    assertThat(r.of(OrgNode.team(team(0)), period)).isEqualTo(users);
  }

  /**
   * Moving a rep on some day never changes the closed figures of periods that end by then, and
   * changes nothing at all in them while the snapshot predates the move.
   */
  @Property(tries = 200)
  void movingARepLaterNeverChangesEarlierPeriods(
      @ForAll @Size(min = 2, max = 8) List<@IntRange(min = 0, max = 1000) Integer> parentPicks,
      @ForAll @Size(value = USERS) List<@IntRange(min = 0, max = 1000) Integer> userPicks,
      @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 100_000) Integer> dealPicks,
      @ForAll @IntRange(min = 0, max = USERS - 1) int moveUser,
      @ForAll @IntRange(min = 1, max = 360) int moveDay,
      @ForAll @IntRange(min = 0, max = 100) int moveTo,
      @ForAll @IntRange(min = 0, max = 360) int asOfDay) {
    PipelineSnapshot s = snapshot(dealPicks, asOfDay);
    // the same organisation without the move: the rep stays at the first team
    OrgChart stays =
        org(parentPicks, userPicks, moveUser, 361, userPicks.get(moveUser) % parentPicks.size());
    OrgChart moves = org(parentPicks, userPicks, moveUser, moveDay, moveTo);
    OrgRollups before = OrgRollups.of(Forecaster.of(s), stays);
    OrgRollups after = OrgRollups.of(Forecaster.of(s), moves);
    ForecastPeriod earlier = ForecastPeriod.of(BASE.minusDays(1), BASE.plusDays(moveDay));
    for (int t = 0; t < parentPicks.size(); t++) {
      OrgNode node = OrgNode.team(team(t));
      CategoryRollup a = before.of(node, earlier);
      CategoryRollup b = after.of(node, earlier);
      assertThat(b.closed()).isEqualTo(a.closed());
      if (asOfDay < moveDay) {
        assertThat(b).isEqualTo(a);
      }
    }
  }

  /** The chart behind a plain directory, so roll-ups ask it day by day rather than per change. */
  private static OrgDirectory undated(OrgChart chart) {
    return new OrgDirectory() {
      @Override
      public Set<TeamId> teams(Instant at) {
        return chart.teams(at);
      }

      @Override
      public java.util.Optional<TeamId> parentOf(TeamId team, Instant at) {
        return chart.parentOf(team, at);
      }

      @Override
      public java.util.Optional<UserId> managerOf(TeamId team, Instant at) {
        return chart.managerOf(team, at);
      }

      @Override
      public Set<UserId> membersOf(TeamId team, Instant at) {
        return chart.membersOf(team, at);
      }

      @Override
      public Set<TeamId> teamsOf(UserId user, Instant at) {
        return chart.teamsOf(user, at);
      }
    };
  }
}
