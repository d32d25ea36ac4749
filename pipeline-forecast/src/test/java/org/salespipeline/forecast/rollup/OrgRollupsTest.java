package org.salespipeline.forecast.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.TeamId;
import org.salespipeline.core.UserId;
import org.salespipeline.core.ValidationException;
import org.salespipeline.core.org.OrgChart;
import org.salespipeline.core.org.OrgNode;
import org.salespipeline.forecast.CategoryRollup;
import org.salespipeline.forecast.ForecastPeriod;
import org.salespipeline.forecast.Forecaster;
import org.salespipeline.forecast.PipelineSnapshot;

class OrgRollupsTest {
  private static final TeamId SALES = TeamId.of("sales");
  private static final TeamId EAST = TeamId.of("east");
  private static final TeamId WEST = TeamId.of("west");
  private static final UserId ANN = UserId.of("ann");
  private static final UserId BOB = UserId.of("bob");
  private static final Instant MOVE = Instant.parse("2026-05-01T00:00:00Z");
  private static final ForecastPeriod Q2 = ForecastPeriod.quarter(2026, 2);

  /** Ann is in east until May 1, then in west; Bob is in both east and west throughout. */
  private static OrgChart org() {
    return OrgChart.builder()
        .team(SALES, UserId.of("vp"))
        .team(EAST, UserId.of("maria"), SALES)
        .team(WEST, UserId.of("wes"), SALES)
        .member(ANN, EAST, Instant.MIN, MOVE)
        .member(ANN, WEST, MOVE, null)
        .member(BOB, EAST)
        .member(BOB, WEST)
        .build();
  }

  private static PipelineSnapshot snapshot() {
    return PipelineSnapshot.builder(Currency.getInstance("USD"), LocalDate.of(2026, 5, 15))
        .deal("won-in-april")
        .amountMinor(100)
        .closeDate(LocalDate.of(2026, 4, 10))
        .stage("s")
        .owner("ann")
        .status(DealStatus.WON)
        .add()
        .deal("won-in-may")
        .amountMinor(20)
        .closeDate(LocalDate.of(2026, 5, 10))
        .stage("s")
        .owner("ann")
        .status(DealStatus.WON)
        .add()
        .deal("open-commit")
        .amountMinor(7)
        .closeDate(LocalDate.of(2026, 6, 1))
        .stage("s")
        .owner("ann")
        .category(ForecastCategory.COMMIT)
        .add()
        .deal("bob-best-case")
        .amountMinor(1000)
        .closeDate(LocalDate.of(2026, 6, 2))
        .stage("s")
        .owner("bob")
        .category(ForecastCategory.BEST_CASE)
        .add()
        .deal("bob-omitted")
        .amountMinor(5000)
        .closeDate(LocalDate.of(2026, 6, 2))
        .stage("s")
        .owner("bob")
        .category(ForecastCategory.OMITTED)
        .add()
        .deal("next-quarter")
        .amountMinor(3)
        .closeDate(LocalDate.of(2026, 7, 1))
        .stage("s")
        .owner("ann")
        .category(ForecastCategory.COMMIT)
        .add()
        .build();
  }

  @Test
  void aMovedRepsWonDealsStayWhereTheyClosedAndTheirOpenDealsMoveWithThem() {
    OrgRollups r = OrgRollups.of(Forecaster.of(snapshot()), org());
    assertThat(r.of(OrgNode.team(EAST), Q2))
        .isEqualTo(new CategoryRollup(100, 100, 100, 1100, 1100));
    assertThat(r.of(OrgNode.team(WEST), Q2)).isEqualTo(new CategoryRollup(20, 27, 27, 1027, 1027));
    assertThat(r.of(OrgNode.user(ANN), Q2)).isEqualTo(new CategoryRollup(120, 127, 127, 127, 127));
  }

  @Test
  void aUserInTwoTeamsCountsInEachButOnceAbove() {
    OrgRollups r = OrgRollups.of(Forecaster.of(snapshot()), org());
    CategoryRollup sales = r.of(OrgNode.team(SALES), Q2);
    assertThat(sales).isEqualTo(new CategoryRollup(120, 127, 127, 1127, 1127));
    assertThat(sales).isEqualTo(Forecaster.of(snapshot()).rollup(Q2));
    assertThat(r.all(Q2)).containsEntry(OrgNode.team(SALES), sales).hasSize(5);
  }

  @Test
  void unknownNodesAndEmptyPeriodsAreZero() {
    OrgRollups r = OrgRollups.of(Forecaster.of(snapshot()), org());
    CategoryRollup zero = new CategoryRollup(0, 0, 0, 0, 0);
    assertThat(r.of(OrgNode.team(TeamId.of("nobody")), Q2)).isEqualTo(zero);
    assertThat(r.of(OrgNode.team(SALES), ForecastPeriod.quarter(2030, 1))).isEqualTo(zero);
    assertThatThrownBy(() -> r.of(null, Q2))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.concerns("node")).isTrue());
  }

  @Test
  void teamQuotasAreTheirOwnOrTheSumOfTheirChildren() {
    NodeQuotas quotas =
        NodeQuotas.builder(org())
            .rule(SALES, QuotaRule.SUM_OF_CHILDREN)
            .rule(EAST, QuotaRule.SUM_OF_CHILDREN)
            .quota(OrgNode.user(ANN), Q2, "revenue", 300)
            .quota(OrgNode.user(BOB), Q2, "revenue", 500)
            .quota(OrgNode.team(WEST), Q2, "revenue", 2000)
            .quota(OrgNode.team(EAST), Q2, "revenue", 9)
            .build();
    // east sums Ann (a member on April 1) and Bob; its own 9 is ignored by its rule
    assertThat(quotas.quota(OrgNode.team(EAST), Q2, "revenue")).hasValue(800);
    assertThat(quotas.own(OrgNode.team(EAST), Q2, "revenue")).hasValue(9);
    // west keeps its own; sales sums east's members and west's own quota
    assertThat(quotas.quota(OrgNode.team(WEST), Q2, "revenue")).hasValue(2000);
    assertThat(quotas.quota(OrgNode.team(SALES), Q2, "revenue")).hasValue(2800);
    assertThat(quotas.quota(OrgNode.team(SALES), Q2, "units")).isEqualTo(OptionalLong.empty());
    assertThatThrownBy(
            () ->
                NodeQuotas.builder(org())
                    .quota(OrgNode.user(ANN), Q2, "revenue", 1)
                    .quota(OrgNode.user(ANN), Q2, "revenue", 2))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.concerns("quota")).isTrue());
    assertThatThrownBy(() -> NodeQuotas.builder(org()).quota(OrgNode.user(ANN), Q2, " ", 1))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.concerns("forecastType")).isTrue());
  }

  @Test
  void aSumOfChildrenCountsAUserInTwoChildTeamsOnce() {
    NodeQuotas quotas =
        NodeQuotas.builder(org())
            .defaultRule(QuotaRule.SUM_OF_CHILDREN)
            .quota(OrgNode.user(BOB), Q2, "revenue", 500)
            .build();
    assertThat(quotas.quota(OrgNode.team(SALES), Q2, "revenue")).hasValue(500);
    assertThat(quotas.quota(OrgNode.team(WEST), Q2, "revenue")).hasValue(500);
  }
}
