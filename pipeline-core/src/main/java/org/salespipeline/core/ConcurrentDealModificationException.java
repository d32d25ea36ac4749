package org.salespipeline.core;

/**
 * A write was based on a stale version of a deal (or created a deal whose id exists). Nothing was
 * written; reload the deal and decide again.
 */
public class ConcurrentDealModificationException extends PipelineException {
  private static final long serialVersionUID = 1L;

  private final DealId dealId;
  private final long expectedVersion;
  private final long actualVersion;

  /**
   * @param dealId the deal
   * @param expectedVersion the version the write was based on (0 for a create)
   * @param actualVersion the stored version (0 when the deal does not exist)
   */
  public ConcurrentDealModificationException(
      DealId dealId, long expectedVersion, long actualVersion) {
    super(
        ErrorCode.CONCURRENT_DEAL_MODIFICATION,
        "deal "
            + dealId
            + " was modified concurrently: expected version "
            + expectedVersion
            + " but found "
            + (actualVersion == 0 ? "no deal" : "version " + actualVersion));
    this.dealId = dealId;
    this.expectedVersion = expectedVersion;
    this.actualVersion = actualVersion;
  }

  public DealId dealId() {
    return dealId;
  }

  public long expectedVersion() {
    return expectedVersion;
  }

  public long actualVersion() {
    return actualVersion;
  }
}
