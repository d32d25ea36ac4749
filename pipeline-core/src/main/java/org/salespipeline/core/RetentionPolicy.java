package org.salespipeline.core;

import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.salespipeline.core.rule.RetentionRule;

/**
 * How the engine runs the Post-Sale/Retention lifecycle: the rules every retention command passes,
 * how long before the renewal date a renewal comes due, and how long onboarding should take.
 *
 * <p>Defaults ({@link #standard()}): {@link RetentionRule#standard()}, a renewal lead time of 90
 * days, an onboarding target of 30 days. Immutable and thread-safe; the {@code with*} methods
 * return changed copies.
 */
public final class RetentionPolicy {
  private final List<RetentionRule> rules;
  private final Period renewalLeadTime;
  private final Duration onboardingTarget;

  private RetentionPolicy(
      List<RetentionRule> rules, Period renewalLeadTime, Duration onboardingTarget) {
    this.rules = List.copyOf(rules);
    this.renewalLeadTime = renewalLeadTime;
    this.onboardingTarget = onboardingTarget;
  }

  /** The standard rules, 90 days of renewal lead time and a 30-day onboarding target. */
  public static RetentionPolicy standard() {
    return new RetentionPolicy(RetentionRule.standard(), Period.ofDays(90), Duration.ofDays(30));
  }

  /** The rules, in the order they run. */
  public List<RetentionRule> rules() {
    return rules;
  }

  /** How long before the renewal date a renewal may come due (and is marked due by a sweep). */
  public Period renewalLeadTime() {
    return renewalLeadTime;
  }

  /** How long onboarding should take; longer is flagged as overdue by insight. */
  public Duration onboardingTarget() {
    return onboardingTarget;
  }

  /**
   * This policy with other rules (replacing all of them; pass the standard ones too to keep them).
   *
   * @throws ConfigurationException if a rule is null
   */
  public RetentionPolicy withRules(List<RetentionRule> rules) {
    Objects.requireNonNull(rules, "rules");
    if (rules.stream().anyMatch(Objects::isNull)) {
      throw new ConfigurationException("retention rules must not hold null, were " + rules);
    }
    return new RetentionPolicy(rules, renewalLeadTime, onboardingTarget);
  }

  /** This policy with one more rule, run after the others. */
  public RetentionPolicy withRule(RetentionRule rule) {
    Objects.requireNonNull(rule, "rule");
    List<RetentionRule> more = new ArrayList<>(rules);
    more.add(rule);
    return new RetentionPolicy(more, renewalLeadTime, onboardingTarget);
  }

  /**
   * This policy with another renewal lead time.
   *
   * @throws ConfigurationException if the period is negative or longer than five years
   */
  public RetentionPolicy withRenewalLeadTime(Period leadTime) {
    Objects.requireNonNull(leadTime, "leadTime");
    if (leadTime.isNegative() || leadTime.toTotalMonths() * 31 + leadTime.getDays() > 5 * 366) {
      throw new ConfigurationException(
          "renewalLeadTime must be within [0 days, 5 years], was " + leadTime);
    }
    return new RetentionPolicy(rules, leadTime, onboardingTarget);
  }

  /**
   * This policy with another onboarding target.
   *
   * @throws ConfigurationException if the duration is not positive
   */
  public RetentionPolicy withOnboardingTarget(Duration target) {
    Objects.requireNonNull(target, "target");
    if (target.isNegative() || target.isZero()) {
      throw new ConfigurationException("onboardingTarget must be positive, was " + target);
    }
    return new RetentionPolicy(rules, renewalLeadTime, target);
  }

  @Override
  public String toString() {
    return "RetentionPolicy[renewalLeadTime="
        + renewalLeadTime
        + ", onboardingTarget="
        + onboardingTarget
        + ", rules="
        + rules.stream().map(RetentionRule::key).toList()
        + "]";
  }
}
