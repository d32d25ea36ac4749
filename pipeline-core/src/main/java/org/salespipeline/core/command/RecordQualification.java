package org.salespipeline.core.command;

import org.immutables.value.Value;
import org.salespipeline.core.qualification.QualificationAssessment;

/**
 * Scores an assessment with the framework registered for its {@link
 * QualificationAssessment#frameworkKey()} and records the result on the deal. A failed
 * qualification is recorded like a passed one: it is a result, not an error.
 */
@Value.Immutable
public abstract class RecordQualification implements ChangesDeal {
  public static Builder builder() {
    return new Builder();
  }

  public abstract QualificationAssessment assessment();

  /** Builds the command; not thread-safe. */
  public static class Builder extends ImmutableRecordQualification.Builder {}
}
