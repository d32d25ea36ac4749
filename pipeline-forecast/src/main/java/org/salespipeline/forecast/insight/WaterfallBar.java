package org.salespipeline.forecast.insight;

import java.util.List;
import org.salespipeline.core.DealId;

/**
 * One bar of the waterfall.
 *
 * @param step which bar
 * @param amount its size, never negative, minor units (the direction is {@link
 *     WaterfallStep#sign()})
 * @param deals how many deals contribute
 * @param dealIds the deals behind it, at most the report's list limit
 */
public record WaterfallBar(WaterfallStep step, long amount, long deals, List<DealId> dealIds) {}
