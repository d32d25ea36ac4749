package org.salespipeline.core.qualification;

import java.time.LocalDate;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.ValidationException;

/**
 * A way to qualify leads, such as BANT or CHAMP: scores one kind of assessment and concludes with a
 * {@link Verdict}.
 *
 * <p>Hosts plug in their own frameworks (MEDDIC, an in-house checklist) by implementing this
 * interface; nothing is discovered from the classpath. Implementations must be immutable and
 * thread-safe, and {@link #evaluate} must be a pure function of its arguments.
 *
 * @param <A> the assessment this framework scores
 */
public interface QualificationFramework<A extends QualificationAssessment> {

  /** The framework's key, for example {@code bant}; never null, stable across releases. */
  String key();

  /** The class of assessment this framework scores; never null. */
  Class<A> assessmentType();

  /**
   * Scores an assessment.
   *
   * <p>A weak lead is not an error: it yields a {@link Verdict#NURTURE} or {@link
   * Verdict#DISQUALIFIED} result with the reasons.
   *
   * @param assessment the facts to score, not null
   * @param today the day the qualification is made, not null; relative timelines are measured from
   *     it (pass the date of the engine's clock, not {@code LocalDate.now()})
   * @return the result, never null
   * @throws ValidationException if an argument is null
   */
  QualificationResult evaluate(A assessment, LocalDate today);

  /**
   * Scores an assessment whose type is only known at run time, as an engine holding several
   * frameworks has it.
   *
   * @param assessment the facts to score, not null; must be of {@link #assessmentType()}
   * @param today the day the qualification is made, not null
   * @return the result, never null
   * @throws ValidationException if an argument is null or the assessment belongs to another
   *     framework
   */
  default QualificationResult evaluateAny(QualificationAssessment assessment, LocalDate today) {
    if (assessment == null) {
      throw new ValidationException(FieldProblem.of("assessment", null, "must not be null"));
    }
    if (!assessmentType().isInstance(assessment)) {
      throw new ValidationException(
          FieldProblem.of(
              "assessment",
              assessment.frameworkKey(),
              "is not an assessment of framework '" + key() + "'"));
    }
    return evaluate(assessmentType().cast(assessment), today);
  }
}
