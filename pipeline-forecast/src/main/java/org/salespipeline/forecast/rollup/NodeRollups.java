package org.salespipeline.forecast.rollup;

import org.salespipeline.core.org.OrgNode;
import org.salespipeline.forecast.CategoryRollup;
import org.salespipeline.forecast.ForecastPeriod;

/**
 * The system's computed category roll-up of each organisation node for a period: for a user, the
 * deals they owned; for a team, those of everyone below it as the organisation stood when each deal
 * counted. Manager adjustments and forecast calls are layered over these figures, never written
 * back into them. Implementations are thread-safe.
 */
@FunctionalInterface
public interface NodeRollups {

  /**
   * The computed roll-up of a node for a period; all zero for a node with no deals.
   *
   * @param node the user or team
   * @param period the period the deals close in
   */
  CategoryRollup of(OrgNode node, ForecastPeriod period);
}
