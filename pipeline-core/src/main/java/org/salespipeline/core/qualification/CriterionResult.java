package org.salespipeline.core.qualification;

import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.ValidationException;

/**
 * How one criterion of a framework scored, for example BANT's budget.
 *
 * <p>A criterion may earn points without being met (partial credit, such as an influencer instead
 * of a decision maker under the default BANT policy); only met criteria count towards a policy's
 * minimum number of criteria met.
 *
 * <p>Immutable and thread-safe.
 *
 * @param key the criterion's key within its framework, for example {@code budget}; not blank
 * @param met whether the criterion is met
 * @param points this criterion's contribution to the score, from 0 to the criterion's weight
 * @param reason a sentence a person reads, for example {@code no confirmed budget}; not null
 */
public record CriterionResult(String key, boolean met, double points, String reason) {

  /**
   * Checks the components.
   *
   * @throws ValidationException if the key is blank, the reason null, or the points negative or not
   *     finite
   */
  public CriterionResult {
    if (key == null || key.isBlank()) {
      throw new ValidationException(FieldProblem.of("key", key, "must not be blank"));
    }
    if (reason == null) {
      throw new ValidationException(FieldProblem.of("reason", null, "must not be null"));
    }
    if (!(points >= 0.0) || Double.isInfinite(points)) {
      throw new ValidationException(
          FieldProblem.of("points", points, "must be a finite number of at least 0"));
    }
  }
}
