package org.salespipeline.forecast;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.ValidationException;

/**
 * Teams in a tree and the owners that belong to them. A team's figures are the sums over its own
 * members and those of every team below it. Team and owner names share one namespace in quota
 * reports, so they must differ. Immutable and thread-safe.
 */
public final class TeamHierarchy {
  private final Map<String, String> parent;
  private final Map<String, String> teamOf;

  private TeamHierarchy(Map<String, String> parent, Map<String, String> teamOf) {
    this.parent = parent;
    this.teamOf = teamOf;
  }

  /** A hierarchy without teams: every owner stands alone. */
  public static TeamHierarchy none() {
    return new TeamHierarchy(Map.of(), Map.of());
  }

  /** A builder; teams must be declared before their children and members. */
  public static Builder builder() {
    return new Builder();
  }

  /** Every team, parents before children. */
  public List<String> teams() {
    return List.copyOf(parent.keySet());
  }

  /** The parent team, empty for a root team or an unknown name. */
  public Optional<String> parentOf(String team) {
    return Optional.ofNullable(parent.get(team));
  }

  /** The team an owner belongs to directly, if any. */
  public Optional<String> teamOf(String owner) {
    return Optional.ofNullable(teamOf.get(owner));
  }

  /** The team of the owner and every ancestor team, nearest first. */
  public List<String> teamsAbove(String owner) {
    List<String> out = new ArrayList<>();
    String t = teamOf.get(owner);
    while (t != null) {
      out.add(t);
      t = parent.get(t);
    }
    return out;
  }

  /** Builds a {@link TeamHierarchy}. Not thread-safe. */
  public static final class Builder {
    private final Map<String, String> parent = new LinkedHashMap<>();
    private final Set<String> roots = new LinkedHashSet<>();
    private final Map<String, String> teamOf = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Declares a team.
     *
     * @param name the team name, not null, not yet declared
     * @param parentTeam an already declared team, or null for a root team
     * @throws ValidationException if the name is null or repeated or the parent unknown
     */
    public Builder team(String name, String parentTeam) {
      if (name == null || parent.containsKey(name) || roots.contains(name)) {
        throw new ValidationException(FieldProblem.of("team", name, "must be new and not null"));
      }
      if (parentTeam != null && !parent.containsKey(parentTeam) && !roots.contains(parentTeam)) {
        throw new ValidationException(
            FieldProblem.of("parentTeam", parentTeam, "must be declared first"));
      }
      parent.put(name, parentTeam);
      if (parentTeam == null) {
        roots.add(name);
      }
      return this;
    }

    /**
     * Puts an owner in a team.
     *
     * @throws ValidationException if the team is unknown or the owner already placed
     */
    public Builder member(String owner, String team) {
      if (owner == null || teamOf.containsKey(owner) || parent.containsKey(owner)) {
        throw new ValidationException(
            FieldProblem.of("owner", owner, "must be new, not null and not a team name"));
      }
      if (!parent.containsKey(team)) {
        throw new ValidationException(FieldProblem.of("team", team, "is not declared"));
      }
      teamOf.put(owner, team);
      return this;
    }

    /** The hierarchy. */
    public TeamHierarchy build() {
      Map<String, String> p = new LinkedHashMap<>();
      parent.forEach(p::put);
      return new TeamHierarchy(java.util.Collections.unmodifiableMap(p), Map.copyOf(teamOf));
    }
  }
}
