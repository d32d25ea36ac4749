package org.salespipeline.core.qualification;

/**
 * The structured facts about a lead that one qualification framework scores, for example a {@link
 * BantAssessment}.
 *
 * <p>Implementations should be immutable values, so that an assessment can be recorded in a deal's
 * history and evaluated again later with the same result.
 */
public interface QualificationAssessment {
  /**
   * The key of the framework that scores this assessment, for example {@code bant}; never null and
   * equal to that framework's {@link QualificationFramework#key()}.
   */
  String frameworkKey();
}
