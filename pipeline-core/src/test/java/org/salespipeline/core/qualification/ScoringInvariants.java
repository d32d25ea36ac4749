package org.salespipeline.core.qualification;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions every framework scored by {@link Scoring} satisfies. */
final class ScoringInvariants {
  private ScoringInvariants() {}

  static void assertVerdictConsistent(
      QualificationResult result, int qualifiedScore, int nurtureScore, int minimumCriteriaMet) {
    Verdict expected;
    if (result.score() >= qualifiedScore && result.criteriaMet() >= minimumCriteriaMet) {
      expected = Verdict.QUALIFIED;
    } else if (result.score() < nurtureScore) {
      expected = Verdict.DISQUALIFIED;
    } else {
      expected = Verdict.NURTURE;
    }
    assertThat(result.verdict()).isEqualTo(expected);
    assertThat(result.isQualified()).isEqualTo(expected == Verdict.QUALIFIED);
    if (result.criteriaMet() < minimumCriteriaMet) {
      assertThat(result.verdict()).isNotEqualTo(Verdict.QUALIFIED);
    }
  }

  /** The better result has at least the score, the criteria met and the verdict of the other. */
  static void assertNotWorse(QualificationResult before, QualificationResult after) {
    assertThat(after.score()).isGreaterThanOrEqualTo(before.score());
    assertThat(after.criteriaMet()).isGreaterThanOrEqualTo(before.criteriaMet());
    assertThat(rank(after.verdict())).isGreaterThanOrEqualTo(rank(before.verdict()));
    for (int i = 0; i < before.criteria().size(); i++) {
      assertThat(after.criteria().get(i).points())
          .isGreaterThanOrEqualTo(before.criteria().get(i).points());
    }
  }

  private static int rank(Verdict verdict) {
    switch (verdict) {
      case QUALIFIED:
        return 2;
      case NURTURE:
        return 1;
      default:
        return 0;
    }
  }
}
