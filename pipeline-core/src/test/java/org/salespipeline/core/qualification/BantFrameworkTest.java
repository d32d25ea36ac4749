package org.salespipeline.core.qualification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Period;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Money;
import org.salespipeline.core.ValidationException;

class BantFrameworkTest {
  static final LocalDate TODAY = LocalDate.of(2025, 3, 15);

  static final BantAssessment STRONG_LEAD =
      BantAssessment.builder()
          .budget(Budget.confirmed(Money.of(50_000, "USD")))
          .authority(AuthorityRole.DECISION_MAKER)
          .need(Need.of(NeedSeverity.HIGH, "month-end close takes two weeks"))
          .timeline(Timeline.within(Period.ofMonths(3)))
          .build();

  private static final BantFramework DEFAULTS = BantFramework.withDefaults();

  private static final BantFramework WITH_MINIMUM =
      BantFramework.of(BantPolicy.builder().minimumBudget(Money.of(10_000, "USD")).build());

  static CriterionResult criterion(BantFramework framework, BantAssessment assessment, String key) {
    return framework.evaluate(assessment, TODAY).criterion(key).orElseThrow();
  }

  @Test
  void aLeadMeetingEveryCriterionScoresFullMarksAndQualifies() {
    QualificationResult result = DEFAULTS.evaluate(STRONG_LEAD, TODAY);

    assertThat(result.frameworkKey()).isEqualTo("bant");
    assertThat(result.score()).isEqualTo(100);
    assertThat(result.verdict()).isEqualTo(Verdict.QUALIFIED);
    assertThat(result.isQualified()).isTrue();
    assertThat(result.criteriaMet()).isEqualTo(4);
    assertThat(result.criteria())
        .extracting(CriterionResult::key)
        .containsExactly("budget", "authority", "need", "timeline");
    assertThat(result.criteria()).extracting(CriterionResult::points).containsOnly(25.0);
  }

  @Test
  void anEmptyAssessmentIsDisqualifiedWithAReasonPerCriterion() {
    QualificationResult result = DEFAULTS.evaluate(BantAssessment.builder().build(), TODAY);

    assertThat(result.score()).isZero();
    assertThat(result.verdict()).isEqualTo(Verdict.DISQUALIFIED);
    assertThat(result.criteria())
        .extracting(CriterionResult::reason)
        .containsExactly(
            "no confirmed budget", "authority unknown", "no need identified", "timeline unknown");
  }

  @Test
  void anUnknownCriterionIsAbsentFromTheResult() {
    assertThat(DEFAULTS.evaluate(STRONG_LEAD, TODAY).criterion("champion")).isEmpty();
  }

  @Nested
  class BudgetCriterion {
    @Test
    void aConfirmedBudgetAboveTheMinimumIsMet() {
      CriterionResult budget = criterion(WITH_MINIMUM, STRONG_LEAD, "budget");

      assertThat(budget.met()).isTrue();
      assertThat(budget.points()).isEqualTo(25.0);
      assertThat(budget.reason())
          .isEqualTo("budget of 50000.00 USD confirmed, above the minimum 10000.00 USD");
    }

    @Test
    void aBudgetEqualToTheMinimumIsMet() {
      BantAssessment lead = lead(Budget.confirmed(Money.of(10_000, "USD")));

      CriterionResult budget = criterion(WITH_MINIMUM, lead, "budget");

      assertThat(budget.met()).isTrue();
      assertThat(budget.reason()).contains("equal to the minimum 10000.00 USD");
    }

    @Test
    void aBudgetBelowTheMinimumIsNotMet() {
      CriterionResult budget =
          criterion(WITH_MINIMUM, lead(Budget.confirmed(Money.of(9_999, "USD"))), "budget");

      assertThat(budget.met()).isFalse();
      assertThat(budget.points()).isZero();
      assertThat(budget.reason())
          .isEqualTo("budget of 9999.00 USD confirmed, below the minimum 10000.00 USD");
    }

    @Test
    void anUnconfirmedBudgetIsNotMetWhenConfirmationIsRequired() {
      CriterionResult budget =
          criterion(DEFAULTS, lead(Budget.unconfirmed(Money.of(50_000, "USD"))), "budget");

      assertThat(budget.met()).isFalse();
      assertThat(budget.reason()).isEqualTo("budget of 50000.00 USD not confirmed");
    }

