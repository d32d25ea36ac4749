package org.salespipeline.core.qualification;

import java.time.LocalDate;
import java.util.List;
import org.salespipeline.core.ValidationException;

/**
 * CHAMP: qualifies a lead on challenges, authority, money and prioritization, scored under a {@link
 * ChampPolicy} (see there for when each criterion is met and how the verdict follows).
 *
 * <p>Its key is {@value ChampAssessment#FRAMEWORK_KEY} and it scores {@link ChampAssessment}s. The
 * criterion keys of its results are {@value #CHALLENGES}, {@value #AUTHORITY}, {@value #MONEY} and
 * {@value #PRIORITIZATION}, in that order. {@link #evaluate} throws {@link ValidationException} if
 * an argument is null.
 *
 * <p>Immutable and thread-safe.
 */
public final class ChampFramework extends ScoredFramework<ChampAssessment, ChampPolicy> {
  /** Key of the challenges criterion. */
  public static final String CHALLENGES = "challenges";

  /** Key of the authority criterion. */
  public static final String AUTHORITY = "authority";

  /** Key of the money criterion. */
  public static final String MONEY = "money";

  /** Key of the prioritization criterion. */
  public static final String PRIORITIZATION = "prioritization";

  private static final ChampFramework DEFAULT = new ChampFramework(ChampPolicy.defaults());

  private ChampFramework(ChampPolicy policy) {
    super(ChampAssessment.FRAMEWORK_KEY, ChampAssessment.class, policy);
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
    return new ChampFramework(requirePolicy(policy));
  }

  @Override
  List<CriterionResult> criteria(ChampAssessment assessment, LocalDate today) {
    ChampPolicy policy = policy();
    return List.of(
        Criteria.severity(
            CHALLENGES,
            "challenge",
            policy.challengesWeight(),
            assessment.challenges(),
            policy.minimumChallengeSeverity()),
        Criteria.authority(
            AUTHORITY, policy.authorityWeight(), assessment.authority(), policy.authorityCredit()),
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
  }
}
