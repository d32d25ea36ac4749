package org.salespipeline.core.qualification;

import java.time.LocalDate;
import java.util.List;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.ValidationException;

/**
 * CHAMP: qualifies a lead on challenges, authority, money and prioritization, scored under a {@link
 * ChampPolicy} (see there for when each criterion is met and how the verdict follows).
 *
 * <p>The criterion keys of its results are {@value #CHALLENGES}, {@value #AUTHORITY}, {@value
 * #MONEY} and {@value #PRIORITIZATION}, in that order.
 *
 * <p>Immutable and thread-safe.
 */
public final class ChampFramework implements QualificationFramework<ChampAssessment> {
  /** Key of the challenges criterion. */
  public static final String CHALLENGES = "challenges";

  /** Key of the authority criterion. */
  public static final String AUTHORITY = "authority";

  /** Key of the money criterion. */
  public static final String MONEY = "money";

  /** Key of the prioritization criterion. */
  public static final String PRIORITIZATION = "prioritization";

  private static final ChampFramework DEFAULT = new ChampFramework(ChampPolicy.defaults());

  private final ChampPolicy policy;

  private ChampFramework(ChampPolicy policy) {
    this.policy = policy;
  }

  /** CHAMP under {@link ChampPolicy#defaults()}. */
  public static ChampFramework withDefaults() {
    return DEFAULT;
  }

  /**
   * CHAMP under a policy.
   *
   * @param policy the policy, not null
   * @throws ValidationException if the policy is null
   */
  public static ChampFramework of(ChampPolicy policy) {
    if (policy == null) {
      throw new ValidationException(FieldProblem.of("policy", null, "must not be null"));
    }
    return new ChampFramework(policy);
  }

  /** The policy this framework scores under. */
  public ChampPolicy policy() {
    return policy;
  }

  /** Always {@value ChampAssessment#FRAMEWORK_KEY}. */
  @Override
  public String key() {
    return ChampAssessment.FRAMEWORK_KEY;
  }

  /** {@code ChampAssessment.class}. */
  @Override
  public Class<ChampAssessment> assessmentType() {
    return ChampAssessment.class;
  }

  /**
   * Scores an assessment under this framework's policy.
   *
   * @throws ValidationException if an argument is null
   */
  @Override
  public QualificationResult evaluate(ChampAssessment assessment, LocalDate today) {
    BantFramework.requireArguments(assessment, today);
    List<CriterionResult> criteria =
        List.of(
            Criteria.severity(
                CHALLENGES,
                "challenge",
                policy.challengesWeight(),
                assessment.challenges(),
                policy.minimumChallengeSeverity()),
            Criteria.authority(
                AUTHORITY,
                policy.authorityWeight(),
                assessment.authority(),
                policy.authorityCredit()),
            Criteria.budget(
                MONEY,
                policy.moneyWeight(),
                assessment.money(),
                policy.minimumMoney(),
                policy.moneyMustBeConfirmed()),
            Criteria.priority(
                PRIORITIZATION,
                policy.prioritizationWeight(),
                assessment.prioritization(),
                policy.minimumPriority()));
    return Scoring.result(
        key(),
        criteria,
        policy.totalWeight(),
        policy.qualifiedScore(),
        policy.nurtureScore(),
        policy.minimumCriteriaMet());
  }

  @Override
  public String toString() {
    return "ChampFramework[" + policy + "]";
  }
}