    @Test
    void anUnconfirmedBudgetIsMetWhenConfirmationIsNotRequired() {
      BantFramework lenient =
          BantFramework.of(
              BantPolicy.builder()
                  .budgetMustBeConfirmed(false)
                  .minimumBudget(Money.of(10_000, "USD"))
                  .build());

      CriterionResult budget =
          criterion(lenient, lead(Budget.unconfirmed(Money.of(50_000, "USD"))), "budget");

      assertThat(budget.met()).isTrue();
      assertThat(budget.reason())
          .isEqualTo("budget of 50000.00 USD not confirmed, above the minimum 10000.00 USD");
    }

    @Test
    void anUnknownBudgetIsNotMetEvenWhenConfirmationIsNotRequired() {
      BantFramework lenient =
          BantFramework.of(BantPolicy.builder().budgetMustBeConfirmed(false).build());

      CriterionResult budget = criterion(lenient, lead(Budget.unknown()), "budget");

      assertThat(budget.met()).isFalse();
      assertThat(budget.reason()).isEqualTo("no budget known");
    }

    @Test
    void aConfirmedBudgetWithoutAnAmountMeetsAPolicyWithoutMinimum() {
      Budget confirmedOnly = Budget.builder().confirmed(true).build();

      assertThat(criterion(DEFAULTS, lead(confirmedOnly), "budget").met()).isTrue();
      assertThat(criterion(WITH_MINIMUM, lead(confirmedOnly), "budget").reason())
          .isEqualTo("budget confirmed but amount unknown, the minimum is 10000.00 USD");
    }

    @Test
    void aBudgetInAnotherCurrencyIsNotComparedAndNotMet() {
      CriterionResult budget =
          criterion(WITH_MINIMUM, lead(Budget.confirmed(Money.of(1_000_000, "EUR"))), "budget");

      assertThat(budget.met()).isFalse();
      assertThat(budget.points()).isZero();
      assertThat(budget.reason())
          .isEqualTo(
              "budget of 1000000.00 EUR confirmed, could not be compared with the minimum"
                  + " 10000.00 USD (different currency)");
    }

    private BantAssessment lead(Budget budget) {
      return BantAssessment.builder().from(STRONG_LEAD).budget(budget).build();
    }
  }

  @Nested
  class AuthorityCriterion {
    @Test
    void aDecisionMakerMeetsAuthority() {
      CriterionResult authority =
          criterion(DEFAULTS, lead(AuthorityRole.DECISION_MAKER), "authority");

      assertThat(authority.met()).isTrue();
      assertThat(authority.points()).isEqualTo(25.0);
      assertThat(authority.reason()).isEqualTo("decision maker engaged");
    }

    @Test
    void anInfluencerEarnsHalfTheWeightWithoutMeetingAuthority() {
      CriterionResult authority = criterion(DEFAULTS, lead(AuthorityRole.INFLUENCER), "authority");

      assertThat(authority.met()).isFalse();
      assertThat(authority.points()).isEqualTo(12.5);
      assertThat(authority.reason()).isEqualTo("influencer engaged, partial credit (50%)");
    }

    @Test
    void aUserEarnsNothing() {
      CriterionResult authority = criterion(DEFAULTS, lead(AuthorityRole.USER), "authority");

      assertThat(authority.met()).isFalse();
      assertThat(authority.points()).isZero();
      assertThat(authority.reason()).isEqualTo("user engaged, no buying authority");
    }

    @Test
    void aPolicyMayCountInfluencersAsAuthority() {
      BantFramework framework =
          BantFramework.of(
              BantPolicy.builder()
                  .putAuthorityCredit(AuthorityRole.DECISION_MAKER, 1.0)
                  .putAuthorityCredit(AuthorityRole.INFLUENCER, 1.0)
                  .build());

      assertThat(criterion(framework, lead(AuthorityRole.INFLUENCER), "authority").met()).isTrue();
    }

    private BantAssessment lead(AuthorityRole role) {
      return BantAssessment.builder().from(STRONG_LEAD).authority(role).build();
    }
  }

  @Nested
  class NeedCriterion {
    @Test
    void aNeedAtTheMinimumSeverityIsMetAndNamesItsPainPoints() {
      CriterionResult need =
          criterion(
              DEFAULTS,
              lead(Need.of(NeedSeverity.MEDIUM, "manual invoicing", "late reports")),
              "need");

      assertThat(need.met()).isTrue();
      assertThat(need.reason())
          .isEqualTo("medium need, at least medium required (manual invoicing; late reports)");
    }

