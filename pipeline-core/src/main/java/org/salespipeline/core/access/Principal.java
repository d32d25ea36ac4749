package org.salespipeline.core.access;

import java.util.Set;
import org.immutables.value.Value;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.TeamId;
import org.salespipeline.core.UserId;
import org.salespipeline.core.ValidationException;

/**
 * Who a call runs as: the host's user id, its roles and the teams the host knows it in (added to
 * the teams of the org directory). A system principal ({@link #system}) stands for a host job or an
 * import; its user id starts with {@value #SYSTEM_PREFIX}, so history records it as such (hosts
 * must not give people user ids with that prefix). Immutable.
 */
@Value.Immutable
public abstract class Principal {
  /** The prefix of the user id of every system principal. */
  public static final String SYSTEM_PREFIX = "system.";

  /** A builder; not thread-safe. */
  public static Builder builder() {
    return new Builder();
  }

  /** A principal with no roles and no extra teams. */
  public static Principal of(UserId user) {
    return builder().user(user).build();
  }

  /** A principal with roles. */
  public static Principal of(UserId user, String... roles) {
    return builder().user(user).addRoles(roles).build();
  }

  /**
   * The principal of a host job or import, recorded in history as user {@code system.<job>}.
   *
   * @param job what runs, for example {@code nightly-import}: letters, digits, '_', '-' or '.'
   * @throws ValidationException naming {@code job} if it is not a valid key
   */
  public static Principal system(String job) {
    if (job == null || job.isEmpty() || job.length() > 64 - SYSTEM_PREFIX.length()) {
      throw new ValidationException(
          FieldProblem.of("job", job, "must be 1-" + (64 - SYSTEM_PREFIX.length()) + " chars"));
    }
    return builder().user(UserId.parse("job", SYSTEM_PREFIX + job)).build();
  }

  /** The user the call runs as; commands of this principal must name it as their actor. */
  public abstract UserId user();

  /** The host's roles of the user, for example {@code sales-ops}. */
  public abstract Set<String> roles();

  /** Teams the host places the user in, besides those of the org directory. */
  public abstract Set<TeamId> teams();

  /** Whether this is a system principal (its user id starts with {@value #SYSTEM_PREFIX}). */
  public boolean isSystem() {
    return user().value().startsWith(SYSTEM_PREFIX);
  }

  /** Whether the principal has the role. */
  public boolean hasRole(String role) {
    return roles().contains(role);
  }

  @Value.Check
  void check() {
    for (String role : roles()) {
      if (role == null || role.isBlank()) {
        throw new ValidationException(FieldProblem.of("roles", role, "must not be blank"));
      }
    }
  }

  /** Builds principals; not thread-safe. */
  public static class Builder extends ImmutablePrincipal.Builder {}
}
