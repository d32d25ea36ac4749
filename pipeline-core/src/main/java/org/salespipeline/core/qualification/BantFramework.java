package org.salespipeline.core.qualification;

import java.time.LocalDate;
import java.util.List;
import org.salespipeline.core.ValidationException;

/**
 * BANT: qualifies a lead on budget, authority, need and timeline, scored under a {@link BantPolicy}
 * (see there for when each criterion is met and how the verdict follows).
 *
 * <p>Its key is {@value BantAssessment#FRAMEWORK_KEY} and it scores {@link BantAssessment}s. The
 * criterion keys of its results are {@value #BUDGET}, {@value #AUTHORITY}, {@value #NEED} and
 * {@value #TIMELINE}, in that order. {@link #evaluate} throws {@link ValidationException} if an
 * argument is null.
 *
 * <p>Immutable and thread-safe.
 */
public final class BantFramework extends ScoredFramework<BantAssessment, BantPolicy> {
  /** Key of the budget criterion. */
  public static final String BUDGET = "budget";

  /** Key of the authority criterion. */
  public static final String AUTHORITY = "authority";

  /** Key of the need criterion. */
  public static final String NEED = "need";

  /** Key of the timeline criterion. */
  public static final String TIMELINE = "timeline";

  private static final BantFramework DEFAULT = new BantFramework(BantPolicy.defaults());

  private BantFramework(BantPolicy policy) {
    super(BantAssessment.FRAMEWORK_KEY, BantAssessment.class, policy);
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
    return new BantFramework(requirePolicy(policy));
  }

  @Override
  List<CriterionResult> criteria(BantAssessment assessment, LocalDate today) {
    BantPolicy policy = policy();
    return List.of(
        Criteria.budget(
            BUDGET,
            policy.budgetWeight(),
            assessment.budget(),
            policy.minimumBudget(),
            policy.budgetMustBeConfirmed()),
        Criteria.authority(
            AUTHORITY, policy.authorityWeight(), assessment.authority(), policy.authorityCredit()),
        Criteria.severity(
            NEED, "need", policy.needWeight(), assessment.need(), policy.minimumNeedSeverity()),
        Criteria.timeline(
            TIMELINE,
            policy.timelineWeight(),
            assessment.timeline(),
            policy.maximumHorizon(),
            today));
  }
}
