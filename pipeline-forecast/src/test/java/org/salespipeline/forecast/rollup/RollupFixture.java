package org.salespipeline.forecast.rollup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.salespipeline.core.Money;
import org.salespipeline.core.TeamId;
import org.salespipeline.core.UserId;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.call.Adjustment;
import org.salespipeline.core.call.AdjustmentCell;
import org.salespipeline.core.call.AdjustmentKind;
import org.salespipeline.core.call.CallCategory;
import org.salespipeline.core.call.CallPeriod;
import org.salespipeline.core.org.OrgChart;
import org.salespipeline.core.org.OrgDirectory;
import org.salespipeline.core.org.OrgNode;
import org.salespipeline.forecast.CategoryRollup;
import org.salespipeline.forecast.ForecastPeriod;

/** A small organisation and a summing NodeRollups over per-user figures, for the tests. */
final class RollupFixture {
  static final ForecastPeriod Q2 =
      ForecastPeriod.of(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 7, 1));
  static final CallPeriod CALL_Q2 = CallPeriod.of(Q2.start(), Q2.end());
  static final Instant AT = Instant.parse("2026-05-01T00:00:00Z");
  static final WorkspaceId WS = WorkspaceId.of("default");
  static final OrgNode SALES = OrgNode.team(TeamId.of("sales"));
  static final OrgNode EAST = OrgNode.team(TeamId.of("east"));
  static final OrgNode WEST = OrgNode.team(TeamId.of("west"));
  static final OrgNode ALICE = OrgNode.user(UserId.of("alice"));
  static final OrgNode BOB = OrgNode.user(UserId.of("bob"));
  static final OrgNode CAROL = OrgNode.user(UserId.of("carol"));
  static final java.util.List<OrgNode> NODES =
      java.util.List.of(SALES, EAST, WEST, ALICE, BOB, CAROL);
  static final OrgDirectory ORG =
      OrgChart.builder()
          .team(TeamId.of("sales"), UserId.of("vp"))
          .team(TeamId.of("east"), UserId.of("maria"), TeamId.of("sales"))
          .team(TeamId.of("west"), UserId.of("wes"), TeamId.of("sales"))
          .member(UserId.of("alice"), TeamId.of("east"))
          .member(UserId.of("bob"), TeamId.of("east"))
          .member(UserId.of("carol"), TeamId.of("west"))
          .build();

  private RollupFixture() {}

  /** Team figures are the sums of their members' and sub-teams' figures. */
  static NodeRollups summing(Map<OrgNode, Long> commitByUser) {
    Map<OrgNode, CategoryRollup> out = new HashMap<>();
    for (OrgNode n : NODES) {
      out.put(n, rollup(sum(n, commitByUser)));
    }
    return (node, period) -> out.getOrDefault(node, rollup(0));
  }

  private static long sum(OrgNode n, Map<OrgNode, Long> byUser) {
    if (n instanceof OrgNode.User) {
      return byUser.getOrDefault(n, 0L);
    }
    TeamId t = ((OrgNode.Team) n).id();
    long s = 0;
    for (UserId u : ORG.membersOf(t, AT)) {
      s += byUser.getOrDefault(OrgNode.user(u), 0L);
    }
    for (TeamId c : ORG.childrenOf(t, AT)) {
      s += sum(OrgNode.team(c), byUser);
    }
    return s;
  }

  static CategoryRollup rollup(long commit) {
    return new CategoryRollup(0, commit, commit * 2, commit * 3, commit * 4);
  }

  static Adjustment adjustment(OrgNode node, long version, AdjustmentKind kind, long amount) {
    return Adjustment.builder()
        .workspace(WS)
        .cell(AdjustmentCell.of(node, CALL_Q2, "revenue", CallCategory.COMMIT))
        .version(version)
        .kind(kind)
        .amount(Money.ofMinor(amount, java.util.Currency.getInstance("USD")))
        .reason("test")
        .adjustedBy(UserId.of("vp"))
        .adjustedAt(AT.minusSeconds(3600))
        .build();
  }
}
