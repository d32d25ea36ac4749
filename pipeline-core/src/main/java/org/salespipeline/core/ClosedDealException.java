package org.salespipeline.core;

/**
 * A command other than reopen (or logging an activity) was sent to a closed deal. Nothing changed.
 */
public class ClosedDealException extends PipelineException {
  private static final long serialVersionUID = 1L;

  private final DealId dealId;
  private final DealStatus status;

  public ClosedDealException(DealId dealId, DealStatus status, String command) {
    super(
        ErrorCode.CLOSED_DEAL,
        "deal "
            + dealId
            + " is "
            + status
            + "; "
            + command
            + " needs an open deal (reopen it first)");
    this.dealId = dealId;
    this.status = status;
  }

  public DealId dealId() {
    return dealId;
  }

  public DealStatus status() {
    return status;
  }
}
