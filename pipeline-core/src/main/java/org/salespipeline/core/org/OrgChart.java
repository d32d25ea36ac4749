package org.salespipeline.core.org;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.Team;
import org.salespipeline.core.TeamId;
import org.salespipeline.core.UserId;
import org.salespipeline.core.ValidationException;

/**
 * An effective-dated {@link OrgDirectory}: teams with a manager and a parent from an instant on,
 * and memberships from one instant until another. Immutable and thread-safe.
 *
 * <pre>{@code
 * OrgChart org = OrgChart.builder()
 *     .team(TeamId.of("sales"), UserId.of("vp"))
 *     .team(TeamId.of("east"), UserId.of("maria"), TeamId.of("sales"))
 *     .member(UserId.of("ann"), TeamId.of("east"), Instant.parse("2026-01-01T00:00:00Z"), null)
 *     .build();
 * }</pre>
 */
public final class OrgChart implements OrgDirectory {
  /** The instant of entries declared without one: they hold at every instant. */
  private static final Instant ALWAYS = Instant.MIN;

  private record Version(Instant from, UserId manager, TeamId parent) {}

  private record Membership(UserId user, TeamId team, Instant from, Instant until) {
    boolean holdsAt(Instant at) {
      return !at.isBefore(from) && (until == null || at.isBefore(until));
    }
  }

  private final Map<TeamId, List<Version>> versions;
  private final Map<UserId, List<Membership>> byUser;
  private final Map<TeamId, List<Membership>> byTeam;

  private OrgChart(
      Map<TeamId, List<Version>> versions,
      Map<UserId, List<Membership>> byUser,
      Map<TeamId, List<Membership>> byTeam) {
    this.versions = versions;
    this.byUser = byUser;
    this.byTeam = byTeam;
  }

  /** A builder; teams must be declared before their members and children. */
  public static Builder builder() {
    return new Builder();
  }

  static OrgChart fromTeams(Collection<Team> teams) {
    Map<TeamId, Team> byId = new TreeMap<>();
    for (Team t : teams) {
      byId.put(t.id(), t);
    }
    Builder b = builder();
    Set<TeamId> declared = new LinkedHashSet<>();
    for (Team t : byId.values()) {
      declareWithParents(t, byId, declared, b, new LinkedHashSet<>());
    }
    for (Team t : byId.values()) {
      for (UserId m : new LinkedHashSet<>(t.members())) {
        b.member(m, t.id());
      }
    }
    return b.build();
  }

  private static void declareWithParents(
      Team t, Map<TeamId, Team> byId, Set<TeamId> declared, Builder b, Set<TeamId> path) {
    if (declared.contains(t.id())) {
      return;
    }
    if (!path.add(t.id())) {
      throw new ValidationException(
          FieldProblem.of("parent", t.id(), "teams must not be their own ancestors: " + path));
    }
    if (t.parent().isPresent()) {
      Team parent = byId.get(t.parent().get());
      if (parent == null) {
        throw new ValidationException(
            FieldProblem.of(
                "parent", t.parent().get(), "is not among the teams given (team " + t.id() + ")"));
      }
      declareWithParents(parent, byId, declared, b, path);
    }
    b.team(t.id(), t.manager(), t.parent().orElse(null));
    declared.add(t.id());
  }

  private Version versionAt(TeamId team, Instant at) {
    List<Version> vs = versions.get(team);
    if (vs == null) {
      return null;
    }
    Version found = null;
    for (Version v : vs) {
      if (v.from().isAfter(at)) {
        break;
      }
      found = v;
    }
    return found == null || found.manager() == null ? null : found;
  }

  @Override
  public Set<TeamId> teams(Instant at) {
    Set<TeamId> out = new TreeSet<>();
    for (TeamId t : versions.keySet()) {
      if (versionAt(t, at) != null) {
        out.add(t);
      }
    }
    return Collections.unmodifiableSet(out);
  }

