package org.salespipeline.core.qualification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salespipeline.core.qualification.QualificationArbitraries.TODAY;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class ChampScoringPropertiesTest {

  @Property
  void scoreIsWithinRangeAndVerdictFollowsTheThresholds(
      @ForAll("policies") ChampPolicy policy, @ForAll("assessments") ChampAssessment lead) {
    QualificationResult result = ChampFramework.of(policy).evaluate(lead, TODAY);

    assertThat(result.score()).isBetween(0, 100);
    assertThat(result.criteria()).hasSize(4);
    ScoringInvariants.assertVerdictConsistent(
        result, policy.qualifiedScore(), policy.nurtureScore(), policy.minimumCriteriaMet());
  }

  @Property
  void improvingTheChallengesNeverLowersTheScore(
      @ForAll("policies") ChampPolicy policy,
      @ForAll("assessments") ChampAssessment lead,
      @ForAll NeedSeverity candidate) {
    assertNotWorse(
        policy,
        lead,
        ChampAssessment.builder()
            .from(lead)
            .challenges(QualificationArbitraries.improve(lead.challenges(), candidate))
            .build());
  }

  @Property
  void improvingTheAuthorityNeverLowersTheScore(
      @ForAll("policies") ChampPolicy policy,
      @ForAll("assessments") ChampAssessment lead,
      @ForAll AuthorityRole candidate) {
    assertNotWorse(
        policy,
        lead,
        ChampAssessment.builder()
            .from(lead)
            .authority(
                QualificationArbitraries.improve(
                    lead.authority(), candidate, policy.authorityCredit()))
            .build());
  }

  @Property
  void improvingTheMoneyNeverLowersTheScore(
      @ForAll("policies") ChampPolicy policy,
      @ForAll("assessments") ChampAssessment lead,
      @ForAll @LongRange(max = 200_000) long extra,
      @ForAll @IntRange(max = 2) int how) {
    assertNotWorse(
        policy,
        lead,
        ChampAssessment.builder()
            .from(lead)
            .money(QualificationArbitraries.improve(lead.money(), extra, how))
            .build());
  }

  @Property
  void improvingThePrioritizationNeverLowersTheScore(
      @ForAll("policies") ChampPolicy policy,
      @ForAll("assessments") ChampAssessment lead,
      @ForAll Priority candidate) {
    assertNotWorse(
        policy,
        lead,
        ChampAssessment.builder()
            .from(lead)
            .prioritization(QualificationArbitraries.improve(lead.prioritization(), candidate))
            .build());
  }

  private static void assertNotWorse(
      ChampPolicy policy, ChampAssessment lead, ChampAssessment better) {
    ChampFramework framework = ChampFramework.of(policy);
    ScoringInvariants.assertNotWorse(
        framework.evaluate(lead, TODAY), framework.evaluate(better, TODAY));
  }

  @Provide
  Arbitrary<ChampPolicy> policies() {
    return Combinators.combine(
            QualificationArbitraries.weights(),
            QualificationArbitraries.thresholds(),
            QualificationArbitraries.authorityCredit(),
            QualificationArbitraries.minimum(),
            Arbitraries.of(true, false),
            Arbitraries.of(NeedSeverity.class),
            Arbitraries.of(Priority.LOW, Priority.MEDIUM, Priority.HIGH, Priority.TOP))
        .as(
            (weights, thresholds, credit, minimum, confirmed, severity, priority) ->
                policy(weights, thresholds)
                    .authorityCredit(credit)
                    .minimumMoney(minimum)
                    .moneyMustBeConfirmed(confirmed)
                    .minimumChallengeSeverity(severity)
                    .minimumPriority(priority)
                    .build());
  }

  private static ChampPolicy.Builder policy(List<Integer> weights, int[] thresholds) {
    return ChampPolicy.builder()
        .challengesWeight(weights.get(0))
        .authorityWeight(weights.get(1))
        .moneyWeight(weights.get(2))
        .prioritizationWeight(weights.get(3))
        .qualifiedScore(thresholds[0])
        .nurtureScore(thresholds[1])
        .minimumCriteriaMet(thresholds[2]);
  }

  @Provide
  Arbitrary<ChampAssessment> assessments() {
    return Combinators.combine(
            QualificationArbitraries.needs(),
            Arbitraries.of(AuthorityRole.class),
            QualificationArbitraries.budgets(),
            Arbitraries.of(Priority.class))
        .as(
            (challenges, authority, money, priority) ->
                ChampAssessment.builder()
                    .challenges(challenges)
                    .authority(authority)
                    .money(money)
                    .prioritization(priority)
                    .build());
  }
}
