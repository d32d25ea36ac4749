package org.salespipeline.core;

import org.salespipeline.core.internal.Texts;

/**
 * A workspace (tenant). Every record belongs to exactly one; a store view bound to one cannot reach
 * another.
 *
 * @param value 1 to 64 characters: letters, digits, '_', '-' or '.', starting with a letter or
 *     digit
 */
public record WorkspaceId(String value) implements Comparable<WorkspaceId> {

  /**
   * @throws ValidationException if the value is null or not a valid key
   */
  public WorkspaceId {
    if (!Texts.isKey(value)) {
      throw new ValidationException(
          FieldProblem.of(
              "workspace",
              value,
              "must be 1-64 letters, digits, '_', '-' or '.', starting with a letter or digit"));
    }
  }

  /** Shorthand for the constructor. */
  public static WorkspaceId of(String value) {
    return new WorkspaceId(value);
  }

  @Override
  public int compareTo(WorkspaceId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
