/**
 * The forecast process over the computed numbers: the weekly calls each rep and manager submits
 * ({@link org.salespipeline.core.call.ForecastCall}, append-only, readable as of any instant), the
 * submission windows that refuse late or locked calls, and managers' adjustments ({@link
 * org.salespipeline.core.call.Adjustment}, versioned per cell, revertible), which are layered over
 * the system roll-ups and never written back to deals.
 *
 * <p>Periods are plain start/end date pairs ({@link org.salespipeline.core.call.CallPeriod}), so
 * stored calls survive any change of calendar or pipeline configuration.
 */
@PipelineStyle
package org.salespipeline.core.call;

import org.salespipeline.core.PipelineStyle;