    @Test
    void aNeedBelowTheMinimumIsNotMet() {
      CriterionResult need = criterion(DEFAULTS, lead(Need.of(NeedSeverity.LOW)), "need");

      assertThat(need.met()).isFalse();
      assertThat(need.reason()).isEqualTo("low need, below the required medium");
    }

    @Test
    void manyPainPointsAreShortenedInTheReason() {
      Need need = Need.of(NeedSeverity.CRITICAL, "a", "b", "c", "d", "e");

      assertThat(criterion(DEFAULTS, lead(need), "need").reason())
          .isEqualTo("critical need, at least medium required (a; b; c; and 2 more)");
    }

    private BantAssessment lead(Need need) {
      return BantAssessment.builder().from(STRONG_LEAD).need(need).build();
    }
  }

  @Nested
  class TimelineCriterion {
    @Test
    void aPurchaseDateWithinTheHorizonIsMet() {
      CriterionResult timeline =
          criterion(DEFAULTS, lead(Timeline.by(LocalDate.of(2025, 6, 1))), "timeline");

      assertThat(timeline.met()).isTrue();
      assertThat(timeline.reason()).isEqualTo("purchase expected by 2025-06-01, within 6 months");
    }

    @Test
    void theLastDayOfTheHorizonIsStillWithin() {
      assertThat(criterion(DEFAULTS, lead(Timeline.by(TODAY.plusMonths(6))), "timeline").met())
          .isTrue();
      assertThat(criterion(DEFAULTS, lead(Timeline.by(TODAY)), "timeline").met()).isTrue();
    }

    @Test
    void aPurchaseBeyondTheHorizonIsNotMet() {
      CriterionResult timeline =
          criterion(DEFAULTS, lead(Timeline.by(LocalDate.of(2025, 9, 16))), "timeline");

      assertThat(timeline.met()).isFalse();
      assertThat(timeline.reason())
          .isEqualTo("purchase expected by 2025-09-16, beyond the 6 months horizon (2025-09-15)");
    }

    @Test
    void aPurchaseDateInThePastIsNotMet() {
      CriterionResult timeline =
          criterion(DEFAULTS, lead(Timeline.by(LocalDate.of(2025, 1, 31))), "timeline");

      assertThat(timeline.met()).isFalse();
      assertThat(timeline.reason()).isEqualTo("purchase date 2025-01-31 has already passed");
    }

    @Test
    void aHorizonIsMeasuredFromTheDayOfQualification() {
      BantAssessment lead = lead(Timeline.within(Period.ofMonths(7)));

      assertThat(criterion(DEFAULTS, lead, "timeline").met()).isFalse();
      assertThat(criterion(DEFAULTS, lead(Timeline.within(Period.ofMonths(3))), "timeline").met())
          .isTrue();
    }

    @Test
    void aPurchaseDateWinsOverAHorizon() {
      Timeline both =
          Timeline.builder().purchaseDate(TODAY.plusYears(1)).horizon(Period.ofMonths(1)).build();

      assertThat(criterion(DEFAULTS, lead(both), "timeline").met()).isFalse();
    }

    @Test
    void aLongerPolicyHorizonAcceptsLaterPurchases() {
      BantFramework patient =
          BantFramework.of(BantPolicy.builder().maximumHorizon(Period.ofYears(1)).build());

      CriterionResult timeline =
          criterion(patient, lead(Timeline.by(TODAY.plusMonths(9))), "timeline");

      assertThat(timeline.met()).isTrue();
      assertThat(timeline.reason()).isEqualTo("purchase expected by 2025-12-15, within 1 year");
    }

    private BantAssessment lead(Timeline timeline) {
      return BantAssessment.builder().from(STRONG_LEAD).timeline(timeline).build();
    }
  }

  @Nested
  class Verdicts {
    @Test
    void threeCriteriaMetQualifyUnderTheDefaults() {
      BantAssessment noAuthority =
          BantAssessment.builder().from(STRONG_LEAD).authority(AuthorityRole.UNKNOWN).build();

      QualificationResult result = DEFAULTS.evaluate(noAuthority, TODAY);

      assertThat(result.score()).isEqualTo(75);
      assertThat(result.criteriaMet()).isEqualTo(3);
      assertThat(result.verdict()).isEqualTo(Verdict.QUALIFIED);
    }

