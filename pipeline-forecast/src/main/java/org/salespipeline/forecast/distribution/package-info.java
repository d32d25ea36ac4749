/**
 * Distribution of pipeline revenue {@code S = sum a_i B_i} with independent {@code B_i ~
 * Bernoulli(p_i)}: exact, hybrid (exact lattice plus Gaussian), normal with a Berry-Esseen bound,
 * and Monte Carlo engines.
 */
@PipelineStyle
package org.salespipeline.forecast.distribution;

import org.salespipeline.core.PipelineStyle;
