package org.salespipeline.core;

/**
 * A write was based on a stale version of a deal, or created a deal whose id is taken. Nothing was
 * written; reload the deal and decide again, or create the deal under another id.
 *
 * <p>Deal ids are unique across the whole store, not only within a workspace (issue 16): a create
 * whose id a deal of another workspace holds is refused with this exception too, in the same words
 * as a clash with one of the workspace's own deals, and tells nothing of the other deal ({@link
 * #actualVersion()} is then {@link #ID_TAKEN}).
 */
public class ConcurrentDealModificationException extends PipelineException {
  private static final long serialVersionUID = 1L;

  /**
   * The {@link #actualVersion()} of a create refused because a deal of another workspace holds its
   * id; that deal's version is not told.
   */
  public static final long ID_TAKEN = -1;

  private final DealId dealId;
  private final long expectedVersion;
  private final long actualVersion;

  /**
   * @param dealId the deal
   * @param expectedVersion the version the write was based on (0 for a create)
   * @param actualVersion the stored version (0 when the deal does not exist, {@link #ID_TAKEN} when
   *     a create's id is held by a deal of another workspace)
   */
  public ConcurrentDealModificationException(
      DealId dealId, long expectedVersion, long actualVersion) {
    super(ErrorCode.CONCURRENT_DEAL_MODIFICATION, message(dealId, expectedVersion, actualVersion));
    this.dealId = dealId;
    this.expectedVersion = expectedVersion;
    this.actualVersion = actualVersion;
  }

  private static String message(DealId dealId, long expectedVersion, long actualVersion) {
    if (expectedVersion == 0 && actualVersion != 0) {
      // why: the same words whichever workspace holds the id, so a refusal tells nothing of a
      // deal the caller may not see (issue 16)
      return "deal "
          + dealId
          + " cannot be created: the id is taken (deal ids are unique across the store);"
          + " nothing was written, create it under another id";
    }
    return "deal "
        + dealId
        + " was modified concurrently: expected version "
        + expectedVersion
        + " but found "
        + (actualVersion == 0 ? "no deal" : "version " + actualVersion);
  }

  /** The deal written. */
  public DealId dealId() {
    return dealId;
  }

  /** The version the write was based on, 0 for a create. */
  public long expectedVersion() {
    return expectedVersion;
  }

  /**
   * The stored version: 0 when the deal does not exist, {@link #ID_TAKEN} when a create's id is
   * held by a deal of another workspace.
   */
  public long actualVersion() {
    return actualVersion;
  }
}
