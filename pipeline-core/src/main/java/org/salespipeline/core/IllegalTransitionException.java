package org.salespipeline.core;

import java.util.List;
import java.util.stream.Collectors;
import org.salespipeline.core.rule.RuleViolation;

/** The stage rules refused a move; carries every violation at once. The deal is unchanged. */
public class IllegalTransitionException extends PipelineException {
  private static final long serialVersionUID = 1L;

  private final DealId dealId;
  private final String fromStage;
  private final String toStage;
  private final List<RuleViolation> violations;

  public IllegalTransitionException(
      DealId dealId, String fromStage, String toStage, List<RuleViolation> violations) {
    super(
        ErrorCode.ILLEGAL_TRANSITION,
        "deal "
            + dealId
            + " cannot move from "
            + fromStage
            + " to "
            + toStage
            + ": "
            + violations.stream().map(RuleViolation::toString).collect(Collectors.joining("; ")));
    this.dealId = dealId;
    this.fromStage = fromStage;
    this.toStage = toStage;
    this.violations = List.copyOf(violations);
  }

  public DealId dealId() {
    return dealId;
  }

  public String fromStage() {
    return fromStage;
  }

  public String toStage() {
    return toStage;
  }

  /** Every violation, in rule order. */
  public List<RuleViolation> violations() {
    return violations;
  }
}
