package org.salespipeline.core.org;

import java.util.Objects;
import org.salespipeline.core.TeamId;
import org.salespipeline.core.UserId;

/**
 * A node of the organisation that owns numbers: a user (a rep, or a manager speaking for
 * themselves) or a team (whose numbers are those of everyone below it). Forecast calls, adjustments
 * and roll-ups are kept per node. Immutable.
 */
public sealed interface OrgNode permits OrgNode.User, OrgNode.Team {

  /** The node of one user. */
  static OrgNode user(UserId user) {
    return new User(user);
  }

  /** The node of a team. */
  static OrgNode team(TeamId team) {
    return new Team(team);
  }

  /** {@code user:<id>} or {@code team:<id>}, a stable text form for storage and display. */
  String key();

  /**
   * Reads a node back from {@link #key()}.
   *
   * @throws org.salespipeline.core.ValidationException if the text is not a node key
   */
  static OrgNode parse(String key) {
    Objects.requireNonNull(key, "key");
    if (key.startsWith("user:")) {
      return user(UserId.of(key.substring(5)));
    }
    if (key.startsWith("team:")) {
      return team(TeamId.of(key.substring(5)));
    }
    throw new org.salespipeline.core.ValidationException(
        org.salespipeline.core.FieldProblem.of("node", key, "must be 'user:<id>' or 'team:<id>'"));
  }

  /**
   * A user's node.
   *
   * @param id the user, not null
   */
  record User(UserId id) implements OrgNode {
    /** Checks the id. */
    public User {
      Objects.requireNonNull(id, "id");
    }

    @Override
    public String key() {
      return "user:" + id.value();
    }
  }

  /**
   * A team's node.
   *
   * @param id the team, not null
   */
  record Team(TeamId id) implements OrgNode {
    /** Checks the id. */
    public Team {
      Objects.requireNonNull(id, "id");
    }

    @Override
    public String key() {
      return "team:" + id.value();
    }
  }
}