  @Override
  public Optional<TeamId> parentOf(TeamId team, Instant at) {
    Version v = versionAt(team, at);
    return v == null ? Optional.empty() : Optional.ofNullable(v.parent());
  }

  @Override
  public Optional<UserId> managerOf(TeamId team, Instant at) {
    Version v = versionAt(team, at);
    return v == null ? Optional.empty() : Optional.of(v.manager());
  }

  @Override
  public Set<UserId> membersOf(TeamId team, Instant at) {
    Set<UserId> out = new TreeSet<>();
    if (versionAt(team, at) != null) {
      for (Membership m : byTeam.getOrDefault(team, List.of())) {
        if (m.holdsAt(at)) {
          out.add(m.user());
        }
      }
    }
    return Collections.unmodifiableSet(out);
  }

  @Override
  public Set<TeamId> teamsOf(UserId user, Instant at) {
    Set<TeamId> out = new TreeSet<>();
    for (Membership m : byUser.getOrDefault(user, List.of())) {
      if (m.holdsAt(at) && versionAt(m.team(), at) != null) {
        out.add(m.team());
      }
    }
    return Collections.unmodifiableSet(out);
  }

  /**
   * Every instant at which the chart changes (a team declared, changed or dissolved, a membership
   * starting or ending), ascending; between two of them every answer of the chart stays the same.
   * Entries declared without an instant hold at every instant and add none. Lets readers such as
   * forecast roll-ups ask the chart once per stretch instead of once per day.
   */
  public NavigableSet<Instant> changes() {
    NavigableSet<Instant> out = new TreeSet<>();
    versions.values().forEach(list -> list.forEach(v -> out.add(v.from())));
    byUser
        .values()
        .forEach(
            list ->
                list.forEach(
                    m -> {
                      out.add(m.from());
                      if (m.until() != null) {
                        out.add(m.until());
                      }
                    }));
    out.remove(ALWAYS);
    return Collections.unmodifiableNavigableSet(out);
  }

  /** Builds an {@link OrgChart}. Not thread-safe. */
  public static final class Builder {
    private final Map<TeamId, List<Version>> versions = new TreeMap<>();
    private final List<Membership> memberships = new ArrayList<>();

    private Builder() {}

    /** A root team that exists at every instant. */
    public Builder team(TeamId id, UserId manager) {
      return team(id, manager, null, ALWAYS);
    }

    /** A team under {@code parent} (null for a root team) that exists at every instant. */
    public Builder team(TeamId id, UserId manager, TeamId parent) {
      return team(id, manager, parent, ALWAYS);
    }

    /**
     * The team as it is from {@code from} on: its manager and parent. Declaring a team again with a
     * later instant records a change (a new manager, a move under another parent) without touching
     * the past.
     *
     * @param parent the parent team, null for a root team; it must exist at {@code from}
     * @throws ValidationException if an argument is null or {@code from} is not after the team's
     *     previous declaration
     */
    public Builder team(TeamId id, UserId manager, TeamId parent, Instant from) {
      require("team", id);
      require("manager", manager);
      require("from", from);
      if (id.equals(parent)) {
        throw new ValidationException(FieldProblem.of("parent", parent, "must not be the team"));
      }
      addVersion(id, new Version(from, manager, parent));
      return this;
    }

    /**
     * Dissolves the team at the instant: from then on it has no manager, members or children.
     *
     * @throws ValidationException if the team is not declared before {@code at}
     */
    public Builder dissolve(TeamId id, Instant at) {
      require("team", id);
      require("at", at);
      if (!versions.containsKey(id)) {
        throw new ValidationException(FieldProblem.of("team", id, "is not declared"));
      }
      addVersion(id, new Version(at, null, null));
      return this;
    }

    private void addVersion(TeamId id, Version v) {
      List<Version> vs = versions.computeIfAbsent(id, k -> new ArrayList<>());
      if (!vs.isEmpty() && !v.from().isAfter(vs.get(vs.size() - 1).from())) {
        throw new ValidationException(
            FieldProblem.of(
                "from",
                v.from(),
                "must be after the team's previous change at " + vs.get(vs.size() - 1).from()));
      }
      vs.add(v);
    }

