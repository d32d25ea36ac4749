package org.salespipeline.core.access;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.salespipeline.core.ConfigurationException;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealId;
import org.salespipeline.core.TeamId;
import org.salespipeline.core.UserId;
import org.salespipeline.core.org.OrgDirectory;
import org.salespipeline.core.store.DealScope;

/**
 * The built-in {@link AccessPolicy}, composed from grants. A deal action is allowed when one grant
 * gives it, checked in this order (the first that allows names the reason):
 *
 * <ol>
 *   <li>system principals ({@link Principal#system}) may do everything ({@link
 *       Builder#systemPrincipals}, on by default);
 *   <li>in a locked stage ({@link Builder#lockEditing}) no action that changes a deal is allowed,
 *       except to the exempt roles;
 *   <li>role-wide: a role given actions ({@link Builder#role}) has them on every deal and in the
 *       workspace (for example sales ops sees all);
 *   <li>owner: the deal's owner ({@link Builder#owner}; default VIEW, EDIT, MOVE, CLOSE, REOPEN);
 *   <li>manager chain: a manager whose reporting subtree in the {@link OrgDirectory} holds the
 *       owner ({@link Builder#managerChain}; default every deal action);
 *   <li>team member: a member of a team the owner belongs to ({@link Builder#teamMembers}; default
 *       VIEW);
 *   <li>deal team: a user put on one deal's team, to read or to edit ({@link Builder#dealTeam});
 *   <li>explicit share: a user a deal is shared with, for a reason, may view it ({@link
 *       Builder#share});
 *   <li>unassigned deals: deals owned by one of the unassigned owners are visible to everyone when
 *       {@link Builder#unassignedVisible} is on (off by default).
 * </ol>
 *
 * <p>Workspace actions are given by role or to everyone ({@link Builder#everyone}). The read scope
 * is built from the same grants, so a VIEW decision and the scope always agree. Teams are the org
 * directory's teams of the user at the instant, plus the principal's own {@link Principal#teams()}.
 * Immutable and thread-safe.
 */
public final class Grants implements AccessPolicy {
  private static final Set<Action> DEAL_ACTIONS = dealActions();

  private final OrgDirectory org;
  private final boolean systemPrincipals;
  private final Set<Action> owner;
  private final Set<Action> manager;
  private final Set<Action> team;
  private final Map<String, Set<Action>> roles;
  private final Set<Action> everyone;
  private final Map<DealId, Map<UserId, Set<Action>>> dealTeams;
  private final Map<DealId, Map<UserId, String>> shares;
  private final Map<UserId, Set<DealId>> dealsByUser;
  private final boolean unassignedVisible;
  private final Set<UserId> unassignedOwners;
  private final Set<String> lockedStages;
  private final Set<String> lockExemptRoles;

  private Grants(Builder b) {
    this.org = b.org;
    this.systemPrincipals = b.systemPrincipals;
    this.owner = Set.copyOf(b.owner);
    this.manager = Set.copyOf(b.manager);
    this.team = Set.copyOf(b.team);
    Map<String, Set<Action>> r = new HashMap<>();
    b.roles.forEach((k, v) -> r.put(k, Set.copyOf(v)));
    this.roles = Map.copyOf(r);
    this.everyone = Set.copyOf(b.everyone);
    Map<DealId, Map<UserId, Set<Action>>> dt = new HashMap<>();
    b.dealTeams.forEach((k, v) -> dt.put(k, Map.copyOf(v)));
    this.dealTeams = Map.copyOf(dt);
    Map<DealId, Map<UserId, String>> sh = new HashMap<>();
    b.shares.forEach((k, v) -> sh.put(k, Map.copyOf(v)));
    this.shares = Map.copyOf(sh);
    Map<UserId, Set<DealId>> byUser = new HashMap<>();
    b.dealTeams.forEach(
        (deal, users) ->
            users.keySet().forEach(u -> byUser.computeIfAbsent(u, x -> new HashSet<>()).add(deal)));
    b.shares.forEach(
        (deal, users) ->
            users.keySet().forEach(u -> byUser.computeIfAbsent(u, x -> new HashSet<>()).add(deal)));
    Map<UserId, Set<DealId>> frozen = new HashMap<>();
    byUser.forEach((k, v) -> frozen.put(k, Set.copyOf(v)));
    this.dealsByUser = Map.copyOf(frozen);
    this.unassignedVisible = b.unassignedVisible;
    this.unassignedOwners = Set.copyOf(b.unassignedOwners);
    this.lockedStages = Set.copyOf(b.lockedStages);
    this.lockExemptRoles = Set.copyOf(b.lockExemptRoles);
  }

