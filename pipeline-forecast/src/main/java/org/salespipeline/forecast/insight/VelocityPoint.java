package org.salespipeline.forecast.insight;

import org.salespipeline.forecast.Period;

/**
 * Velocity in one reporting period: deals created in it, with size, win rate and cycle of the deals
 * closed in it.
 *
 * @param period the period
 * @param velocity the figures
 */
public record VelocityPoint(Period period, Velocity velocity) {}
