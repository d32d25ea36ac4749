package org.salespipeline.examples;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.salespipeline.core.TeamId;
import org.salespipeline.core.UserId;
import org.salespipeline.core.org.OrgDirectory;
import org.salespipeline.core.org.OrgNode;
import org.salespipeline.forecast.CategoryRollup;
import org.salespipeline.forecast.ForecastPeriod;
import org.salespipeline.forecast.Forecaster;
import org.salespipeline.forecast.rollup.NodeRollups;

/**
 * A simple system roll-up for the examples, until the library's effective-dated one lands: a user's
 * figures are their row of {@link Forecaster#rollupByOwner}, a team's the sum over everyone in its
 * subtree (members and managers) as the organisation stands at one instant. Immutable.
 */
public final class OwnerSumRollups implements NodeRollups {
  private static final CategoryRollup ZERO = new CategoryRollup(0, 0, 0, 0, 0);

  private final Forecaster forecaster;
  private final OrgDirectory org;
  private final Instant at;

  private OwnerSumRollups(Forecaster forecaster, OrgDirectory org, Instant at) {
    this.forecaster = forecaster;
    this.org = org;
    this.at = at;
  }

  /** The roll-ups of the forecaster's deals over the organisation as it stands at the instant. */
  public static OwnerSumRollups of(Forecaster forecaster, OrgDirectory org, Instant at) {
    return new OwnerSumRollups(forecaster, org, at);
  }

  @Override
  public CategoryRollup of(OrgNode node, ForecastPeriod period) {
    Map<String, CategoryRollup> byOwner = forecaster.rollupByOwner(period);
    if (node instanceof OrgNode.User u) {
      return byOwner.getOrDefault(u.id().value(), ZERO);
    }
    Set<UserId> users = new LinkedHashSet<>();
    for (TeamId t : org.subtreeOf(((OrgNode.Team) node).id(), at)) {
      users.addAll(org.membersOf(t, at));
      org.managerOf(t, at).ifPresent(users::add);
    }
    CategoryRollup sum = ZERO;
    for (UserId u : users) {
      sum = sum.plus(byOwner.getOrDefault(u.value(), ZERO));
    }
    return sum;
  }
}
