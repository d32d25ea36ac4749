package org.salespipeline.core.rule;

import java.util.List;

/**
 * A check that every transition of the stages it is attached to must pass. Rules answer with
 * violations, never by throwing; an empty list allows the transition.
 *
 * <p>Implementations must be thread-safe and side-effect free: the engine may evaluate a rule more
 * than once per command and evaluates all rules even when one has already refused, so that the
 * caller sees every violation at once.
 */
@FunctionalInterface
public interface StageRule {

  /** The violations of this rule by the transition; empty when it is allowed. */
  List<RuleViolation> check(Transition transition);

  /** A short key naming the rule in violations, for example {@code proposal-sent}. */
  default String key() {
    return getClass().getSimpleName();
  }
}
