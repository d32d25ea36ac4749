package org.salespipeline.core.access;

/**
 * What a principal may be allowed to do. Deal actions are decided per deal ({@link
 * AccessPolicy#decide}); workspace actions ({@link #isWorkspaceAction()}) per workspace ({@link
 * AccessPolicy#decideWorkspace}).
 */
public enum Action {
  /** Read the deal, its history and activities, and count it in boards, forecasts and reports. */
  VIEW(false),
  /** Change the deal's fields, record qualification, log activities on it; open a deal. */
  EDIT(false),
  /** Move the deal to another open stage. */
  MOVE(false),
  /** Close the deal won, lost or disqualified. */
  CLOSE(false),
  /** Reopen a closed deal. */
  REOPEN(false),
  /** Give the deal to another owner. */
  REASSIGN(false),
  /** Override the stage rules on a stage change (recorded with who and why). */
  OVERRIDE_RULE(false),
  /** Bulk-import deals into the workspace. */
  IMPORT(true),
  /** Set quotas. */
  MANAGE_QUOTA(true),
  /** Submit a forecast call. */
  SUBMIT_FORECAST(true),
  /** Adjust a forecast. */
  ADJUST_FORECAST(true),
  /** Manage the workspace: teams, retention sweeps, contact erasure, the raw event feed. */
  ADMIN(true);

  private final boolean workspaceAction;

  Action(boolean workspaceAction) {
    this.workspaceAction = workspaceAction;
  }

  /** Whether the action concerns the workspace rather than one deal. */
  public boolean isWorkspaceAction() {
    return workspaceAction;
  }

  /** Whether the action changes a deal (every deal action but {@link #VIEW}). */
  public boolean changesDeal() {
    return !workspaceAction && this != VIEW;
  }
}
