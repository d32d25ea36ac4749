package org.salespipeline.core.qualification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Period;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.Money;
import org.salespipeline.core.ValidationException;

class BantPolicyTest {

  @Test
  void defaultsAreTheClassicBantRules() {
    BantPolicy policy = BantPolicy.defaults();

    assertThat(policy.budgetWeight()).isEqualTo(25.0);
    assertThat(policy.authorityWeight()).isEqualTo(25.0);
    assertThat(policy.needWeight()).isEqualTo(25.0);
    assertThat(policy.timelineWeight()).isEqualTo(25.0);
    assertThat(policy.totalWeight()).isEqualTo(100.0);
    assertThat(policy.minimumBudget()).isEmpty();
    assertThat(policy.budgetMustBeConfirmed()).isTrue();
    assertThat(policy.authorityCredit())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(AuthorityRole.DECISION_MAKER, 1.0, AuthorityRole.INFLUENCER, 0.5));
    assertThat(policy.minimumNeedSeverity()).isEqualTo(NeedSeverity.MEDIUM);
    assertThat(policy.maximumHorizon()).isEqualTo(Period.ofMonths(6));
    assertThat(policy.qualifiedScore()).isEqualTo(75);
    assertThat(policy.nurtureScore()).isEqualTo(40);
    assertThat(policy.minimumCriteriaMet()).isEqualTo(3);
    assertThat(BantPolicy.builder().build()).isEqualTo(policy);
  }

  @Test
  void settingAuthorityCreditReplacesTheDefaults() {
    BantPolicy policy =
        BantPolicy.builder().putAuthorityCredit(AuthorityRole.DECISION_MAKER, 1.0).build();

    assertThat(policy.authorityCredit()).containsOnlyKeys(AuthorityRole.DECISION_MAKER);
  }

  @Test
  void aNegativeWeightIsRefusedNamingTheField() {
    assertProblem(() -> BantPolicy.builder().needWeight(-1).build(), "needWeight", "-1.0");
    assertProblem(
        () -> BantPolicy.builder().budgetWeight(Double.NaN).build(), "budgetWeight", "NaN");
    assertProblem(
        () -> BantPolicy.builder().timelineWeight(Double.POSITIVE_INFINITY).build(),
        "timelineWeight",
        "Infinity");
  }

  @Test
  void weightsMustAddUpToMoreThanZero() {
    assertProblem(
        () ->
            BantPolicy.builder()
                .budgetWeight(0)
                .authorityWeight(0)
                .needWeight(0)
                .timelineWeight(0)
                .build(),
        "weights",
        "0.0");
  }

  @Test
  void thresholdsOutOfRangeAreRefusedNamingTheField() {
    assertProblem(() -> BantPolicy.builder().qualifiedScore(101).build(), "qualifiedScore", "101");
    assertProblem(() -> BantPolicy.builder().nurtureScore(-1).build(), "nurtureScore", "-1");
    assertProblem(
        () -> BantPolicy.builder().minimumCriteriaMet(5).build(), "minimumCriteriaMet", "5");
  }

  @Test
  void aNurtureScoreAboveTheQualifiedScoreIsRefused() {
    assertThatThrownBy(() -> BantPolicy.builder().qualifiedScore(50).nurtureScore(60).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("nurtureScore '60' must not exceed qualifiedScore (50)");
  }

  @Test
  void equalThresholdsLeaveNoRoomForNurtureButAreAllowed() {
    BantPolicy policy = BantPolicy.builder().qualifiedScore(60).nurtureScore(60).build();

    assertThat(policy.nurtureScore()).isEqualTo(policy.qualifiedScore());
  }

  @Test
  void otherBadValuesAreRefusedNamingTheField() {
    assertProblem(
        () -> BantPolicy.builder().putAuthorityCredit(AuthorityRole.INFLUENCER, 1.5).build(),
        "authorityCredit[INFLUENCER]",
        "1.5");
    assertProblem(
        () -> BantPolicy.builder().maximumHorizon(Period.ofDays(-1)).build(),
        "maximumHorizon",
        "P-1D");
    assertProblem(
        () -> BantPolicy.builder().minimumBudget(Money.of(-5, "USD")).build(),
        "minimumBudget",
        "-5.00 USD");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    assertThatThrownBy(
            () ->
                BantPolicy.builder()
                    .authorityWeight(-3)
                    .qualifiedScore(200)
                    .nurtureScore(-2)
                    .build())
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.problems())
                    .extracting(FieldProblem::field)
                    .containsExactly("authorityWeight", "qualifiedScore", "nurtureScore"));
  }

  @Test
  void aCopyWithAnotherValueIsValidatedToo() {
    assertThatThrownBy(
            () -> BantPolicy.builder().from(BantPolicy.defaults()).needWeight(-1).build())
        .isInstanceOf(ValidationException.class);
    assertThat(
            BantPolicy.builder()
                .from(BantPolicy.defaults())
                .minimumBudget(Optional.of(Money.of(1, "EUR")))
                .build()
                .minimumBudget())
        .contains(Money.of(1, "EUR"));
  }

  static void assertProblem(ThrowingCallable build, String field, String value) {
    assertThatThrownBy(build)
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.problems())
                    .anySatisfy(
                        p -> {
                          assertThat(p.field()).isEqualTo(field);
                          assertThat(p.value()).isEqualTo(value);
                        }));
  }
}
