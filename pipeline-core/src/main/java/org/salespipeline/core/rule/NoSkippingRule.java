package org.salespipeline.core.rule;

import java.util.List;

/**
 * Refuses moves between open stages that jump over more than a given number of open stages. Closing
 * (won, lost, disqualified) and reopening are not moves and are not checked here.
 */
public final class NoSkippingRule implements StageRule {
  private final int maxSkipped;

  /**
   * @param maxSkipped how many open stages a move may jump over; 0 allows only the next stage
   */
  public NoSkippingRule(int maxSkipped) {
    if (maxSkipped < 0) {
      throw new IllegalArgumentException("maxSkipped must be >= 0, was " + maxSkipped);
    }
    this.maxSkipped = maxSkipped;
  }

  @Override
  public List<RuleViolation> check(Transition t) {
    if (t.kind() != TransitionKind.MOVE || t.openStagesSkipped() <= maxSkipped) {
      return List.of();
    }
    return List.of(
        RuleViolation.of(
            key(),
            "stage",
            "moving from "
                + t.from().key()
                + " to "
                + t.to().key()
                + " skips "
                + t.openStagesSkipped()
                + " stage(s); at most "
                + maxSkipped
                + " allowed"));
  }

  @Override
  public String key() {
    return "no-skipping";
  }
}
