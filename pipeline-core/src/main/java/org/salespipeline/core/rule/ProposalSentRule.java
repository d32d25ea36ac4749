package org.salespipeline.core.rule;

import java.util.List;

/** A deal enters the negotiation stage only after a proposal was sent. */
public final class ProposalSentRule implements StageRule {
  private final String stage;

  /**
   * @param stage the key of the stage that needs a proposal, usually negotiation
   */
  public ProposalSentRule(String stage) {
    this.stage = stage;
  }

  @Override
  public List<RuleViolation> check(Transition t) {
    if (!t.enters(stage) || t.kind() == TransitionKind.REOPEN || t.isBackwardMove()) {
      return List.of();
    }
    return t.deal().proposal().isPresent()
        ? List.of()
        : List.of(RuleViolation.of(key(), "proposal", "no proposal sent"));
  }

  @Override
  public String key() {
    return "proposal-sent";
  }
}
