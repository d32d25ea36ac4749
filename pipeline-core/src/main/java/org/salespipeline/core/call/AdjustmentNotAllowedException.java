package org.salespipeline.core.call;

import org.salespipeline.core.ErrorCode;
import org.salespipeline.core.PipelineException;
import org.salespipeline.core.UserId;
import org.salespipeline.core.org.OrgNode;

/**
 * The user may not adjust the node: only nodes strictly below the teams a user manages can be
 * adjusted (nobody adjusts their own number or one above it). Nothing was stored.
 */
public class AdjustmentNotAllowedException extends PipelineException {
  private static final long serialVersionUID = 1L;

  private final UserId actor;
  private final transient OrgNode node;

  /** The user and the node they may not adjust. */
  public AdjustmentNotAllowedException(UserId actor, OrgNode node) {
    super(
        ErrorCode.ADJUSTMENT_NOT_ALLOWED,
        actor
            + " may not adjust "
            + node.key()
            + ": a manager adjusts only nodes strictly below the teams they manage");
    this.actor = actor;
    this.node = node;
  }

  /** Who tried to adjust. */
  public UserId actor() {
    return actor;
  }

  /** The node they may not adjust. */
  public OrgNode node() {
    return node;
  }
}
