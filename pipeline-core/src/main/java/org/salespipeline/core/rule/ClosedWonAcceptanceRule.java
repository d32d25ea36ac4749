package org.salespipeline.core.rule;

import java.util.List;
import org.salespipeline.core.Negotiation;

/** A deal closes won only when the customer's acceptance is recorded in its negotiation facts. */
public final class ClosedWonAcceptanceRule implements StageRule {
  @Override
  public List<RuleViolation> check(Transition t) {
    if (t.kind() != TransitionKind.WIN) {
      return List.of();
    }
    boolean accepted = t.deal().negotiation().flatMap(Negotiation::acceptedAt).isPresent();
    return accepted
        ? List.of()
        : List.of(
            RuleViolation.of(key(), "negotiation.acceptedAt", "customer acceptance not recorded"));
  }

  @Override
  public String key() {
    return "acceptance-recorded";
  }
}
