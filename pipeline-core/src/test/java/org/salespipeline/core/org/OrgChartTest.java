package org.salespipeline.core.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Team;
import org.salespipeline.core.TeamId;
import org.salespipeline.core.UserId;
import org.salespipeline.core.ValidationException;
import org.salespipeline.core.WorkspaceId;

class OrgChartTest {
  static final TeamId SALES = TeamId.of("sales");
  static final TeamId EAST = TeamId.of("east");
  static final TeamId WEST = TeamId.of("west");
  static final UserId VP = UserId.of("vp");
  static final UserId MARIA = UserId.of("maria");
  static final UserId JO = UserId.of("jo");
  static final UserId ANN = UserId.of("ann");
  static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");
  static final Instant JUL = Instant.parse("2026-07-01T00:00:00Z");

  OrgChart chart() {
    return OrgChart.builder()
        .team(SALES, VP)
        .team(EAST, MARIA, SALES)
        .team(WEST, JO, SALES)
        .member(ANN, EAST, JAN, JUL)
        .member(ANN, WEST, JUL, null)
        .build();
  }

  @Test
  void aMoveKeepsThePastWhereItWas() {
    OrgChart org = chart();
    assertThat(org.teamsOf(ANN, JAN)).containsExactly(EAST);
    assertThat(org.teamsOf(ANN, JUL)).containsExactly(WEST);
    assertThat(org.teamsOf(ANN, JAN.minusSeconds(1))).isEmpty();
    assertThat(org.manages(MARIA, ANN, JAN)).isTrue();
    assertThat(org.manages(MARIA, ANN, JUL)).isFalse();
    assertThat(org.manages(JO, ANN, JUL)).isTrue();
  }

  @Test
  void aManagerOfAParentTeamManagesEveryoneBelowIt() {
    OrgChart org = chart();
    assertThat(org.reportingSubtree(VP, JAN)).containsExactlyInAnyOrder(MARIA, JO, ANN);
    assertThat(org.reportingSubtree(MARIA, JAN)).containsExactly(ANN);
    assertThat(org.reportingSubtree(ANN, JAN)).isEmpty();
    assertThat(org.manages(ANN, MARIA, JAN)).isFalse();
    assertThat(org.ancestorsOf(EAST, JAN)).containsExactly(SALES);
    assertThat(org.subtreeOf(SALES, JAN)).containsExactly(SALES, EAST, WEST);
  }

  @Test
  void aTeamChangesManagerAndParentFromAnInstantAndCanBeDissolved() {
    OrgChart org =
        OrgChart.builder()
            .team(SALES, VP)
            .team(EAST, MARIA, SALES)
            .team(WEST, JO, null)
            .team(WEST, JO, SALES, JUL)
            .team(EAST, JO, SALES, JUL)
            .dissolve(EAST, Instant.parse("2027-01-01T00:00:00Z"))
            .member(ANN, EAST)
            .build();
    assertThat(org.parentOf(WEST, JAN)).isEmpty();
    assertThat(org.parentOf(WEST, JUL)).contains(SALES);
    assertThat(org.managerOf(EAST, JAN)).contains(MARIA);
    assertThat(org.managerOf(EAST, JUL)).contains(JO);
    Instant later = Instant.parse("2027-02-01T00:00:00Z");
    assertThat(org.teams(later)).containsExactly(SALES, WEST);
    assertThat(org.teamsOf(ANN, later)).isEmpty();
    assertThat(org.membersOf(EAST, later)).isEmpty();
  }

  @Test
  void badChartsAreRefusedNamingTheField() {
    assertThatThrownBy(() -> OrgChart.builder().member(ANN, EAST))
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).concerns("team")).isTrue());
    assertThatThrownBy(() -> OrgChart.builder().team(EAST, MARIA, SALES).build())
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).concerns("parent")).isTrue());
    assertThatThrownBy(
            () -> OrgChart.builder().team(SALES, VP, EAST).team(EAST, MARIA, SALES).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("cycle");
    assertThatThrownBy(() -> OrgChart.builder().team(EAST, MARIA).member(ANN, EAST, JUL, JAN))
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).concerns("until")).isTrue());
    assertThatThrownBy(
            () ->
                OrgChart.builder().team(EAST, MARIA).member(ANN, EAST).member(ANN, EAST, JUL, null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("already a member");
    assertThatThrownBy(
            () -> OrgChart.builder().team(EAST, MARIA, null, JUL).team(EAST, JO, null, JAN))
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).concerns("from")).isTrue());
  }

  @Test
  void storedTeamsBecomeAnUndatedDirectory() {
    WorkspaceId ws = WorkspaceId.of("acme");
    Team east =
        Team.builder()
            .id(EAST)
            .workspace(ws)
            .name("East")
            .manager(MARIA)
            .members(List.of(ANN))
            .parent(Optional.of(SALES))
            .build();
    Team sales = Team.builder().id(SALES).workspace(ws).name("Sales").manager(VP).build();
    OrgDirectory org = OrgDirectory.fromTeams(List.of(east, sales));
    assertThat(org.teamsOf(ANN, Instant.EPOCH)).containsExactly(EAST);
    assertThat(org.reportingSubtree(VP, JUL)).containsExactlyInAnyOrder(MARIA, ANN);
    assertThatThrownBy(() -> OrgDirectory.fromTeams(List.of(east)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("not among the teams given");
  }

  @Test
  void theEmptyDirectoryKnowsNobody() {
    assertThat(OrgDirectory.none().teams(JAN)).isEmpty();
    assertThat(OrgDirectory.none().reportingSubtree(VP, JAN)).isEmpty();
  }
}
