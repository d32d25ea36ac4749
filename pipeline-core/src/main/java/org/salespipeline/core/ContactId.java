package org.salespipeline.core;

import java.util.Objects;
import java.util.UUID;

/**
 * The id of a contact (a person at an account).
 *
 * <p>Ordered as unsigned 128-bit numbers, so time-ordered ids sort by creation time here and in
 * every database that stores them as text or bytes.
 *
 * @param value the id, never null
 */
public record ContactId(UUID value) implements Comparable<ContactId> {

  public ContactId {
    Objects.requireNonNull(value, "value");
  }

  /** The id of the given UUID text. */
  public static ContactId of(String value) {
    try {
      return new ContactId(UUID.fromString(value));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new ValidationException(FieldProblem.of("id", value, "is not a UUID"));
    }
  }

  @Override
  public int compareTo(ContactId other) {
    int high =
        Long.compareUnsigned(value.getMostSignificantBits(), other.value.getMostSignificantBits());
    return high != 0
        ? high
        : Long.compareUnsigned(
            value.getLeastSignificantBits(), other.value.getLeastSignificantBits());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
