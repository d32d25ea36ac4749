package org.salespipeline.core.qualification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salespipeline.core.qualification.BantPolicyTest.assertProblem;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Money;

class ChampFrameworkTest {
  private static final LocalDate TODAY = LocalDate.of(2025, 3, 15);
  private static final ChampFramework DEFAULTS = ChampFramework.withDefaults();

  private static final ChampAssessment STRONG_LEAD =
      ChampAssessment.builder()
          .challenges(Need.of(NeedSeverity.CRITICAL, "churn doubled this year"))
          .authority(AuthorityRole.DECISION_MAKER)
          .money(Budget.unconfirmed(Money.of(20_000, "EUR")))
          .prioritization(Priority.TOP)
          .build();

  @Test
  void aLeadMeetingEveryCriterionScoresFullMarksAndQualifies() {
    QualificationResult result = DEFAULTS.evaluate(STRONG_LEAD, TODAY);

    assertThat(result.frameworkKey()).isEqualTo("champ");
    assertThat(result.score()).isEqualTo(100);
    assertThat(result.verdict()).isEqualTo(Verdict.QUALIFIED);
    assertThat(result.criteria())
        .extracting(CriterionResult::key)
        .containsExactly("challenges", "authority", "money", "prioritization");
    assertThat(result.criteria())
        .extracting(CriterionResult::reason)
        .containsExactly(
            "critical challenge, at least medium required (churn doubled this year)",
            "decision maker engaged",
            "budget of 20000.00 EUR not confirmed",
            "top priority, at least high required");
  }

  @Test
  void challengesWeighMostSoMissingThemOnlyNurtures() {
    ChampAssessment noChallenges =
        ChampAssessment.builder().from(STRONG_LEAD).challenges(Need.unknown()).build();
    ChampAssessment noMoney =
        ChampAssessment.builder().from(STRONG_LEAD).money(Budget.unknown()).build();

    QualificationResult withoutChallenges = DEFAULTS.evaluate(noChallenges, TODAY);
    QualificationResult withoutMoney = DEFAULTS.evaluate(noMoney, TODAY);

    assertThat(withoutChallenges.score()).isEqualTo(65);
    assertThat(withoutChallenges.verdict()).isEqualTo(Verdict.NURTURE);
    assertThat(withoutChallenges.criterion("challenges").orElseThrow().reason())
        .isEqualTo("no challenge identified");
    assertThat(withoutMoney.score()).isEqualTo(85);
    assertThat(withoutMoney.verdict()).isEqualTo(Verdict.QUALIFIED);
    assertThat(withoutMoney.criterion("money").orElseThrow().reason()).isEqualTo("no budget known");
  }

  @Test
  void prioritizationBelowTheMinimumOrUnknownIsNotMet() {
    CriterionResult medium =
        DEFAULTS
            .evaluate(
                ChampAssessment.builder().from(STRONG_LEAD).prioritization(Priority.MEDIUM).build(),
                TODAY)
            .criterion("prioritization")
            .orElseThrow();
    CriterionResult unknown =
        DEFAULTS
            .evaluate(ChampAssessment.builder().build(), TODAY)
            .criterion("prioritization")
            .orElseThrow();

    assertThat(medium.met()).isFalse();
    assertThat(medium.reason()).isEqualTo("medium priority, below the required high");
    assertThat(unknown.met()).isFalse();
    assertThat(unknown.reason()).isEqualTo("priority unknown");
  }

  @Test
  void anInfluencerWithModestChallengesIsDisqualifiedWhenLittleElseIsKnown() {
    ChampAssessment lead =
        ChampAssessment.builder()
            .challenges(Need.of(NeedSeverity.LOW))
            .authority(AuthorityRole.INFLUENCER)
            .prioritization(Priority.HIGH)
            .build();

    QualificationResult result = DEFAULTS.evaluate(lead, TODAY);

    assertThat(result.score()).isEqualTo(38);
    assertThat(result.verdict()).isEqualTo(Verdict.DISQUALIFIED);
  }

  @Test
  void moneyInAnotherCurrencyThanTheMinimumIsNotMet() {
    ChampFramework framework =
        ChampFramework.of(ChampPolicy.builder().minimumMoney(Money.of(5_000, "USD")).build());

    CriterionResult money = framework.evaluate(STRONG_LEAD, TODAY).criterion("money").orElseThrow();

    assertThat(money.met()).isFalse();
    assertThat(money.reason()).contains("could not be compared with the minimum 5000.00 USD");
  }

  @Test
  void policyDefaultsAndValidation() {
    ChampPolicy policy = ChampPolicy.defaults();

    assertThat(policy.totalWeight()).isEqualTo(100.0);
    assertThat(policy.minimumPriority()).isEqualTo(Priority.HIGH);
    assertThat(policy.moneyMustBeConfirmed()).isFalse();
    assertProblem(
        () -> ChampPolicy.builder().minimumPriority(Priority.UNKNOWN).build(),
        "minimumPriority",
        "UNKNOWN");
    assertProblem(() -> ChampPolicy.builder().moneyWeight(-0.5).build(), "moneyWeight", "-0.5");
    assertProblem(() -> ChampPolicy.builder().nurtureScore(80).build(), "nurtureScore", "80");
  }

  @Test
  void describesItself() {
    assertThat(DEFAULTS.key()).isEqualTo("champ");
    assertThat(DEFAULTS.assessmentType()).isEqualTo(ChampAssessment.class);
    assertThat(((QualificationFramework<?>) DEFAULTS).evaluateAny(STRONG_LEAD, TODAY).score())
        .isEqualTo(100);
  }
}
