package org.salespipeline.core.qualification;

import java.time.LocalDate;
import java.util.List;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.ValidationException;

/**
 * What BANT and CHAMP share: a key, an assessment type and a policy, argument checks, and the score
 * and verdict of the criteria (see {@link Scoring#result}). Each framework says only which criteria
 * it scores and how.
 *
 * @param <A> the assessment scored
 * @param <P> the policy scored under
 */
abstract class ScoredFramework<A extends QualificationAssessment, P extends ScoringPolicy>
    implements QualificationFramework<A> {
  private final String key;
  private final Class<A> assessmentType;
  private final P policy;

  ScoredFramework(String key, Class<A> assessmentType, P policy) {
    this.key = key;
    this.assessmentType = assessmentType;
    this.policy = policy;
  }

  /**
   * The policy, checked for null.
   *
   * @throws ValidationException if the policy is null
   */
  static <P> P requirePolicy(P policy) {
    if (policy == null) {
      throw new ValidationException(FieldProblem.of("policy", null, "must not be null"));
    }
    return policy;
  }

  /** The policy this framework scores under. */
  public P policy() {
    return policy;
  }

  @Override
  public String key() {
    return key;
  }

  @Override
  public Class<A> assessmentType() {
    return assessmentType;
  }

  /**
   * Scores an assessment under this framework's policy.
   *
   * @throws ValidationException if an argument is null
   */
  @Override
  public QualificationResult evaluate(A assessment, LocalDate today) {
    if (assessment == null || today == null) {
      throw new ValidationException(
          FieldProblem.of(assessment == null ? "assessment" : "today", null, "must not be null"));
    }
    return Scoring.result(
        key,
        criteria(assessment, today),
        policy.totalWeight(),
        policy.qualifiedScore(),
        policy.nurtureScore(),
        policy.minimumCriteriaMet());
  }

  /** The framework's criteria scored, in the order of its criterion keys. */
  abstract List<CriterionResult> criteria(A assessment, LocalDate today);

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + policy + "]";
  }
}
