package org.salespipeline.core.rule;

import java.util.List;
import org.salespipeline.core.command.RetentionCommand;

/** Marking an account at risk and churning it need a reason, so that reasons can be ranked. */
public final class RetentionReasonRule implements RetentionRule {

  @Override
  public List<RuleViolation> check(RetentionMove move) {
    String reason = null;
    if (move.command() instanceof RetentionCommand.MarkAtRisk atRisk) {
      reason = atRisk.reason();
    } else if (move.command() instanceof RetentionCommand.Churn churn) {
      reason = churn.reason();
    }
    if (reason != null && reason.isBlank()) {
      return List.of(RuleViolation.of(key(), "reason", move.command().name() + " needs a reason"));
    }
    return List.of();
  }

  @Override
  public String key() {
    return "retention-reason";
  }
}
