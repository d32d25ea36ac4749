package org.salespipeline.core.qualification;

import java.util.List;
import java.util.Map;
import org.salespipeline.core.FieldProblem;

/** The score, the verdict and the policy checks BANT and CHAMP share. */
final class Scoring {
  private Scoring() {}

  /**
   * The result of scored criteria: score = round(100 * sum(points) / sum(weights)); QUALIFIED if
   * the score reaches {@code qualifiedScore} and enough criteria are met, DISQUALIFIED below {@code
   * nurtureScore}, NURTURE otherwise.
   */
  static QualificationResult result(
      String frameworkKey,
      List<CriterionResult> criteria,
      double totalWeight,
      int qualifiedScore,
      int nurtureScore,
      int minimumCriteriaMet) {
    double points = 0.0;
    int met = 0;
    for (CriterionResult criterion : criteria) {
      points += criterion.points();
      met += criterion.met() ? 1 : 0;
    }
    // why: points never exceed weights, but guard the bounds against rounding in custom weights
    int score = (int) Math.max(0, Math.min(100, Math.round(100.0 * points / totalWeight)));
    return QualificationResult.builder()
        .frameworkKey(frameworkKey)
        .score(score)
        .verdict(verdict(score, met, qualifiedScore, nurtureScore, minimumCriteriaMet))
        .criteria(criteria)
        .build();
  }

  static Verdict verdict(
      int score, int criteriaMet, int qualifiedScore, int nurtureScore, int minimumCriteriaMet) {
    if (score >= qualifiedScore && criteriaMet >= minimumCriteriaMet) {
      return Verdict.QUALIFIED;
    }
    return score < nurtureScore ? Verdict.DISQUALIFIED : Verdict.NURTURE;
  }

  static void checkWeight(String field, double weight, List<FieldProblem> problems) {
    if (!(weight >= 0.0) || Double.isInfinite(weight)) {
      problems.add(FieldProblem.of(field, weight, "must be a finite number of at least 0"));
    }
  }

  static void checkWeightSum(double sum, List<FieldProblem> problems) {
    if (!(sum > 0.0) || Double.isInfinite(sum)) {
      problems.add(FieldProblem.of("weights", sum, "must add up to more than 0"));
    }
  }

  static void checkThresholds(
      int qualifiedScore,
      int nurtureScore,
      int minimumCriteriaMet,
      int criteriaCount,
      List<FieldProblem> problems) {
    boolean inRange = true;
    if (qualifiedScore < 0 || qualifiedScore > 100) {
      problems.add(FieldProblem.of("qualifiedScore", qualifiedScore, "must be within [0, 100]"));
      inRange = false;
    }
    if (nurtureScore < 0 || nurtureScore > 100) {
      problems.add(FieldProblem.of("nurtureScore", nurtureScore, "must be within [0, 100]"));
      inRange = false;
    }
    if (inRange && nurtureScore > qualifiedScore) {
      problems.add(
          FieldProblem.of(
              "nurtureScore",
              nurtureScore,
              "must not exceed qualifiedScore (" + qualifiedScore + ")"));
    }
    if (minimumCriteriaMet < 0 || minimumCriteriaMet > criteriaCount) {
      problems.add(
          FieldProblem.of(
              "minimumCriteriaMet",
              minimumCriteriaMet,
              "must be within [0, " + criteriaCount + "]"));
    }
  }

  static void checkAuthorityCredit(Map<AuthorityRole, Double> credit, List<FieldProblem> problems) {
    credit.forEach(
        (role, share) -> {
          if (role == null || share == null || !(share >= 0.0 && share <= 1.0)) {
            problems.add(
                FieldProblem.of("authorityCredit[" + role + "]", share, "must be within [0, 1]"));
          }
        });
  }
}
