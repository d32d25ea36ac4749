package org.salespipeline.core.rule;

import java.util.List;
import org.salespipeline.core.CloseReason;

/** Closing lost or disqualifying needs a non-blank reason. */
public final class CloseReasonRule implements StageRule {
  @Override
  public List<RuleViolation> check(Transition t) {
    if (t.kind() != TransitionKind.LOSE && t.kind() != TransitionKind.DISQUALIFY) {
      return List.of();
    }
    boolean given = t.closeReason().map(CloseReason::reason).filter(r -> !r.isBlank()).isPresent();
    return given ? List.of() : List.of(RuleViolation.of(key(), "reason", "a reason is required"));
  }

  @Override
  public String key() {
    return "close-reason";
  }
}
