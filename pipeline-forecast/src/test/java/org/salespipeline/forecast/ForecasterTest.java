package org.salespipeline.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.ValidationException;

class ForecasterTest {
  static final Currency USD = Currency.getInstance("USD");
  static final LocalDate AS_OF = LocalDate.of(2026, 1, 20);
  static final ForecastPeriod JAN = ForecastPeriod.month(YearMonth.of(2026, 1));
  static final ForecastPeriod FEB = ForecastPeriod.month(YearMonth.of(2026, 2));

  static PipelineSnapshot pipeline() {
    return PipelineSnapshot.builder(USD, AS_OF)
        .deal("w1")
        .amountMinor(1000)
        .closeDate(LocalDate.of(2026, 1, 5))
        .stage("won")
        .owner("ann")
        .status(DealStatus.WON)
        .add()
        .deal("l1")
        .amountMinor(7000)
        .closeDate(LocalDate.of(2026, 1, 6))
        .stage("lost")
        .owner("ann")
        .status(DealStatus.LOST)
        .add()
        .deal("c1")
        .amountMinor(2000)
        .probability(0.8)
        .closeDate(LocalDate.of(2026, 1, 25))
        .stage("negotiate")
        .owner("ann")
        .category(ForecastCategory.COMMIT)
        .add()
        .deal("m1")
        .amountMinor(3000)
        .probability(0.5)
        .closeDate(LocalDate.of(2026, 1, 28))
        .stage("propose")
        .owner("bob")
        .category(ForecastCategory.MOST_LIKELY)
        .add()
        .deal("b1")
        .amountMinor(4000)
        .probability(0.25)
        .closeDate(LocalDate.of(2026, 1, 30))
        .stage("qualify")
        .owner("bob")
        .category(ForecastCategory.BEST_CASE)
        .add()
        .deal("p1")
        .amountMinor(5000)
        .probability(0.1)
        .closeDate(LocalDate.of(2026, 2, 3))
        .stage("qualify")
        .owner("cy")
        .add()
        .deal("o1")
        .amountMinor(9000)
        .probability(0.1)
        .closeDate(LocalDate.of(2026, 1, 29))
        .stage("qualify")
        .owner("cy")
        .category(ForecastCategory.OMITTED)
        .add()
        .build();
  }

  @Test
  void weightedPipelineByPeriodAndOwner() {
    Forecaster f = Forecaster.of(pipeline());
    assertThat(f.weighted()).isEqualTo(1600 + 1500 + 1000 + 500 + 900);
    assertThat(f.weighted(JAN)).isEqualTo(1600 + 1500 + 1000 + 900);
    ForecastTable t = f.weightedBy(List.of(JAN, FEB), Dimension.OWNER);
    assertThat(t.columns()).containsExactly("ann", "bob", "cy");
    assertThat(t.weighted(0, 0)).isEqualTo(1600);
    assertThat(t.weighted(0, 1)).isEqualTo(2500);
    assertThat(t.weighted(1, 2)).isEqualTo(500);
    assertThat(t.count(0, 1)).isEqualTo(2);
    assertThat(t.periodWeighted(0) + t.periodWeighted(1)).isEqualTo(f.weighted());
    assertThat(f.closed(JAN)).isEqualTo(1000);
  }

  @Test
  void cumulativeCategoryRollup() {
    CategoryRollup r = Forecaster.of(pipeline()).rollup(JAN);
    assertThat(r).isEqualTo(new CategoryRollup(1000, 3000, 6000, 10000, 10000));
  }

