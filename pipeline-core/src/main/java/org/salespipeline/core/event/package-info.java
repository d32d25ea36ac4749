/**
 * The history of deals: every change is a {@link org.salespipeline.core.event.DealEvent}, never
 * lost or rewritten, and {@link org.salespipeline.core.event.PipelineListener}s hear committed
 * events.
 */
@PipelineStyle
package org.salespipeline.core.event;

import org.salespipeline.core.PipelineStyle;
