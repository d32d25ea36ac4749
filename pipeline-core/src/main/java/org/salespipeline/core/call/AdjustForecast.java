package org.salespipeline.core.call;

import org.immutables.value.Value;
import org.salespipeline.core.Money;
import org.salespipeline.core.UserId;

/**
 * The command to adjust a roll-up cell ({@code SalesPipeline.adjustForecast}): an override or a
 * delta, with a reason, based on the version of the cell the manager saw. Immutable.
 */
@Value.Immutable
public abstract class AdjustForecast {

  /** A builder; every field is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The cell to adjust. */
  public abstract AdjustmentCell cell();

  /** {@link AdjustmentKind#OVERRIDE} or {@link AdjustmentKind#DELTA}. */
  public abstract AdjustmentKind kind();

  /** The override value or the delta. */
  public abstract Money amount();

  /** Why. */
  public abstract String reason();

  /** Who adjusts. */
  public abstract UserId actor();

  /** The cell's version the change is based on, 0 for a cell never adjusted. */
  public abstract long expectedVersion();

  /** Builds the command; not thread-safe. */
  public static class Builder extends ImmutableAdjustForecast.Builder {}
}
