package org.salespipeline.core.qualification;

import java.time.LocalDate;
import java.util.List;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.ValidationException;

/**
 * BANT: qualifies a lead on budget, authority, need and timeline, scored under a {@link BantPolicy}
 * (see there for when each criterion is met and how the verdict follows).
 *
 * <p>The criterion keys of its results are {@value #BUDGET}, {@value #AUTHORITY}, {@value #NEED}
 * and {@value #TIMELINE}, in that order.
 *
 * <p>Immutable and thread-safe.
 */
public final class BantFramework implements QualificationFramework<BantAssessment> {
  /** Key of the budget criterion. */
  public static final String BUDGET = "budget";

  /** Key of the authority criterion. */
  public static final String AUTHORITY = "authority";

  /** Key of the need criterion. */
  public static final String NEED = "need";

  /** Key of the timeline criterion. */
  public static final String TIMELINE = "timeline";

  private static final BantFramework DEFAULT = new BantFramework(BantPolicy.defaults());

  private final BantPolicy policy;

  private BantFramework(BantPolicy policy) {
    this.policy = policy;
  }

  /** BANT under {@link BantPolicy#defaults()}. */
  public static BantFramework withDefaults() {
    return DEFAULT;
  }

  /**
   * BANT under a policy.
   *
   * @param policy the policy, not null
   * @throws ValidationException if the policy is null
   */
  public static BantFramework of(BantPolicy policy) {
    if (policy == null) {
      throw new ValidationException(FieldProblem.of("policy", null, "must not be null"));
    }
    return new BantFramework(policy);
  }

  /** The policy this framework scores under. */
  public BantPolicy policy() {
    return policy;
  }

  /** Always {@value BantAssessment#FRAMEWORK_KEY}. */
  @Override
  public String key() {
    return BantAssessment.FRAMEWORK_KEY;
  }

  /** {@code BantAssessment.class}. */
  @Override
  public Class<BantAssessment> assessmentType() {
    return BantAssessment.class;
  }

  /**
   * Scores an assessment under this framework's policy.
   *
   * @throws ValidationException if an argument is null
   */
  @Override
  public QualificationResult evaluate(BantAssessment assessment, LocalDate today) {
    requireArguments(assessment, today);
    List<CriterionResult> criteria =
        List.of(
            Criteria.budget(
                BUDGET,
                policy.budgetWeight(),
                assessment.budget(),
                policy.minimumBudget(),
                policy.budgetMustBeConfirmed()),
            Criteria.authority(
                AUTHORITY,
                policy.authorityWeight(),
                assessment.authority(),
                policy.authorityCredit()),
            Criteria.severity(
                NEED, "need", policy.needWeight(), assessment.need(), policy.minimumNeedSeverity()),
            Criteria.timeline(
                TIMELINE,
                policy.timelineWeight(),
                assessment.timeline(),
                policy.maximumHorizon(),
                today));
    return Scoring.result(
        key(),
        criteria,
        policy.totalWeight(),
        policy.qualifiedScore(),
        policy.nurtureScore(),
        policy.minimumCriteriaMet());
  }

  static void requireArguments(Object assessment, LocalDate today) {
    if (assessment == null || today == null) {
      throw new ValidationException(
          FieldProblem.of(assessment == null ? "assessment" : "today", null, "must not be null"));
    }
  }

  @Override
  public String toString() {
    return "BantFramework[" + policy + "]";
  }
}
