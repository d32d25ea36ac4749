package org.salespipeline.core.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.salespipeline.core.TeamId;
import org.salespipeline.core.UserId;

class OrgChartProperties {

  /**
   * A random tree of teams (team i's parent is a team before it) with random members: the reporting
   * subtree of a team's manager is exactly the members and managers of the teams whose ancestor
   * chain reaches that team, and nobody is in their own subtree.
   */
  @Property(tries = 200)
  void reportingSubtreeFollowsTheTree(
      @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 0, max = 100) Integer> parentPicks,
      @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 1000) Integer> memberPicks) {
    int n = parentPicks.size();
    OrgChart.Builder b = OrgChart.builder();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i == 0 ? -1 : parentPicks.get(i) % (i + 1) - 1;
      b.team(team(i), manager(i), parent[i] < 0 ? null : team(parent[i]));
    }
    Set<String> placed = new HashSet<>();
    int[] teamOfMember = new int[memberPicks.size()];
    for (int m = 0; m < memberPicks.size(); m++) {
      teamOfMember[m] = memberPicks.get(m) % n;
      b.member(member(m), team(teamOfMember[m]));
      placed.add(member(m).value());
    }
    OrgChart org = b.build();
    Instant at = Instant.EPOCH;
    for (int top = 0; top < n; top++) {
      Set<UserId> expected = new HashSet<>();
      for (int t = 0; t < n; t++) {
        if (t != top && isBelow(t, top, parent)) {
          expected.add(manager(t));
        }
      }
      for (int m = 0; m < teamOfMember.length; m++) {
        if (isBelow(teamOfMember[m], top, parent)) {
          expected.add(member(m));
        }
      }
      assertThat(org.reportingSubtree(manager(top), at)).isEqualTo(expected);
      assertThat(org.manages(manager(top), manager(top), at)).isFalse();
    }
    assertThat(placed).hasSize(memberPicks.size());
  }

  private static boolean isBelow(int t, int top, int[] parent) {
    for (int x = t; x >= 0; x = parent[x]) {
      if (x == top) {
        return true;
      }
    }
    return false;
  }

  private static TeamId team(int i) {
    return TeamId.of("t" + i);
  }

  private static UserId manager(int i) {
    return UserId.of("boss" + i);
  }

  private static UserId member(int m) {
    return UserId.of("rep" + m);
  }
}
