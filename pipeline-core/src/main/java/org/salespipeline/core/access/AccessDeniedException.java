package org.salespipeline.core.access;

import java.util.Optional;
import org.salespipeline.core.DealId;
import org.salespipeline.core.ErrorCode;
import org.salespipeline.core.PipelineException;
import org.salespipeline.core.UserId;

/**
 * The access policy refused an action: names the principal's user, the action, the deal (for deal
 * actions) and the policy's reason. Nothing was written.
 */
public class AccessDeniedException extends PipelineException {
  private static final long serialVersionUID = 1L;

  private final UserId user;
  private final Action action;
  private final transient Optional<DealId> deal;
  private final String reason;

  /**
   * @param user who was refused
   * @param action what was refused
   * @param deal the deal of a deal action, empty for a workspace action
   * @param reason the policy's reason
   */
  public AccessDeniedException(UserId user, Action action, Optional<DealId> deal, String reason) {
    super(
        ErrorCode.ACCESS_DENIED,
        user
            + " may not "
            + action
            + deal.map(d -> " deal " + d).orElse(" in this workspace")
            + ": "
            + reason);
    this.user = user;
    this.action = action;
    this.deal = deal;
    this.reason = reason;
  }

  /** Who was refused. */
  public UserId user() {
    return user;
  }

  /** The action refused. */
  public Action action() {
    return action;
  }

  /** The deal of a refused deal action. */
  public Optional<DealId> deal() {
    return deal == null ? Optional.empty() : deal;
  }

  /** The policy's reason. */
  public String reason() {
    return reason;
  }
}
