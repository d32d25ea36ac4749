package org.salespipeline.core.rule;

import java.util.List;
import org.salespipeline.core.qualification.QualificationResult;

/**
 * A deal advances out of the qualification stage only with a qualification whose verdict is
 * qualified (BANT or any other framework).
 */
public final class QualifiedRule implements StageRule {
  private final String stage;

  /**
   * @param stage the key of the qualification stage
   */
  public QualifiedRule(String stage) {
    this.stage = stage;
  }

  @Override
  public List<RuleViolation> check(Transition t) {
    if (!t.leaves(stage) || !t.advances()) {
      return List.of();
    }
    var result = t.deal().qualification();
    if (result.isEmpty()) {
      return List.of(RuleViolation.of(key(), "qualification", "no qualification recorded"));
    }
    QualificationResult r = result.get();
    if (!r.isQualified()) {
      return List.of(
          RuleViolation.of(
              key(),
              "qualification",
              r.frameworkKey()
                  + " verdict is "
                  + r.verdict()
                  + " (score "
                  + r.score()
                  + "), not QUALIFIED"));
    }
    return List.of();
  }

  @Override
  public String key() {
    return "qualified";
  }
}
