package org.salespipeline.core.qualification;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.ValidationException;
import org.salespipeline.core.internal.Texts;

/**
 * The outcome of qualifying a lead with one framework: a score from 0 to 100, a verdict, and how
 * each criterion scored, in the framework's order.
 *
 * <p>Frameworks build results; hosts read them and record them in a deal's history. Build with
 * {@link #builder()}; {@code frameworkKey}, {@code score} and {@code verdict} are required, the
 * criteria default to none.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
public abstract class QualificationResult {

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Key of the framework that produced this result, for example {@code bant}. */
  public abstract String frameworkKey();

  /** The score, from 0 (nothing known or met) to 100 (every criterion fully met). */
  public abstract int score();

  /** The conclusion. */
  public abstract Verdict verdict();

  /** Each criterion's result, in the framework's order; keys are unique. */
  public abstract List<CriterionResult> criteria();

  /** Whether the verdict is {@link Verdict#QUALIFIED}. */
  public boolean isQualified() {
    return verdict() == Verdict.QUALIFIED;
  }

  /**
   * The result of the criterion with the key.
   *
   * @param key a criterion key such as {@code budget}; null finds nothing
   * @return the criterion's result, or empty if the framework has no such criterion
   */
  public Optional<CriterionResult> criterion(String key) {
    for (CriterionResult criterion : criteria()) {
      if (criterion.key().equals(key)) {
        return Optional.of(criterion);
      }
    }
    return Optional.empty();
  }

  /** How many criteria are met, from 0 to the number of criteria. */
  public int criteriaMet() {
    int met = 0;
    for (CriterionResult criterion : criteria()) {
      if (criterion.met()) {
        met++;
      }
    }
    return met;
  }

  @Value.Check
  void check() {
    List<FieldProblem> problems = new ArrayList<>();
    if (!Texts.isKey(frameworkKey())) {
      problems.add(
          FieldProblem.of(
              "frameworkKey", frameworkKey(), "must be 1-64 letters, digits, '_', '-' or '.'"));
    }
    if (score() < 0 || score() > 100) {
      problems.add(FieldProblem.of("score", score(), "must be within [0, 100]"));
    }
    if (verdict() == null) {
      problems.add(FieldProblem.of("verdict", null, "must not be null"));
    }
    Set<String> keys = new HashSet<>();
    List<CriterionResult> criteria = criteria();
    for (int i = 0; i < criteria.size(); i++) {
      CriterionResult criterion = criteria.get(i);
      if (criterion == null) {
        problems.add(FieldProblem.of("criteria[" + i + "]", null, "must not be null"));
      } else if (!keys.add(criterion.key())) {
        problems.add(FieldProblem.of("criteria[" + i + "].key", criterion.key(), "is a duplicate"));
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }

  /** Builds results; not thread-safe. */
  public static class Builder extends ImmutableQualificationResult.Builder {}
}
