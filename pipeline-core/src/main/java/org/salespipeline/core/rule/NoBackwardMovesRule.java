package org.salespipeline.core.rule;

import java.util.List;

/** Refuses moves back to an earlier open stage. Reopening a closed deal is not a move. */
public final class NoBackwardMovesRule implements StageRule {
  @Override
  public List<RuleViolation> check(Transition t) {
    if (!t.isBackwardMove()) {
      return List.of();
    }
    return List.of(
        RuleViolation.of(
            key(),
            "stage",
            "moving back from " + t.from().key() + " to " + t.to().key() + " is not allowed"));
  }

  @Override
  public String key() {
    return "no-backward-moves";
  }
}
