package org.salespipeline.core;

import org.salespipeline.core.internal.Texts;

/**
 * A sales team.
 *
 * @param value 1 to 64 characters: letters, digits, '_', '-' or '.', starting with a letter or
 *     digit
 */
public record TeamId(String value) implements Comparable<TeamId> {

  /**
   * @throws ValidationException if the value is null or not a valid key
   */
  public TeamId {
    if (!Texts.isKey(value)) {
      throw new ValidationException(
          FieldProblem.of(
              "team",
              value,
              "must be 1-64 letters, digits, '_', '-' or '.', starting with a letter or digit"));
    }
  }

  /** Shorthand for the constructor. */
  public static TeamId of(String value) {
    return new TeamId(value);
  }

  @Override
  public int compareTo(TeamId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
