/**
 * Pipeline insight: funnel conversion, win rates, time in stage, stuck and idle deals, bottlenecks,
 * sales velocity, quota coverage, the pipeline waterfall between two dates, per-owner work lists,
 * load balancing and a health summary, all computed by {@link
 * org.salespipeline.forecast.insight.PipelineInsight} in one pass over the deals' history.
 *
 * <p>Amounts in results are in minor units of the reporting currency ({@link
 * org.salespipeline.forecast.insight.InsightReport#currency()}); durations are {@link
 * java.time.Duration}s; rates lie in [0, 1] and are 0 (never NaN) when their denominator, always
 * reported beside them, is 0. All result types are immutable and thread-safe.
 */
@PipelineStyle
package org.salespipeline.forecast.insight;

import org.salespipeline.core.PipelineStyle;
