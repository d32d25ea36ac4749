package org.salespipeline.forecast.rollup;

/** How a team's quota is found: set on the team, or summed from below. The host chooses. */
public enum QuotaRule {
  /** The quota set on the team itself; none if none is set. */
  OWN,
  /**
   * The sum of the quotas of the team's direct members and of its child teams (each child by its
   * own rule), as the organisation stands at the start of the period; each user or team counted
   * once even if reached twice.
   */
  SUM_OF_CHILDREN
}
