package org.salespipeline.core;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A sales team: a manager and members, optionally under a parent team, so that forecasts roll up
 * through a hierarchy. Immutable.
 */
@Value.Immutable
public abstract class Team {
  public static Builder builder() {
    return new Builder();
  }

  public abstract TeamId id();

  public abstract WorkspaceId workspace();

  public abstract String name();

  public abstract UserId manager();

  /** Members in the order given; a user may belong to several teams. */
  public abstract List<UserId> members();

  /** The team this one reports to. */
  public abstract Optional<TeamId> parent();

  /** Builds teams; not thread-safe. */
  public static class Builder extends ImmutableTeam.Builder {}
}
