package org.salespipeline.core;

import java.util.Objects;
import java.util.UUID;

/**
 * The id of a deal.
 *
 * <p>Ordered as unsigned 128-bit numbers, so time-ordered ids sort by creation time here and in
 * every database that stores them as text or bytes.
 *
 * @param value the id, never null
 */
public record DealId(UUID value) implements Comparable<DealId> {

  public DealId {
    Objects.requireNonNull(value, "value");
  }

  /** The id of the given UUID text. */
  public static DealId of(String value) {
    try {
      return new DealId(UUID.fromString(value));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new ValidationException(FieldProblem.of("id", value, "is not a UUID"));
    }
  }

  @Override
  public int compareTo(DealId other) {
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
