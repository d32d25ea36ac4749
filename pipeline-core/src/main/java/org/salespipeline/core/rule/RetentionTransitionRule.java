package org.salespipeline.core.rule;

import static org.salespipeline.core.RetentionStatus.ACTIVE;
import static org.salespipeline.core.RetentionStatus.AT_RISK;
import static org.salespipeline.core.RetentionStatus.CHURNED;
import static org.salespipeline.core.RetentionStatus.ONBOARDING;
import static org.salespipeline.core.RetentionStatus.RENEWAL_DUE;
import static org.salespipeline.core.RetentionStatus.RENEWED;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.salespipeline.core.RetentionStatus;
import org.salespipeline.core.command.RetentionCommand;

/**
 * Which statuses each retention command may start from: onboarding completes from ONBOARDING only,
 * a renewal comes due from ACTIVE or RENEWED, a risk is resolved from AT_RISK only, a churned
 * account can only be reactivated, and nothing else happens to it.
 */
public final class RetentionTransitionRule implements RetentionRule {
  private static final Set<RetentionStatus> CUSTOMER =
      EnumSet.of(ONBOARDING, ACTIVE, RENEWAL_DUE, AT_RISK, RENEWED);

  @Override
  public List<RuleViolation> check(RetentionMove move) {
    Set<RetentionStatus> allowed = allowedFrom(move.command());
    if (allowed.contains(move.from())) {
      return List.of();
    }
    return List.of(
        RuleViolation.of(
            key(),
            "status",
            move.command().name() + " is allowed from " + allowed + ", not from " + move.from()));
  }

  /** The statuses a command may start from. */
  static Set<RetentionStatus> allowedFrom(RetentionCommand command) {
    if (command instanceof RetentionCommand.CompleteOnboarding) {
      return EnumSet.of(ONBOARDING);
    } else if (command instanceof RetentionCommand.MarkRenewalDue) {
      return EnumSet.of(ACTIVE, RENEWED);
    } else if (command instanceof RetentionCommand.MarkAtRisk) {
      return EnumSet.of(ONBOARDING, ACTIVE, RENEWAL_DUE, RENEWED);
    } else if (command instanceof RetentionCommand.ResolveRisk) {
      return EnumSet.of(AT_RISK);
    } else if (command instanceof RetentionCommand.Reactivate) {
      return EnumSet.of(CHURNED);
    }
    return CUSTOMER;
  }

  @Override
  public String key() {
    return "retention-transition";
  }
}
