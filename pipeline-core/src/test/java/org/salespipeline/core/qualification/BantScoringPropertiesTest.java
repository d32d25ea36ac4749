package org.salespipeline.core.qualification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salespipeline.core.qualification.QualificationArbitraries.TODAY;

import java.time.Period;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class BantScoringPropertiesTest {

  @Property
  void scoreIsAlwaysWithinZeroAndHundred(
      @ForAll("policies") BantPolicy policy, @ForAll("assessments") BantAssessment lead) {
    assertThat(BantFramework.of(policy).evaluate(lead, TODAY).score()).isBetween(0, 100);
  }

  @Property
  void eachCriterionEarnsBetweenNothingAndItsWeight(
      @ForAll("policies") BantPolicy policy, @ForAll("assessments") BantAssessment lead) {
    QualificationResult result = BantFramework.of(policy).evaluate(lead, TODAY);
    double[] weights = {
      policy.budgetWeight(), policy.authorityWeight(), policy.needWeight(), policy.timelineWeight()
    };

    for (int i = 0; i < weights.length; i++) {
      CriterionResult criterion = result.criteria().get(i);
      assertThat(criterion.points()).isBetween(0.0, weights[i]);
      if (criterion.met()) {
        assertThat(criterion.points()).isEqualTo(weights[i]);
      }
      assertThat(criterion.reason()).isNotBlank();
    }
  }

  @Property
  void verdictFollowsTheThresholds(
      @ForAll("policies") BantPolicy policy, @ForAll("assessments") BantAssessment lead) {
    QualificationResult result = BantFramework.of(policy).evaluate(lead, TODAY);

    ScoringInvariants.assertVerdictConsistent(
        result, policy.qualifiedScore(), policy.nurtureScore(), policy.minimumCriteriaMet());
  }

  @Property
  void improvingTheBudgetNeverLowersTheScore(
      @ForAll("policies") BantPolicy policy,
      @ForAll("assessments") BantAssessment lead,
      @ForAll @LongRange(max = 200_000) long extra,
      @ForAll @IntRange(max = 2) int how) {
    BantAssessment better =
        BantAssessment.builder()
            .from(lead)
            .budget(QualificationArbitraries.improve(lead.budget(), extra, how))
            .build();

    assertNotWorse(policy, lead, better);
  }

  @Property
  void improvingTheAuthorityNeverLowersTheScore(
      @ForAll("policies") BantPolicy policy,
      @ForAll("assessments") BantAssessment lead,
      @ForAll AuthorityRole candidate) {
    BantAssessment better =
        BantAssessment.builder()
            .from(lead)
            .authority(
                QualificationArbitraries.improve(
                    lead.authority(), candidate, policy.authorityCredit()))
            .build();

    assertNotWorse(policy, lead, better);
  }

  @Property
  void improvingTheNeedNeverLowersTheScore(
      @ForAll("policies") BantPolicy policy,
      @ForAll("assessments") BantAssessment lead,
      @ForAll NeedSeverity candidate) {
    BantAssessment better =
        BantAssessment.builder()
            .from(lead)
            .need(QualificationArbitraries.improve(lead.need(), candidate))
            .build();

    assertNotWorse(policy, lead, better);
  }

  @Property
  void improvingTheTimelineNeverLowersTheScore(
      @ForAll("policies") BantPolicy policy,
      @ForAll("assessments") BantAssessment lead,
      @ForAll @IntRange(max = 400) int daysFromToday) {
    BantAssessment better =
        BantAssessment.builder()
            .from(lead)
            .timeline(
                QualificationArbitraries.improve(
                    lead.timeline(), policy.maximumHorizon(), daysFromToday))
            .build();

    assertNotWorse(policy, lead, better);
  }

  private static void assertNotWorse(
      BantPolicy policy, BantAssessment lead, BantAssessment better) {
    BantFramework framework = BantFramework.of(policy);
    ScoringInvariants.assertNotWorse(
        framework.evaluate(lead, TODAY), framework.evaluate(better, TODAY));
  }

  @Provide
  Arbitrary<BantPolicy> policies() {
    return Combinators.combine(
            QualificationArbitraries.weights(),
            QualificationArbitraries.thresholds(),
            QualificationArbitraries.authorityCredit(),
            QualificationArbitraries.minimum(),
            Arbitraries.of(true, false),
            Arbitraries.of(NeedSeverity.class),
            Arbitraries.integers().between(0, 365))
        .as(
            (weights, thresholds, credit, minimum, confirmed, severity, horizonDays) ->
                policy(weights, thresholds)
                    .authorityCredit(credit)
                    .minimumBudget(minimum)
                    .budgetMustBeConfirmed(confirmed)
                    .minimumNeedSeverity(severity)
                    .maximumHorizon(Period.ofDays(horizonDays))
                    .build());
  }

  private static BantPolicy.Builder policy(List<Integer> weights, int[] thresholds) {
    return BantPolicy.builder()
        .budgetWeight(weights.get(0))
        .authorityWeight(weights.get(1))
        .needWeight(weights.get(2))
        .timelineWeight(weights.get(3))
        .qualifiedScore(thresholds[0])
        .nurtureScore(thresholds[1])
        .minimumCriteriaMet(thresholds[2]);
  }

  @Provide
  Arbitrary<BantAssessment> assessments() {
    return Combinators.combine(
            QualificationArbitraries.budgets(),
            Arbitraries.of(AuthorityRole.class),
            QualificationArbitraries.needs(),
            QualificationArbitraries.timelines())
        .as(
            (budget, authority, need, timeline) ->
                BantAssessment.builder()
                    .budget(budget)
                    .authority(authority)
                    .need(need)
                    .timeline(timeline)
                    .build());
  }
}
