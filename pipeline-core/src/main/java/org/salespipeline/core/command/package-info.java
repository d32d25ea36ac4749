/**
 * Commands to {@link org.salespipeline.core.SalesPipeline}: each names the deal, the actor, and
 * optionally an idempotency key and the version it expects.
 */
@PipelineStyle
package org.salespipeline.core.command;

import org.salespipeline.core.PipelineStyle;
