package org.salespipeline.core.qualification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salespipeline.core.qualification.BantPolicyTest.assertProblem;

import org.junit.jupiter.api.Test;

class QualificationResultTest {
  private static final CriterionResult BUDGET =
      new CriterionResult("budget", true, 60, "budget confirmed");
  private static final CriterionResult FIT = new CriterionResult("fit", false, 0, "no fit");

  @Test
  void findsCriteriaByKeyAndCountsTheMetOnes() {
    QualificationResult result =
        QualificationResult.builder()
            .frameworkKey("custom")
            .score(60)
            .verdict(Verdict.NURTURE)
            .addCriteria(BUDGET, FIT)
            .build();

    assertThat(result.criterion("fit")).contains(FIT);
    assertThat(result.criterion(null)).isEmpty();
    assertThat(result.criteriaMet()).isEqualTo(1);
    assertThat(result.isQualified()).isFalse();
  }

  @Test
  void refusesBadResults() {
    assertProblem(
        () ->
            QualificationResult.builder()
                .frameworkKey("x")
                .score(101)
                .verdict(Verdict.QUALIFIED)
                .build(),
        "score",
        "101");
    assertProblem(
        () ->
            QualificationResult.builder()
                .frameworkKey(" ")
                .score(1)
                .verdict(Verdict.NURTURE)
                .build(),
        "frameworkKey",
        " ");
    assertProblem(
        () -> QualificationResult.builder().frameworkKey("x").score(1).build(), "verdict", null);
    assertProblem(
        () ->
            QualificationResult.builder()
                .frameworkKey("x")
                .score(1)
                .verdict(Verdict.NURTURE)
                .addCriteria(FIT, FIT)
                .build(),
        "criteria[1].key",
        "fit");
  }

  @Test
  void refusesBadCriterionResults() {
    assertProblem(() -> new CriterionResult(" ", true, 1, "r"), "key", " ");
    assertProblem(() -> new CriterionResult("k", true, -1, "r"), "points", "-1.0");
    assertProblem(() -> new CriterionResult("k", true, Double.NaN, "r"), "points", "NaN");
    assertProblem(() -> new CriterionResult("k", true, 1, null), "reason", null);
  }
}
