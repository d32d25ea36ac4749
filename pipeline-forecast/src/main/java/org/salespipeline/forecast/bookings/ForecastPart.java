package org.salespipeline.forecast.bookings;

/**
 * Where a period's bookings come from, as the parts of a {@link PartsForecast}: a deal's {@link
 * org.salespipeline.core.DealKind} decides its part.
 */
public enum ForecastPart {
  /** Deals of kind NEW_BUSINESS in the forecaster's pipeline: new customers. */
  NEW_BUSINESS,
  /**
   * Renewals: renewal deals won in the period, and the accounts whose renewal date falls in it,
   * weighted by their chance to renew.
   */
  RENEWAL,
  /** Deals of kind UPSELL and CROSS_SELL in the forecaster's pipeline: existing customers grow. */
  EXPANSION
}
