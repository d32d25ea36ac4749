package org.salespipeline.core.qualification;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import org.immutables.value.Value;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.ValidationException;

/**
 * When the prospect expects to buy: a date, a horizon from the day of qualification ("within three
 * months"), or neither (unknown). When both are given the purchase date wins, being the more
 * specific fact.
 *
 * <p>Build with {@link #builder()} or the factories. Defaults: neither (unknown). A horizon must
 * not be negative.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
public abstract class Timeline {

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A timeline nothing is known about. */
  public static Timeline unknown() {
    return builder().build();
  }

  /**
   * A purchase expected by a date.
   *
   * @param purchaseDate the expected purchase date, not null
   * @throws ValidationException if the date is null
   */
  public static Timeline by(LocalDate purchaseDate) {
    if (purchaseDate == null) {
      throw new ValidationException(FieldProblem.of("purchaseDate", null, "must not be null"));
    }
    return builder().purchaseDate(purchaseDate).build();
  }

  /**
   * A purchase expected within a period from the day of qualification.
   *
   * @param horizon the period, not null, not negative
   * @throws ValidationException if the horizon is null or negative
   */
  public static Timeline within(Period horizon) {
    if (horizon == null) {
      throw new ValidationException(FieldProblem.of("horizon", null, "must not be null"));
    }
    return builder().horizon(horizon).build();
  }

  /** The date by which the prospect expects to buy, if named. */
  public abstract Optional<LocalDate> purchaseDate();

  /** The period from the day of qualification within which the prospect expects to buy. */
  public abstract Optional<Period> horizon();

  /** Whether neither a date nor a horizon is known. */
  public boolean isUnknown() {
    return purchaseDate().isEmpty() && horizon().isEmpty();
  }

  /**
   * The expected purchase date as seen on a day: the purchase date if named, else that day plus the
   * horizon, else empty.
   *
   * @param today the day of qualification, not null
   */
  public Optional<LocalDate> expectedPurchaseDate(LocalDate today) {
    if (purchaseDate().isPresent()) {
      return purchaseDate();
    }
    return horizon().map(today::plus);
  }

  @Value.Check
  void check() {
    horizon()
        .filter(Period::isNegative)
        .ifPresent(
            h -> {
              throw new ValidationException(FieldProblem.of("horizon", h, "must not be negative"));
            });
  }

  /** Builds timelines; not thread-safe. */
  public static class Builder extends ImmutableTimeline.Builder {}
}
