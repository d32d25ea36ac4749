package org.salespipeline.core.call;

import java.time.Instant;
import java.util.OptionalLong;
import org.immutables.value.Value;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.Money;
import org.salespipeline.core.UserId;
import org.salespipeline.core.ValidationException;
import org.salespipeline.core.WorkspaceId;

/**
 * One version of a manager's adjustment of a roll-up cell: an override or a delta over the system
 * figure, with who, when and why. Versions of a cell run 1, 2, 3, ... without gaps and are never
 * changed: the latest is in force, the earlier ones are the cell's audit trail. A revert is a new
 * version restoring the state before the reverted one ({@link #revertsVersion()}). Stores refuse a
 * version that does not follow the stored one, so a lost update is impossible. Immutable.
 */
@Value.Immutable
public abstract class Adjustment {

  /** A builder; every field but {@link #revertsVersion()} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The workspace it belongs to. */
  public abstract WorkspaceId workspace();

  /** The adjusted cell. */
  public abstract AdjustmentCell cell();

  /** The version within the cell, from 1. */
  public abstract long version();

  /** Override, delta, or cleared (nothing in force). */
  public abstract AdjustmentKind kind();

  /** The override value or the delta; zero when cleared. */
  public abstract Money amount();

  /** Why the manager adjusted (or reverted). */
  public abstract String reason();

  /** Who wrote this version. */
  public abstract UserId adjustedBy();

  /** When this version was written. */
  public abstract Instant adjustedAt();

  /** The version this one reverts, if it is a revert. */
  public abstract OptionalLong revertsVersion();

  /** Whether an adjustment is in force in this version (not {@link AdjustmentKind#CLEARED}). */
  public boolean inForce() {
    return kind() != AdjustmentKind.CLEARED;
  }

  /**
   * The cell's adjusted figure, in minor units, given its own (system plus indirect) figure.
   *
   * @param own the figure before this cell's adjustment, in minor units of {@link #amount()}'s
   *     currency
   */
  public long apply(long own) {
    return switch (kind()) {
      case OVERRIDE -> amount().toMinorUnits();
      case DELTA -> own + amount().toMinorUnits();
      case CLEARED -> own;
    };
  }

  @Value.Check
  void check() {
    if (version() < 1) {
      throw new ValidationException(FieldProblem.of("version", version(), "must be at least 1"));
    }
    if (reason().isBlank()) {
      throw new ValidationException(
          FieldProblem.of("reason", reason(), "must not be blank: say why the figure changes"));
    }
    if (kind() == AdjustmentKind.OVERRIDE && amount().isNegative()) {
      throw new ValidationException(
          FieldProblem.of("amount", amount(), "an override must not be negative"));
    }
  }

  /** Builds adjustments; not thread-safe. */
  public static class Builder extends ImmutableAdjustment.Builder {}
}
