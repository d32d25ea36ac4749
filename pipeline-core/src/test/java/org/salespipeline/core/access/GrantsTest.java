package org.salespipeline.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.ConfigurationException;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealId;
import org.salespipeline.core.DealKind;
import org.salespipeline.core.DealSource;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.Money;
import org.salespipeline.core.PipelineId;
import org.salespipeline.core.TeamId;
import org.salespipeline.core.UserId;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.org.OrgChart;
import org.salespipeline.core.store.DealScope;

/** The grants of the built-in policy, one by one. */
class GrantsTest {
  static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
  static final UserId ALICE = UserId.of("alice");
  static final UserId BOB = UserId.of("bob");
  static final UserId MIA = UserId.of("mia");
  static final UserId VP = UserId.of("vp");
  static final UserId DAVE = UserId.of("dave");

  static Deal deal(UserId owner, String stage) {
    return Deal.builder()
        .id(new DealId(java.util.UUID.nameUUIDFromBytes((owner + stage).getBytes())))
        .workspace(WorkspaceId.of("w"))
        .pipeline(PipelineId.of("new_business"))
        .stage(stage)
        .status(DealStatus.OPEN)
        .name("Deal")
        .kind(DealKind.NEW_BUSINESS)
        .owner(owner)
        .amount(Money.of(1000, "USD"))
        .expectedCloseDate(LocalDate.of(2026, 5, 1))
        .source(DealSource.OTHER)
        .forecastCategory(ForecastCategory.PIPELINE)
        .createdAt(NOW)
        .stageEnteredAt(NOW)
        .version(1)
        .lastEventSequence(1)
        .build();
  }

  static OrgChart org() {
    return OrgChart.builder()
        .team(TeamId.of("sales"), VP)
        .team(TeamId.of("east"), MIA, TeamId.of("sales"))
        .member(ALICE, TeamId.of("east"))
        .member(BOB, TeamId.of("east"))
        .build();
  }

  @Test
  void theOwnerMayWorkTheDealButNotReassignOrOverride() {
    Grants grants = Grants.builder().build();
    Deal deal = deal(ALICE, "prospecting");
    Principal alice = Principal.of(ALICE);

    for (Action a : Set.of(Action.VIEW, Action.EDIT, Action.MOVE, Action.CLOSE, Action.REOPEN)) {
      assertThat(grants.decide(alice, a, deal, NOW)).isEqualTo(Decision.allow("owner"));
    }
    assertThat(grants.decide(alice, Action.REASSIGN, deal, NOW).allowed()).isFalse();
    assertThat(grants.decide(alice, Action.OVERRIDE_RULE, deal, NOW).reason())
        .isEqualTo("no grant gives OVERRIDE_RULE on a deal owned by alice");
  }

  @Test
  void managersReachTheirWholeReportingSubtreeAndTeamMembersSeeEachOther() {
    Grants grants = Grants.builder().org(org()).build();
    Deal alices = deal(ALICE, "prospecting");

    assertThat(grants.decide(Principal.of(MIA), Action.REASSIGN, alices, NOW))
        .isEqualTo(Decision.allow("manager of alice"));
    assertThat(grants.decide(Principal.of(VP), Action.OVERRIDE_RULE, alices, NOW).allowed())
        .isTrue();
    assertThat(grants.decide(Principal.of(BOB), Action.VIEW, alices, NOW))
        .isEqualTo(Decision.allow("team member of alice"));
    assertThat(grants.decide(Principal.of(BOB), Action.EDIT, alices, NOW).allowed()).isFalse();
    assertThat(grants.readScope(Principal.of(MIA), NOW).owners()).containsOnly(MIA, ALICE, BOB);
    assertThat(grants.readScope(Principal.of(VP), NOW).owners()).containsOnly(VP, ALICE, BOB, MIA);
  }

