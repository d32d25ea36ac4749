package org.salespipeline.forecast.insight;

import org.salespipeline.forecast.ForecastPeriod;

/**
 * Velocity in one reporting period: deals created in it, with size, win rate and cycle of the deals
 * closed in it.
 *
 * @param period the period
 * @param velocity the figures
 */
public record VelocityPoint(ForecastPeriod period, Velocity velocity) {}