  private static Set<Action> dealActions() {
    Set<Action> out = EnumSet.noneOf(Action.class);
    for (Action a : Action.values()) {
      if (!a.isWorkspaceAction()) {
        out.add(a);
      }
    }
    return out;
  }

  /** A builder with the defaults named on each setting; not thread-safe. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Decision decide(Principal principal, Action action, Deal deal, Instant at) {
    if (action.isWorkspaceAction()) {
      return decideWorkspace(principal, action, at);
    }
    if (systemPrincipals && principal.isSystem()) {
      return Decision.allow("system principal");
    }
    if (action.changesDeal()
        && lockedStages.contains(deal.stage())
        && principal.roles().stream().noneMatch(lockExemptRoles::contains)) {
      return Decision.deny("stage " + deal.stage() + " is locked for editing");
    }
    for (String role : principal.roles()) {
      Set<Action> given = roles.get(role);
      if (given != null && given.contains(action)) {
        return Decision.allow("role " + role);
      }
    }
    UserId user = principal.user();
    UserId dealOwner = deal.owner();
    if (owner.contains(action) && dealOwner.equals(user)) {
      return Decision.allow("owner");
    }
    if (manager.contains(action) && org.manages(user, dealOwner, at)) {
      return Decision.allow("manager of " + dealOwner);
    }
    if (team.contains(action) && teammates(principal, at).contains(dealOwner)) {
      return Decision.allow("team member of " + dealOwner);
    }
    Map<UserId, Set<Action>> dealTeam = dealTeams.get(deal.id());
    if (dealTeam != null && dealTeam.getOrDefault(user, Set.of()).contains(action)) {
      return Decision.allow("deal team member");
    }
    Map<UserId, String> shared = shares.get(deal.id());
    if (action == Action.VIEW && shared != null && shared.containsKey(user)) {
      return Decision.allow("shared: " + shared.get(user));
    }
    if (action == Action.VIEW && unassignedVisible && unassignedOwners.contains(dealOwner)) {
      return Decision.allow("unassigned deal");
    }
    return Decision.deny("no grant gives " + action + " on a deal owned by " + dealOwner);
  }

  @Override
  public Decision decideWorkspace(Principal principal, Action action, Instant at) {
    if (!action.isWorkspaceAction()) {
      return Decision.deny(action + " is a deal action");
    }
    if (systemPrincipals && principal.isSystem()) {
      return Decision.allow("system principal");
    }
    for (String role : principal.roles()) {
      Set<Action> given = roles.get(role);
      if (given != null && given.contains(action)) {
        return Decision.allow("role " + role);
      }
    }
    if (everyone.contains(action)) {
      return Decision.allow("granted to everyone");
    }
    return Decision.deny("no grant gives " + action);
  }

  @Override
  public DealScope readScope(Principal principal, Instant at) {
    if (systemPrincipals && principal.isSystem()) {
      return DealScope.all();
    }
    for (String role : principal.roles()) {
      Set<Action> given = roles.get(role);
      if (given != null && given.contains(Action.VIEW)) {
        return DealScope.all();
      }
    }
    UserId user = principal.user();
    Set<UserId> owners = new LinkedHashSet<>();
    if (owner.contains(Action.VIEW)) {
      owners.add(user);
    }
    if (manager.contains(Action.VIEW)) {
      owners.addAll(org.reportingSubtree(user, at));
    }
    if (team.contains(Action.VIEW)) {
      owners.addAll(teammates(principal, at));
    }
    if (unassignedVisible) {
      owners.addAll(unassignedOwners);
    }
    Set<DealId> deals = new LinkedHashSet<>();
    for (DealId deal : dealsByUser.getOrDefault(user, Set.of())) {
      Map<UserId, Set<Action>> dealTeam = dealTeams.get(deal);
      if ((dealTeam != null && dealTeam.getOrDefault(user, Set.of()).contains(Action.VIEW))
          || (shares.containsKey(deal) && shares.get(deal).containsKey(user))) {
        deals.add(deal);
      }
    }
    return DealScope.of(owners, deals);
  }

  /** The members of every team the principal is in at the instant. */
  private Set<UserId> teammates(Principal principal, Instant at) {
    Set<TeamId> teams = new LinkedHashSet<>(org.teamsOf(principal.user(), at));
    teams.addAll(principal.teams());
    Set<UserId> out = new LinkedHashSet<>();
    for (TeamId t : teams) {
      out.addAll(org.membersOf(t, at));
    }
    return out;
  }

