package org.salespipeline.core.call;

import org.immutables.value.Value;
import org.salespipeline.core.UserId;

/**
 * The command to revert a cell's latest adjustment ({@code SalesPipeline.revertAdjustment}): a new
 * version restores the state before it. Immutable.
 */
@Value.Immutable
public abstract class RevertAdjustment {

  /** A builder; every field is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The cell. */
  public abstract AdjustmentCell cell();

  /** Why. */
  public abstract String reason();

  /** Who reverts. */
  public abstract UserId actor();

  /** The cell's current version, the one reverted. */
  public abstract long expectedVersion();

  /** Builds the command; not thread-safe. */
  public static class Builder extends ImmutableRevertAdjustment.Builder {}
}
