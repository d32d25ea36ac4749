package org.salespipeline.core.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.TeamId;
import org.salespipeline.core.UserId;

class OrgChartChangesTest {

  @Test
  void changesListEveryDatedDeclarationAndMembershipBoundary() {
    Instant t1 = Instant.parse("2026-03-01T00:00:00Z");
    Instant t2 = Instant.parse("2026-06-01T00:00:00Z");
    Instant t3 = Instant.parse("2026-09-01T00:00:00Z");
    OrgChart org =
        OrgChart.builder()
            .team(TeamId.of("sales"), UserId.of("vp"))
            .team(TeamId.of("east"), UserId.of("maria"), TeamId.of("sales"), t1)
            .member(UserId.of("ann"), TeamId.of("sales"))
            .member(UserId.of("bob"), TeamId.of("east"), t2, t3)
            .build();
    assertThat(org.changes()).containsExactly(t1, t2, t3);
    assertThat(OrgChart.builder().build().changes()).isEmpty();
  }
}
