/**
 * Stages and pipeline definitions: the ordered stages a deal moves through, their default win
 * probabilities, forecast categories and idle thresholds, and the standard template.
 */
@PipelineStyle
package org.salespipeline.core.stage;

import org.salespipeline.core.PipelineStyle;
