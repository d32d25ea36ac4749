package org.salespipeline.core.access;

/** How a principal's view answers for a deal that exists but that the principal may not view. */
public enum InvisibleDeals {
  /**
   * Like a deal that does not exist: {@code deal} is empty, history and activities are empty, a
   * command fails with {@code DealNotFoundException}. Nothing tells the deal exists (the default).
   */
  NOT_FOUND,
  /** With an {@link AccessDeniedException} naming {@link Action#VIEW} and the reason. */
  DENIED
}
