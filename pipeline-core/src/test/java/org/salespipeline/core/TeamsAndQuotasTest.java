package org.salespipeline.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.salespipeline.core.Fixtures.ALICE;
import static org.salespipeline.core.Fixtures.BOB;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TeamsAndQuotasTest {
  SalesPipeline pipeline = Fixtures.engine(Fixtures.clock());

  @Test
  void teamsFormAHierarchyAndQuotasAreKeptPerOwnerOrTeamAndPeriod() {
    Team sales =
        pipeline.saveTeam(
            Team.builder()
                .id(TeamId.of("sales"))
                .workspace(pipeline.workspace())
                .name("Sales")
                .manager(UserId.of("carol"))
                .build());
    Team east =
        pipeline.saveTeam(
            Team.builder()
                .id(TeamId.of("east"))
                .workspace(pipeline.workspace())
                .name("East")
                .manager(BOB)
                .addMembers(ALICE, BOB)
                .parent(sales.id())
                .build());

    LocalDate q1 = LocalDate.of(2026, 1, 1);
    pipeline.setQuota(
        Quota.builder()
            .workspace(pipeline.workspace())
            .owner(ALICE)
            .periodStart(q1)
            .periodEnd(q1.plusMonths(3).minusDays(1))
            .amount(Money.of(100_000, "USD"))
            .build());
    pipeline.setQuota(
        Quota.builder()
            .workspace(pipeline.workspace())
            .team(east.id())
            .periodStart(q1)
            .periodEnd(q1.plusMonths(3).minusDays(1))
            .amount(Money.of(250_000, "USD"))
            .build());
    // Setting the same owner and period again replaces the quota.
    pipeline.setQuota(
        Quota.builder()
            .workspace(pipeline.workspace())
            .owner(ALICE)
            .periodStart(q1)
            .periodEnd(q1.plusMonths(3).minusDays(1))
            .amount(Money.of(120_000, "USD"))
            .build());

    assertThat(pipeline.teams()).extracting(Team::id).containsExactly(east.id(), sales.id());
    assertThat(pipeline.teams().get(0).parent()).contains(sales.id());
    assertThat(pipeline.quotas())
        .hasSize(2)
        .anySatisfy(q -> assertThat(q.amount()).isEqualTo(Money.of(120_000, "USD")));
  }

  @Test
  void quotasNeedExactlyOneSubjectAndAnOrderedPeriod() {
    LocalDate day = LocalDate.of(2026, 1, 1);
    assertThatThrownBy(
            () ->
                Quota.builder()
                    .workspace(pipeline.workspace())
                    .periodStart(day)
                    .periodEnd(day)
                    .amount(Money.of(1, "USD"))
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("exactly one of owner and team");
    assertThatThrownBy(
            () ->
                Quota.builder()
                    .workspace(pipeline.workspace())
                    .owner(ALICE)
                    .periodStart(day)
                    .periodEnd(day.minusDays(1))
                    .amount(Money.of(1, "USD"))
                    .build())
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.concerns("periodEnd")).isTrue());
    assertThatThrownBy(
            () ->
                pipeline.setQuota(
                    Quota.builder()
                        .workspace(WorkspaceId.of("elsewhere"))
                        .owner(ALICE)
                        .periodStart(day)
                        .periodEnd(day)
                        .amount(Money.of(1, "USD"))
                        .build()))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.concerns("workspace")).isTrue());
  }
}
