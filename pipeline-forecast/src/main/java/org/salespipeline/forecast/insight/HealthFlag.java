package org.salespipeline.forecast.insight;

/** Warnings a dashboard shows beside the health numbers. */
public enum HealthFlag {
  /** Open pipeline in the current period covers the remaining quota less than the target. */
  COVERAGE_BELOW_TARGET,
  /** At least one stage converts worse than in the previous period. */
  FALLING_CONVERSION,
  /** More than the configured share of open deals are idle. */
  MANY_IDLE_DEALS,
  /** Won plus the weighted pipeline of the current period falls short of the quota. */
  FORECAST_AT_RISK
}
