package org.salespipeline.core;

import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A target for one owner or one team over a period (inclusive dates). Quotas are stored apart from
 * the pipeline, so pipeline changes never alter them. Exactly one of {@link #owner()} and {@link
 * #team()} is present. Immutable.
 */
@Value.Immutable
public abstract class Quota {
  public static Builder builder() {
    return new Builder();
  }

  public abstract WorkspaceId workspace();

  public abstract Optional<UserId> owner();

  public abstract Optional<TeamId> team();

  /** First day of the period. */
  public abstract LocalDate periodStart();

  /** Last day of the period, inclusive. */
  public abstract LocalDate periodEnd();

  public abstract Money amount();

  @Value.Check
  void check() {
    if (owner().isPresent() == team().isPresent()) {
      throw new ValidationException(
          FieldProblem.of(
              "owner", owner().orElse(null), "exactly one of owner and team must be set"));
    }
    if (periodEnd().isBefore(periodStart())) {
      throw new ValidationException(
          FieldProblem.of(
              "periodEnd", periodEnd(), "must not be before periodStart " + periodStart()));
    }
    if (amount().isNegative()) {
      throw new ValidationException(FieldProblem.of("amount", amount(), "must not be negative"));
    }
  }

  /** Builds quotas; not thread-safe. */
  public static class Builder extends ImmutableQuota.Builder {}
}
