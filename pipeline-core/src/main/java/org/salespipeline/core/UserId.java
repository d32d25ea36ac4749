package org.salespipeline.core;

import org.salespipeline.core.internal.Texts;

/**
 * A user of the host application (a deal owner, a manager, an actor), by the host's own id.
 *
 * @param value 1 to 64 characters: letters, digits, '_', '-' or '.', starting with a letter or
 *     digit
 */
public record UserId(String value) implements Comparable<UserId> {

  /**
   * @throws ValidationException if the value is null or not a valid key
   */
  public UserId {
    if (!Texts.isKey(value)) {
      throw new ValidationException(
          FieldProblem.of(
              "user",
              value,
              "must be 1-64 letters, digits, '_', '-' or '.', starting with a letter or digit"));
    }
  }

  /** Shorthand for the constructor. */
  public static UserId of(String value) {
    return new UserId(value);
  }

  @Override
  public int compareTo(UserId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
