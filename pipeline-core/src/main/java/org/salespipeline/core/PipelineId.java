package org.salespipeline.core;

import org.salespipeline.core.internal.Texts;

/**
 * A pipeline definition, for example {@code new_business} or {@code renewals}.
 *
 * @param value 1 to 64 characters: letters, digits, '_', '-' or '.', starting with a letter or
 *     digit
 */
public record PipelineId(String value) implements Comparable<PipelineId> {

  /**
   * @throws ValidationException if the value is null or not a valid key
   */
  public PipelineId {
    if (!Texts.isKey(value)) {
      throw new ValidationException(
          FieldProblem.of(
              "pipeline",
              value,
              "must be 1-64 letters, digits, '_', '-' or '.', starting with a letter or digit"));
    }
  }

  /** Shorthand for the constructor. */
  public static PipelineId of(String value) {
    return new PipelineId(value);
  }

  @Override
  public int compareTo(PipelineId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