    @Test
    void twoCriteriaAndAnInfluencerNurture() {
      BantAssessment lead =
          BantAssessment.builder()
              .from(STRONG_LEAD)
              .authority(AuthorityRole.INFLUENCER)
              .timeline(Timeline.unknown())
              .build();

      QualificationResult result = DEFAULTS.evaluate(lead, TODAY);

      assertThat(result.score()).isEqualTo(63);
      assertThat(result.verdict()).isEqualTo(Verdict.NURTURE);
      assertThat(result.isQualified()).isFalse();
    }

    @Test
    void oneCriterionDisqualifies() {
      BantAssessment lead =
          BantAssessment.builder().need(Need.of(NeedSeverity.CRITICAL, "audit finding")).build();

      QualificationResult result = DEFAULTS.evaluate(lead, TODAY);

      assertThat(result.score()).isEqualTo(25);
      assertThat(result.verdict()).isEqualTo(Verdict.DISQUALIFIED);
    }

    @Test
    void aHighScoreFromFewerThanThreeCriteriaOnlyNurtures() {
      BantFramework budgetHeavy =
          BantFramework.of(
              BantPolicy.builder()
                  .budgetWeight(70)
                  .authorityWeight(10)
                  .needWeight(10)
                  .timelineWeight(10)
                  .build());
      BantAssessment twoMet =
          BantAssessment.builder()
              .budget(Budget.confirmed(Money.of(50_000, "USD")))
              .need(Need.of(NeedSeverity.HIGH))
              .build();

      QualificationResult two = budgetHeavy.evaluate(twoMet, TODAY);
      QualificationResult three =
          budgetHeavy.evaluate(
              BantAssessment.builder().from(twoMet).timeline(Timeline.by(TODAY)).build(), TODAY);

      assertThat(two.score()).isEqualTo(80);
      assertThat(two.criteriaMet()).isEqualTo(2);
      assertThat(two.verdict()).isEqualTo(Verdict.NURTURE);
      assertThat(three.score()).isEqualTo(90);
      assertThat(three.verdict()).isEqualTo(Verdict.QUALIFIED);
    }

    @Test
    void aPolicyMayLowerTheMinimumCriteriaMet() {
      BantFramework framework =
          BantFramework.of(
              BantPolicy.builder()
                  .budgetWeight(70)
                  .authorityWeight(10)
                  .needWeight(10)
                  .timelineWeight(10)
                  .minimumCriteriaMet(2)
                  .build());
      BantAssessment twoMet =
          BantAssessment.builder()
              .budget(Budget.confirmed(Money.of(50_000, "USD")))
              .need(Need.of(NeedSeverity.HIGH))
              .build();

      assertThat(framework.evaluate(twoMet, TODAY).verdict()).isEqualTo(Verdict.QUALIFIED);
    }
  }

  @Nested
  class Arguments {
    @Test
    void nullArgumentsAreRefusedNamingTheArgument() {
      assertThatThrownBy(() -> DEFAULTS.evaluate(null, TODAY))
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.concerns("assessment")).isTrue());
      assertThatThrownBy(() -> DEFAULTS.evaluate(STRONG_LEAD, null))
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.concerns("today")).isTrue());
      assertThatThrownBy(() -> BantFramework.of(null))
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.concerns("policy")).isTrue());
    }

    @Test
    void evaluateAnyScoresItsOwnAssessmentsAndRefusesOthers() {
      QualificationFramework<?> framework = DEFAULTS;

      assertThat(framework.evaluateAny(STRONG_LEAD, TODAY).score()).isEqualTo(100);
      assertThatThrownBy(() -> framework.evaluateAny(ChampAssessment.builder().build(), TODAY))
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.concerns("assessment")).isTrue())
          .hasMessageContaining("champ");
    }

    @Test
    void describesItself() {
      assertThat(DEFAULTS.key()).isEqualTo("bant");
      assertThat(DEFAULTS.assessmentType()).isEqualTo(BantAssessment.class);
      assertThat(DEFAULTS.policy()).isEqualTo(BantPolicy.defaults());
      assertThat(STRONG_LEAD.frameworkKey()).isEqualTo("bant");
    }
  }
}
