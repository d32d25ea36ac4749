package org.salespipeline.forecast.rollup;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.Quota;
import org.salespipeline.core.TeamId;
import org.salespipeline.core.ValidationException;
import org.salespipeline.core.org.OrgDirectory;
import org.salespipeline.core.org.OrgNode;
import org.salespipeline.forecast.ForecastPeriod;

/**
 * Quotas per organisation node, period and forecast type, and how they roll up: a user's quota is
 * their own; a team's is its own or the sum of its children's, by the {@link QuotaRule} the host
 * chose for it (default {@link QuotaRule#OWN}). Amounts in minor units of the reporting currency.
 *
 * <p>A sum follows the organisation as it stands at the start of the period (in the builder's zone,
 * UTC by default): the team's direct members, then each child team by its own rule. A user or team
 * reached twice (a user in two child teams) is counted once. A child team with rule {@code OWN}
 * contributes its own quota and is not looked into.
 *
 * <p>The forecast type is the host's name for what is forecast (for example {@code revenue} or
 * {@code units}); quotas of different types never mix.
 *
 * <p>Immutable and thread-safe.
 */
public final class NodeQuotas {
  private record Key(OrgNode node, ForecastPeriod period, String type) {}

  private final OrgDirectory org;
  private final ZoneId zone;
  private final QuotaRule defaultRule;
  private final Map<TeamId, QuotaRule> rules;
  private final Map<Key, Long> own;

  private NodeQuotas(Builder b) {
    this.org = b.org;
    this.zone = b.zone;
    this.defaultRule = b.defaultRule;
    this.rules = Map.copyOf(b.rules);
    this.own = Map.copyOf(b.own);
  }

  /**
   * A builder over the organisation.
   *
   * @throws ValidationException if null
   */
  public static Builder builder(OrgDirectory org) {
    if (org == null) {
      throw new ValidationException(FieldProblem.of("org", null, "must not be null"));
    }
    return new Builder(org);
  }

  /** The rule of a team. */
  public QuotaRule ruleOf(TeamId team) {
    return rules.getOrDefault(team, defaultRule);
  }

  /**
   * The quota set on the node itself, if any.
   *
   * @throws ValidationException if an argument is null
   */
  public OptionalLong own(OrgNode node, ForecastPeriod period, String forecastType) {
    Long q = own.get(key(node, period, forecastType));
    return q == null ? OptionalLong.empty() : OptionalLong.of(q);
  }

  /**
   * The node's quota by its rule: its own for a user and an {@code OWN} team; for a {@code
   * SUM_OF_CHILDREN} team the sum described above, empty when nothing below has a quota.
   *
   * @throws ValidationException if an argument is null
   */
  public OptionalLong quota(OrgNode node, ForecastPeriod period, String forecastType) {
    Key k = key(node, period, forecastType);
    if (!(node instanceof OrgNode.Team t) || ruleOf(t.id()) == QuotaRule.OWN) {
      return own(node, period, forecastType);
    }
    Instant at = period.start().atStartOfDay(zone).toInstant();
    Set<OrgNode> parts = new LinkedHashSet<>();
    collect(t.id(), at, parts, new LinkedHashSet<>());
    boolean any = false;
    long sum = 0;
    for (OrgNode part : parts) {
      Long q = own.get(new Key(part, k.period(), k.type()));
      if (q != null) {
        any = true;
        sum = Math.addExact(sum, q);
      }
    }
    return any ? OptionalLong.of(sum) : OptionalLong.empty();
  }

  private void collect(TeamId team, Instant at, Set<OrgNode> parts, Set<TeamId> seen) {
    if (!seen.add(team)) {
      return;
    }
    org.membersOf(team, at).forEach(u -> parts.add(OrgNode.user(u)));
    for (TeamId child : org.childrenOf(team, at)) {
      if (ruleOf(child) == QuotaRule.OWN) {
        parts.add(OrgNode.team(child));
      } else {
        collect(child, at, parts, seen);
      }
    }
  }