    /** Makes the user a member of the team at every instant. */
    public Builder member(UserId user, TeamId team) {
      return member(user, team, ALWAYS, null);
    }

    /**
     * Makes the user a member of the team from {@code from} (inclusive) until {@code until}
     * (exclusive; null for open-ended). A user may belong to several teams at once.
     *
     * @throws ValidationException if the team is not declared, {@code until} is not after {@code
     *     from}, or the span overlaps another membership of the same user in the same team
     */
    public Builder member(UserId user, TeamId team, Instant from, Instant until) {
      require("member", user);
      require("team", team);
      require("from", from);
      if (!versions.containsKey(team)) {
        throw new ValidationException(
            FieldProblem.of("team", team, "is not declared; declare teams before their members"));
      }
      if (until != null && !until.isAfter(from)) {
        throw new ValidationException(FieldProblem.of("until", until, "must be after " + from));
      }
      Membership m = new Membership(user, team, from, until);
      for (Membership o : memberships) {
        if (o.user().equals(user) && o.team().equals(team) && overlap(o, m)) {
          throw new ValidationException(
              FieldProblem.of(
                  "from", from, user + " is already a member of " + team + " from " + o.from()));
        }
      }
      memberships.add(m);
      return this;
    }

    private static boolean overlap(Membership a, Membership b) {
      boolean aEndsBeforeB = a.until() != null && !a.until().isAfter(b.from());
      boolean bEndsBeforeA = b.until() != null && !b.until().isAfter(a.from());
      return !aEndsBeforeB && !bEndsBeforeA;
    }

    private static void require(String field, Object value) {
      if (value == null) {
        throw new ValidationException(FieldProblem.of(field, null, "must not be null"));
      }
    }

    /**
     * The chart.
     *
     * @throws ValidationException if at some instant a team's parent does not exist or the parents
     *     form a cycle
     */
    public OrgChart build() {
      Map<TeamId, List<Version>> vs = new TreeMap<>();
      versions.forEach((k, v) -> vs.put(k, List.copyOf(v)));
      Map<UserId, List<Membership>> byUser = new HashMap<>();
      Map<TeamId, List<Membership>> byTeam = new HashMap<>();
      for (Membership m : memberships) {
        byUser.computeIfAbsent(m.user(), k -> new ArrayList<>()).add(m);
        byTeam.computeIfAbsent(m.team(), k -> new ArrayList<>()).add(m);
      }
      byUser.replaceAll((k, v) -> List.copyOf(v));
      byTeam.replaceAll((k, v) -> List.copyOf(v));
      OrgChart chart =
          new OrgChart(
              Collections.unmodifiableMap(vs),
              Collections.unmodifiableMap(byUser),
              Collections.unmodifiableMap(byTeam));
      Set<Instant> changes = new TreeSet<>();
      vs.values().forEach(list -> list.forEach(v -> changes.add(v.from())));
      for (Instant at : changes) {
        check(chart, at);
      }
      return chart;
    }

    private static void check(OrgChart chart, Instant at) {
      Set<TeamId> live = chart.teams(at);
      for (TeamId t : live) {
        Optional<TeamId> p = chart.parentOf(t, at);
        if (p.isPresent() && !live.contains(p.get())) {
          throw new ValidationException(
              FieldProblem.of(
                  "parent", p.get(), "of team " + t + " does not exist at " + display(at)));
        }
        Set<TeamId> path = new LinkedHashSet<>();
        path.add(t);
        while (p.isPresent()) {
          if (!path.add(p.get())) {
            throw new ValidationException(
                FieldProblem.of(
                    "parent", p.get(), "forms a cycle at " + display(at) + ": " + path));
          }
          p = chart.parentOf(p.get(), at);
        }
      }
    }

    private static String display(Instant at) {
      return at.equals(ALWAYS) ? "every instant" : at.toString();
    }
  }
}