  @Test
  void quotaAttainmentGapAndCoverageThroughTeams() {
    TeamHierarchy teams =
        TeamHierarchy.builder()
            .team("sales", null)
            .team("east", "sales")
            .member("ann", "east")
            .member("bob", "east")
            .member("cy", "sales")
            .build();
    List<QuotaReport> reports =
        Forecaster.of(pipeline())
            .quotaReports(
                JAN,
                teams,
                List.of(new QuotaTarget("ann", JAN, 4000), new QuotaTarget("east", JAN, 0)));
    QuotaReport ann = reports.get(0);
    assertThat(ann.subject()).isEqualTo("ann");
    assertThat(ann.attainment()).hasValue(0.25);
    assertThat(ann.gap()).isEqualTo(3000);
    assertThat(ann.coverage()).hasValue(2000.0 / 3000);
    assertThat(ann.weighted()).isEqualTo(1000 + 1600);
    // ann: 1000 closed + 2000 open at p = 0.8 cannot reach 4000
    assertThat(ann.probabilityOfQuota()).hasValue(0.0);
    QuotaReport annAt3000 =
        Forecaster.of(pipeline())
            .quotaReports(JAN, TeamHierarchy.none(), List.of(new QuotaTarget("ann", JAN, 3000)))
            .get(0);
    assertThat(annAt3000.probabilityOfQuota().getAsDouble()).isCloseTo(0.8, within(1e-12));
    QuotaReport east = reports.stream().filter(x -> x.subject().equals("east")).findFirst().get();
    assertThat(east.rollup().bestCase()).isEqualTo(10000);
    assertThat(east.attainment()).isEmpty();
    assertThat(east.coverage()).isEmpty();
    assertThat(east.probabilityOfQuota()).isEmpty();
    QuotaReport sales = reports.stream().filter(x -> x.subject().equals("sales")).findFirst().get();
    assertThat(sales.rollup()).isEqualTo(new CategoryRollup(1000, 3000, 6000, 10000, 10000));
  }

  @Test
  void quotaReportWeightedCountsWonDealsOfThePeriodAtProbabilityOne() {
    // issue 13, defect 7: the Javadoc says "closed plus the weighted open pipeline"; the won
    // deal w1 (1000, January) was left out. The lost deal l1 never counts.
    TeamHierarchy teams =
        TeamHierarchy.builder()
            .team("sales", null)
            .team("east", "sales")
            .member("ann", "east")
            .member("bob", "east")
            .member("cy", "sales")
            .build();
    Forecaster f = Forecaster.of(pipeline());
    List<QuotaReport> jan = f.quotaReports(JAN, teams, List.of());
    assertThat(jan)
        .extracting(QuotaReport::subject, QuotaReport::weighted)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ann", 1000 + 1600.0),
            org.assertj.core.groups.Tuple.tuple("bob", 1500 + 1000.0),
            org.assertj.core.groups.Tuple.tuple("cy", 900.0),
            org.assertj.core.groups.Tuple.tuple("sales", 6000.0),
            org.assertj.core.groups.Tuple.tuple("east", 5100.0));
    // the whole team is what the forecaster says: closed plus weighted
    assertThat(f.closed(JAN) + f.weighted(JAN)).isEqualTo(6000);
    // a won deal of another period does not count in February
    assertThat(f.quotaReports(FEB, teams, List.of()).get(0).weighted()).isZero();
  }

  @Test
  void refusesOverlappingPeriodsAndBadProbabilities() {
    Forecaster f = Forecaster.of(pipeline());
    assertThatThrownBy(() -> f.weightedBy(List.of(FEB, JAN), Dimension.TOTAL))
        .isInstanceOf(ValidationException.class);
    double[] bad = new double[7];
    bad[2] = Double.NaN;
    assertThatThrownBy(() -> f.withProbabilities(bad)).isInstanceOf(ValidationException.class);
  }

  @Test
  void periodDistributionCountsClosedAsCertain() {
    var d = Forecaster.of(pipeline()).distribution(JAN);
    assertThat(d.mean()).isEqualTo(1000 + 1600 + 1500 + 1000 + 900);
    assertThat(d.p10()).isGreaterThanOrEqualTo(1000);
    assertThat(d.p90()).isLessThanOrEqualTo(1000 + 2000 + 3000 + 4000 + 9000);
  }

  @Test
  void periodMonteCarloReportsProgressAndMatchesTheDistributionRange() {
    java.util.List<Long> done = new java.util.ArrayList<>();
    var d = Forecaster.of(pipeline()).monteCarlo(JAN, 2000, 42, (n, total) -> done.add(n));
    // 2000 trials: 8 blocks of 256, each reported
    assertThat(done).containsExactly(0L, 256L, 512L, 768L, 1024L, 1280L, 1536L, 1792L, 2000L);
    assertThat(d.mean()).isEqualTo(1000 + 1600 + 1500 + 1000 + 900);
    assertThat(d.p10()).isGreaterThanOrEqualTo(1000);
    assertThat(d.p90()).isLessThanOrEqualTo(1000 + 2000 + 3000 + 4000 + 9000);
    assertThat(Forecaster.of(pipeline()).monteCarlo(JAN, 2000, 42, (n, total) -> {}).p50())
        .isEqualTo(d.p50());
  }
}
