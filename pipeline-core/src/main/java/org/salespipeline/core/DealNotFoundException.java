package org.salespipeline.core;

/** No deal with the id exists in the workspace. */
public class DealNotFoundException extends PipelineException {
  private static final long serialVersionUID = 1L;

  private final WorkspaceId workspace;
  private final DealId dealId;

  public DealNotFoundException(WorkspaceId workspace, DealId dealId) {
    super(ErrorCode.DEAL_NOT_FOUND, "deal " + dealId + " not found in workspace " + workspace);
    this.workspace = workspace;
    this.dealId = dealId;
  }

  public WorkspaceId workspace() {
    return workspace;
  }

  public DealId dealId() {
    return dealId;
  }
}
