package org.salespipeline.core.qualification;

import java.util.Optional;
import org.immutables.value.Value;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.Money;
import org.salespipeline.core.ValidationException;

/**
 * What is known about the prospect's budget: the amount, if named, and whether the prospect
 * confirmed it.
 *
 * <p>Build with {@link #builder()} or the factories. Defaults: no amount, not confirmed (the budget
 * is unknown). A confirmed budget without an amount means the prospect confirmed money is set aside
 * without naming the sum.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
public abstract class Budget {

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A budget nothing is known about. */
  public static Budget unknown() {
    return builder().build();
  }

  /**
   * A budget the prospect confirmed.
   *
   * @param amount the amount, not null, not negative
   * @throws ValidationException if the amount is null or negative
   */
  public static Budget confirmed(Money amount) {
    return builder().amount(requireAmount(amount)).confirmed(true).build();
  }

  /**
   * A budget named but not confirmed, for example the seller's estimate.
   *
   * @param amount the amount, not null, not negative
   * @throws ValidationException if the amount is null or negative
   */
  public static Budget unconfirmed(Money amount) {
    return builder().amount(requireAmount(amount)).confirmed(false).build();
  }

  /** The amount, if named. */
  public abstract Optional<Money> amount();

  /** Whether the prospect confirmed the budget. */
  @Value.Default
  public boolean confirmed() {
    return false;
  }

  @Value.Check
  void check() {
    amount()
        .filter(Money::isNegative)
        .ifPresent(
            a -> {
              throw new ValidationException(FieldProblem.of("amount", a, "must not be negative"));
            });
  }

  private static Money requireAmount(Money amount) {
    if (amount == null) {
      throw new ValidationException(FieldProblem.of("amount", null, "must not be null"));
    }
    return amount;
  }

  /** Builds budgets; not thread-safe. */
  public static class Builder extends ImmutableBudget.Builder {}
}
