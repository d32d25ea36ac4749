/**
 * Win-probability models behind one {@link org.salespipeline.forecast.model.ProbabilityModel}
 * interface: stage defaults, learned stage conversion with Beta-binomial shrinkage, an absorbing
 * Markov chain over stages, and a discrete-time survival model.
 */
@PipelineStyle
package org.salespipeline.forecast.model;

import org.salespipeline.core.PipelineStyle;