  @Test
  void dealTeamsSharesRolesAndUnassignedDeals() {
    Deal carols = deal(UserId.of("carol"), "prospecting");
    Deal unassigned = deal(UserId.of("unassigned"), "prospecting");
    Grants grants =
        Grants.builder()
            .dealTeam(carols.id(), BOB, true)
            .share(carols.id(), ALICE, "covering for carol")
            .role("sales-ops", Action.VIEW)
            .unassignedVisible(true, UserId.of("unassigned"))
            .build();

    assertThat(grants.decide(Principal.of(BOB), Action.MOVE, carols, NOW))
        .isEqualTo(Decision.allow("deal team member"));
    assertThat(grants.decide(Principal.of(ALICE), Action.VIEW, carols, NOW))
        .isEqualTo(Decision.allow("shared: covering for carol"));
    assertThat(grants.decide(Principal.of(ALICE), Action.EDIT, carols, NOW).allowed()).isFalse();
    assertThat(grants.decide(Principal.of(DAVE, "sales-ops"), Action.VIEW, carols, NOW))
        .isEqualTo(Decision.allow("role sales-ops"));
    assertThat(grants.readScope(Principal.of(DAVE, "sales-ops"), NOW)).isEqualTo(DealScope.all());
    assertThat(grants.decide(Principal.of(DAVE), Action.VIEW, unassigned, NOW))
        .isEqualTo(Decision.allow("unassigned deal"));
    assertThat(grants.readScope(Principal.of(ALICE), NOW).deals()).containsExactly(carols.id());
  }

  @Test
  void aLockedStageRefusesChangesButNotViews() {
    Grants grants =
        Grants.builder()
            .role("ops", Action.EDIT)
            .lockEditing(Set.of("closed_won"), Set.of("ops"))
            .build();
    Deal won = deal(ALICE, "closed_won");

    assertThat(grants.decide(Principal.of(ALICE), Action.VIEW, won, NOW).allowed()).isTrue();
    assertThat(grants.decide(Principal.of(ALICE), Action.REOPEN, won, NOW))
        .isEqualTo(Decision.deny("stage closed_won is locked for editing"));
    assertThat(grants.decide(Principal.of(DAVE, "ops"), Action.EDIT, won, NOW).allowed()).isTrue();
  }

  @Test
  void workspaceActionsGoByRoleOrToEveryone() {
    Grants grants =
        Grants.builder().role("ops", Action.MANAGE_QUOTA).everyone(Action.SUBMIT_FORECAST).build();

    assertThat(grants.decideWorkspace(Principal.of(ALICE), Action.SUBMIT_FORECAST, NOW))
        .isEqualTo(Decision.allow("granted to everyone"));
    assertThat(grants.decideWorkspace(Principal.of(ALICE), Action.MANAGE_QUOTA, NOW).allowed())
        .isFalse();
    assertThat(grants.decideWorkspace(Principal.of(ALICE, "ops"), Action.MANAGE_QUOTA, NOW))
        .isEqualTo(Decision.allow("role ops"));
    assertThat(grants.decideWorkspace(Principal.system("sweep"), Action.ADMIN, NOW).allowed())
        .isTrue();
    assertThat(
            Grants.builder()
                .systemPrincipals(false)
                .build()
                .decideWorkspace(Principal.system("sweep"), Action.ADMIN, NOW)
                .allowed())
        .isFalse();
  }

  @Test
  void badSettingsAreRefusedNamingTheSetting() {
    assertThatThrownBy(() -> Grants.builder().owner(Action.IMPORT))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("owner takes deal actions only");
    assertThatThrownBy(() -> Grants.builder().everyone(Action.VIEW))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("everyone takes workspace actions only");
    assertThatThrownBy(() -> Grants.builder().share(deal(ALICE, "x").id(), BOB, " "))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("needs a reason");
    assertThatThrownBy(() -> Grants.builder().org(null))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("org");
  }

  @Test
  void withoutAPolicyEverythingIsAllowed() {
    AccessPolicy all = AccessPolicy.allowAll();
    assertThat(all.decide(Principal.of(DAVE), Action.ADMIN, deal(ALICE, "x"), NOW).allowed())
        .isTrue();
    assertThat(all.readScope(Principal.of(DAVE), NOW).everything()).isTrue();
  }
}