  private static Key key(OrgNode node, ForecastPeriod period, String type) {
    if (node == null || period == null) {
      throw new ValidationException(
          FieldProblem.of(node == null ? "node" : "period", null, "must not be null"));
    }
    if (type == null || type.isBlank()) {
      throw new ValidationException(
          FieldProblem.of(
              "forecastType", type, "must not be blank; name what is forecast, e.g. revenue"));
    }
    return new Key(node, period, type);
  }

  /**
   * Builds {@link NodeQuotas}. Defaults: rule {@link QuotaRule#OWN} for every team, zone UTC, no
   * quotas. Each setting may be set once; each (node, period, type) once. Not thread-safe.
   */
  public static final class Builder {
    private final OrgDirectory org;
    private ZoneId zone = ZoneOffset.UTC;
    private boolean zoneSet;
    private QuotaRule defaultRule = QuotaRule.OWN;
    private boolean defaultRuleSet;
    private final Map<TeamId, QuotaRule> rules = new HashMap<>();
    private final Map<Key, Long> own = new HashMap<>();

    private Builder(OrgDirectory org) {
      this.org = org;
    }

    /**
     * The rule of teams without one of their own.
     *
     * @throws ValidationException if null or set before
     */
    public Builder defaultRule(QuotaRule rule) {
      if (rule == null || defaultRuleSet) {
        throw new ValidationException(
            FieldProblem.of(
                "defaultRule", rule, rule == null ? "must not be null" : "was already set"));
      }
      defaultRule = rule;
      defaultRuleSet = true;
      return this;
    }

    /**
     * The rule of one team.
     *
     * @throws ValidationException if an argument is null or the team's rule was set before
     */
    public Builder rule(TeamId team, QuotaRule rule) {
      if (team == null || rule == null) {
        throw new ValidationException(
            FieldProblem.of(team == null ? "team" : "rule", null, "must not be null"));
      }
      if (rules.putIfAbsent(team, rule) != null) {
        throw new ValidationException(
            FieldProblem.of("rule", team, "was already set to " + rules.get(team)));
      }
      return this;
    }

    /**
     * The zone whose start of a period's first day fixes the organisation a sum follows.
     *
     * @throws ValidationException if null or set before
     */
    public Builder zone(ZoneId zone) {
      if (zone == null || zoneSet) {
        throw new ValidationException(
            FieldProblem.of("zone", zone, zone == null ? "must not be null" : "was already set"));
      }
      this.zone = zone;
      zoneSet = true;
      return this;
    }

    /**
     * The node's own quota for a period and forecast type.
     *
     * @param amountMinor not negative, minor units of the reporting currency
     * @throws ValidationException if an argument is null, the type blank, the amount negative, or a
     *     quota for the same node, period and type was given before
     */
    public Builder quota(
        OrgNode node, ForecastPeriod period, String forecastType, long amountMinor) {
      Key k = key(node, period, forecastType);
      if (amountMinor < 0) {
        throw new ValidationException(
            FieldProblem.of("amount", amountMinor, "must not be negative"));
      }
      if (own.putIfAbsent(k, amountMinor) != null) {
        throw new ValidationException(
            FieldProblem.of(
                "quota",
                node.key(),
                "is already set for "
                    + period.start()
                    + " to "
                    + period.end()
                    + " ("
                    + forecastType
                    + ")"));
      }
      return this;
    }

    /**
     * A stored core {@link Quota} as the own quota of its owner or team, for its period ({@code
     * periodEnd} inclusive) and the forecast type; the amount's minor units are taken as they are,
     * so the quota must be in the reporting currency.
     *
     * @throws ValidationException as {@link #quota(OrgNode, ForecastPeriod, String, long)}
     */
    public Builder quota(Quota quota, String forecastType) {
      if (quota == null) {
        throw new ValidationException(FieldProblem.of("quota", null, "must not be null"));
      }
      OrgNode node =
          quota.owner().isPresent()
              ? OrgNode.user(quota.owner().get())
              : OrgNode.team(quota.team().orElseThrow());
      return quota(
          node,
          ForecastPeriod.of(quota.periodStart(), quota.periodEnd().plusDays(1)),
          forecastType,
          quota.amount().toMinorUnits());
    }

    /** The quotas. */
    public NodeQuotas build() {
      return new NodeQuotas(this);
    }
  }
}
