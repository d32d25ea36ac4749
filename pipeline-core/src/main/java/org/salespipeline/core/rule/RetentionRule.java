package org.salespipeline.core.rule;

import java.util.List;

/**
 * A check every retention command must pass, alongside the {@link StageRule}s of deals. Rules
 * answer with violations, never by throwing; an empty list allows the move. The engine evaluates
 * every rule of its {@link org.salespipeline.core.RetentionPolicy} and refuses the command with all
 * violations at once ({@link org.salespipeline.core.IllegalRetentionMoveException}); nothing is
 * written then.
 *
 * <p>Implementations must be thread-safe and side-effect free.
 */
@FunctionalInterface
public interface RetentionRule {

  /** The violations of this rule by the move; empty when it is allowed. */
  List<RuleViolation> check(RetentionMove move);

  /** A short key naming the rule in violations, for example {@code retention-transition}. */
  default String key() {
    return getClass().getSimpleName();
  }

  /**
   * The standard retention rules, in order: {@link RetentionTransitionRule}, {@link
   * RenewalLeadTimeRule}, {@link RetentionReasonRule}, {@link RetentionValuesRule}.
   */
  static List<RetentionRule> standard() {
    return List.of(
        new RetentionTransitionRule(),
        new RenewalLeadTimeRule(),
        new RetentionReasonRule(),
        new RetentionValuesRule());
  }
}