  /**
   * Builds a {@link Grants} policy. Each setting fails fast with a {@link ConfigurationException}
   * naming it on a null or wrong value. Not thread-safe.
   */
  public static final class Builder {
    private OrgDirectory org = OrgDirectory.none();
    private boolean systemPrincipals = true;
    private Set<Action> owner =
        EnumSet.of(Action.VIEW, Action.EDIT, Action.MOVE, Action.CLOSE, Action.REOPEN);
    private Set<Action> manager = EnumSet.copyOf(DEAL_ACTIONS);
    private Set<Action> team = EnumSet.of(Action.VIEW);
    private final Map<String, Set<Action>> roles = new HashMap<>();
    private final Set<Action> everyone = EnumSet.noneOf(Action.class);
    private final Map<DealId, Map<UserId, Set<Action>>> dealTeams = new HashMap<>();
    private final Map<DealId, Map<UserId, String>> shares = new HashMap<>();
    private boolean unassignedVisible;
    private final Set<UserId> unassignedOwners = new HashSet<>();
    private final Set<String> lockedStages = new HashSet<>();
    private final Set<String> lockExemptRoles = new HashSet<>();

    private Builder() {}

    private static <T> T required(String setting, T value) {
      if (value == null) {
        throw new ConfigurationException(setting + " must not be null");
      }
      return value;
    }

    private static Set<Action> dealActionsOf(String setting, Action... actions) {
      required(setting, actions);
      Set<Action> out = EnumSet.noneOf(Action.class);
      for (Action a : actions) {
        required(setting, a);
        if (a.isWorkspaceAction()) {
          throw new ConfigurationException(
              setting + " takes deal actions only; " + a + " is a workspace action");
        }
        out.add(a);
      }
      return out;
    }

    /** The org directory the manager chain and team grants read (default: no teams). */
    public Builder org(OrgDirectory org) {
      this.org = required("org", org);
      return this;
    }

    /** Whether system principals may do everything (default true). */
    public Builder systemPrincipals(boolean allowed) {
      this.systemPrincipals = allowed;
      return this;
    }

    /** What a deal's owner may do on it (replaces the default VIEW, EDIT, MOVE, CLOSE, REOPEN). */
    public Builder owner(Action... actions) {
      this.owner = dealActionsOf("owner", actions);
      return this;
    }

    /**
     * What a manager may do on the deals of their reporting subtree (default: every deal action).
     */
    public Builder managerChain(Action... actions) {
      this.manager = dealActionsOf("managerChain", actions);
      return this;
    }

