package org.salespipeline.core;

/** What kind of business a deal is; expansion kinds link to the won deal they grow from. */
public enum DealKind {
  NEW_BUSINESS,
  UPSELL,
  CROSS_SELL,
  RENEWAL;

  /** Whether a deal of this kind must link to an earlier won deal. */
  public boolean isExpansion() {
    return this != NEW_BUSINESS;
  }
}
