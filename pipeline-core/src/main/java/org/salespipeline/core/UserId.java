package org.salespipeline.core;

import org.salespipeline.core.internal.Texts;

/**
 * A user of the host application (a deal owner, a manager, an actor), by the host's own id.
 *
 * @param value 1 to 64 characters: letters, digits, '_', '-' or '.', starting with a letter or
 *     digit
 */
public record UserId(String value) implements Comparable<UserId> {
  private static final String RULE =
      "must be 1-64 letters, digits, '_', '-' or '.', starting with a letter or digit";

  /**
   * @throws ValidationException if the value is null or not a valid key
   */
  public UserId {
    if (!Texts.isKey(value)) {
      throw new ValidationException(FieldProblem.of("user", value, RULE));
    }
  }

  /**
   * A user id the host received as input for a field of its own, for example the {@code owner} of
   * an {@link org.salespipeline.core.command.OpenDeal}: a bad value is reported on that field
   * rather than on {@code user}, so the error names what the caller filled in.
   *
   * @param field the input field, for example {@code owner} or {@code actor}
   * @param value the text of the id
   * @throws ValidationException on {@code field} if the value is null or not a valid user id
   */
  public static UserId parse(String field, String value) {
    if (!Texts.isKey(value)) {
      throw new ValidationException(
          FieldProblem.of(field, value, value == null ? "must not be null" : RULE));
    }
    return new UserId(value);
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