    /** What a team member may do on the deals of the team's members (default VIEW). */
    public Builder teamMembers(Action... actions) {
      this.team = dealActionsOf("teamMembers", actions);
      return this;
    }

    /**
     * Gives a role actions on every deal (deal actions) and in the workspace (workspace actions);
     * adds to what the role was given before.
     *
     * @throws ConfigurationException if the role is blank or an action null
     */
    public Builder role(String role, Action... actions) {
      if (role == null || role.isBlank()) {
        throw new ConfigurationException("role must not be blank");
      }
      required("role " + role, actions);
      Set<Action> given = roles.computeIfAbsent(role, r -> EnumSet.noneOf(Action.class));
      for (Action a : actions) {
        given.add(required("role " + role, a));
      }
      return this;
    }

    /** Gives a role every action, deal and workspace (for example an administrator). */
    public Builder roleWithEveryAction(String role) {
      return role(role, Action.values());
    }

    /**
     * Gives workspace actions to every principal (for example SUBMIT_FORECAST).
     *
     * @throws ConfigurationException for a deal action
     */
    public Builder everyone(Action... actions) {
      required("everyone", actions);
      for (Action a : actions) {
        if (!required("everyone", a).isWorkspaceAction()) {
          throw new ConfigurationException(
              "everyone takes workspace actions only; " + a + " is a deal action");
        }
        everyone.add(a);
      }
      return this;
    }

    /**
     * Puts a user on a deal's team: to read (VIEW) or to edit (VIEW, EDIT, MOVE).
     *
     * @param canEdit whether the user may edit as well as read
     */
    public Builder dealTeam(DealId deal, UserId user, boolean canEdit) {
      required("dealTeam deal", deal);
      required("dealTeam user", user);
      dealTeams
          .computeIfAbsent(deal, d -> new HashMap<>())
          .put(
              user,
              canEdit
                  ? EnumSet.of(Action.VIEW, Action.EDIT, Action.MOVE)
                  : EnumSet.of(Action.VIEW));
      return this;
    }

    /**
     * Shares a deal with a user, who may then view it.
     *
     * @param reason why, named in decisions (for example {@code "covering for alice"})
     * @throws ConfigurationException if the reason is blank
     */
    public Builder share(DealId deal, UserId user, String reason) {
      required("share deal", deal);
      required("share user", user);
      if (reason == null || reason.isBlank()) {
        throw new ConfigurationException("share of " + deal + " with " + user + " needs a reason");
      }
      shares.computeIfAbsent(deal, d -> new HashMap<>()).put(user, reason);
      return this;
    }

    /**
     * Whether deals of the unassigned owners are visible to everyone (default off).
     *
     * @param visible on or off
     * @param owners the placeholder owners that mean "unassigned" (for example {@code unassigned})
     */
    public Builder unassignedVisible(boolean visible, UserId... owners) {
      required("unassigned owners", owners);
      this.unassignedVisible = visible;
      for (UserId o : owners) {
        unassignedOwners.add(required("unassigned owner", o));
      }
      return this;
    }

    /**
     * Locks editing in stages: no action that changes a deal (EDIT, MOVE, CLOSE, REOPEN, REASSIGN,
     * OVERRIDE_RULE) is allowed on a deal in one of them, except to the exempt roles (which still
     * need a grant). Closed deals stand in their closing stage, so locking {@code closed_won} locks
     * won deals.
     */
    public Builder lockEditing(Set<String> stages, Set<String> exemptRoles) {
      lockedStages.addAll(required("lockEditing stages", stages));
      lockExemptRoles.addAll(required("lockEditing exemptRoles", exemptRoles));
      return this;
    }

    /** The policy. */
    public Grants build() {
      return new Grants(this);
    }

    @Override
    public String toString() {
      return "Grants.Builder" + Arrays.asList(owner, manager, team, roles.keySet());
    }
  }
}
