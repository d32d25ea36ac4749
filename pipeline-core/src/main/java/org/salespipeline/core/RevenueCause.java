package org.salespipeline.core;

/**
 * What moved an account's recurring revenue (see {@link
 * org.salespipeline.core.event.Change.RecurringRevenueChanged}). Stored by name.
 */
public enum RevenueCause {
  /** A won new-business deal made the account a customer. */
  NEW_BUSINESS,
  /** A won upsell, cross-sell or further new-business deal grew an existing customer. */
  EXPANSION,
  /** A won renewal deal renewed the account at its amount. */
  RENEWAL,
  /** The customer gave up part of its revenue and stays a customer. */
  PARTIAL_CHURN,
  /** The customer left; its recurring revenue is zero. */
  CHURN,
  /** A churned customer came back. */
  REACTIVATION
}
