package org.salespipeline.core.call;

import org.salespipeline.core.ErrorCode;
import org.salespipeline.core.PipelineException;

/**
 * An adjustment was based on a stale version of its cell: someone adjusted or reverted it
 * meanwhile. Nothing was stored; read the cell again and decide anew.
 */
public class ConcurrentAdjustmentModificationException extends PipelineException {
  private static final long serialVersionUID = 1L;

  private final AdjustmentCell cell;
  private final long expectedVersion;
  private final long actualVersion;

  /** The cell, the version the writer expected and the one stored. */
  public ConcurrentAdjustmentModificationException(
      AdjustmentCell cell, long expectedVersion, long actualVersion) {
    super(
        ErrorCode.CONCURRENT_ADJUSTMENT_MODIFICATION,
        "adjustment of "
            + cell
            + " was modified concurrently: expected version "
            + expectedVersion
            + " but found "
            + actualVersion);
    this.cell = cell;
    this.expectedVersion = expectedVersion;
    this.actualVersion = actualVersion;
  }

  /** The cell. */
  public AdjustmentCell cell() {
    return cell;
  }

  /** The version the writer based its change on. */
  public long expectedVersion() {
    return expectedVersion;
  }

  /** The version stored. */
  public long actualVersion() {
    return actualVersion;
  }
}
