/**
 * Forecasting over a columnar {@link org.salespipeline.forecast.PipelineSnapshot}: weighted
 * pipeline, forecast-category rollups, quotas and attainment, through the {@link
 * org.salespipeline.forecast.Forecaster} facade.
 */
@PipelineStyle
package org.salespipeline.forecast;

import org.salespipeline.core.PipelineStyle;
