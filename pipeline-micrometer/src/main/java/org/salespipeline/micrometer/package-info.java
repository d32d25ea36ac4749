/**
 * Micrometer metrics and observations for the sales-pipeline engine, without Spring: {@link
 * org.salespipeline.micrometer.PipelineMetrics} (the engine's observer: commands, conflicts,
 * retries, rule violations, analyses, an observation per command) and {@link
 * org.salespipeline.micrometer.PipelineGauges} (cached open-pipeline gauges per stage).
 */
package org.salespipeline.micrometer;
