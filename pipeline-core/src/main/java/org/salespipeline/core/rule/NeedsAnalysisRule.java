package org.salespipeline.core.rule;

import java.util.List;

/**
 * A deal advances out of the needs-analysis stage only with pain points or requirements recorded.
 */
public final class NeedsAnalysisRule implements StageRule {
  private final String stage;

  /**
   * @param stage the key of the needs-analysis stage
   */
  public NeedsAnalysisRule(String stage) {
    this.stage = stage;
  }

  @Override
  public List<RuleViolation> check(Transition t) {
    if (!t.leaves(stage) || !t.advances()) {
      return List.of();
    }
    boolean recorded = t.deal().needsAnalysis().map(n -> !n.isEmpty()).orElse(false);
    return recorded
        ? List.of()
        : List.of(
            RuleViolation.of(key(), "needsAnalysis", "no pain points or requirements recorded"));
  }

  @Override
  public String key() {
    return "needs-analysis-recorded";
  }
}
