package org.salespipeline.core.org;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.salespipeline.core.Team;
import org.salespipeline.core.TeamId;
import org.salespipeline.core.UserId;

/**
 * Teams, their managers and members, and how teams nest, as of any instant. Effective dating lets a
 * user move team without rewriting the past: a question asked "as of" an instant is answered with
 * the organisation of that instant.
 *
 * <p>A team's manager manages the team's members and, through the teams below it, every member and
 * manager of those teams: that set is the manager's {@linkplain #reportingSubtree reporting
 * subtree}.
 *
 * <p>Implementations must be thread-safe; {@link OrgChart} is immutable. Hosts with their own HR
 * data may implement the five abstract methods over it; the default methods derive the rest.
 */
public interface OrgDirectory {

  /** A directory with no teams: nobody manages anybody. */
  static OrgDirectory none() {
    return OrgChart.builder().build();
  }

  /**
   * An undated directory from stored teams (for example {@code pipeline.teams()}): each team with
   * its manager, members and parent holds at every instant.
   *
   * @throws org.salespipeline.core.ValidationException if a parent team is missing or the parents
   *     form a cycle
   */
  static OrgDirectory fromTeams(Collection<Team> teams) {
    return OrgChart.fromTeams(teams);
  }

  /** The teams that exist at the instant, ordered by id. */
  Set<TeamId> teams(Instant at);

  /** The team's parent at the instant; empty for a root team or a team that does not exist then. */
  Optional<TeamId> parentOf(TeamId team, Instant at);

  /** The team's manager at the instant; empty if the team does not exist then. */
  Optional<UserId> managerOf(TeamId team, Instant at);

  /**
   * The direct members of the team at the instant, ordered by id (its manager only if also a
   * member).
   */
  Set<UserId> membersOf(TeamId team, Instant at);

  /** The teams the user is a direct member of at the instant, ordered by id. */
  Set<TeamId> teamsOf(UserId user, Instant at);

  /** The teams the user manages at the instant, ordered by id. */
  default Set<TeamId> teamsManagedBy(UserId user, Instant at) {
    Set<TeamId> out = new LinkedHashSet<>();
    for (TeamId t : teams(at)) {
      if (managerOf(t, at).filter(user::equals).isPresent()) {
        out.add(t);
      }
    }
    return out;
  }

  /** The team's children at the instant, ordered by id. */
  default Set<TeamId> childrenOf(TeamId team, Instant at) {
    Set<TeamId> out = new LinkedHashSet<>();
    for (TeamId t : teams(at)) {
      if (parentOf(t, at).filter(team::equals).isPresent()) {
        out.add(t);
      }
    }
    return out;
  }

  /** The team's parent, grandparent and so on at the instant, nearest first. */
  default List<TeamId> ancestorsOf(TeamId team, Instant at) {
    List<TeamId> out = new ArrayList<>();
    Optional<TeamId> p = parentOf(team, at);
    int guard = teams(at).size();
    while (p.isPresent() && guard-- > 0) {
      out.add(p.get());
      p = parentOf(p.get(), at);
    }
    return out;
  }

  /** The team and every team below it at the instant, parents before children. */
  default List<TeamId> subtreeOf(TeamId team, Instant at) {
    List<TeamId> out = new ArrayList<>();
    if (!teams(at).contains(team)) {
      return out;
    }
    Set<TeamId> seen = new LinkedHashSet<>();
    Deque<TeamId> todo = new ArrayDeque<>();
    todo.add(team);
    while (!todo.isEmpty()) {
      TeamId t = todo.poll();
      if (seen.add(t)) {
        out.add(t);
        todo.addAll(childrenOf(t, at));
      }
    }
    return out;
  }

  /**
   * Everyone the user manages at the instant: the members and managers of every team in the
   * subtrees of the teams the user manages, without the user. Empty for a user who manages no team.
   */
  default Set<UserId> reportingSubtree(UserId manager, Instant at) {
    Set<UserId> out = new LinkedHashSet<>();
    for (TeamId top : teamsManagedBy(manager, at)) {
      for (TeamId t : subtreeOf(top, at)) {
        out.addAll(membersOf(t, at));
        managerOf(t, at).ifPresent(out::add);
      }
    }
    out.remove(manager);
    return out;
  }

  /**
   * Whether {@code user} is in {@code manager}'s {@linkplain #reportingSubtree reporting subtree}.
   */
  default boolean manages(UserId manager, UserId user, Instant at) {
    return !manager.equals(user) && reportingSubtree(manager, at).contains(user);
  }
}
