package org.salespipeline.core;

import java.time.Clock;
import java.util.Optional;
import org.salespipeline.core.access.AccessDeniedException;
import org.salespipeline.core.access.AccessPolicy;
import org.salespipeline.core.access.Action;
import org.salespipeline.core.access.Decision;
import org.salespipeline.core.access.InvisibleDeals;
import org.salespipeline.core.access.Principal;
import org.salespipeline.core.store.DealScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one access check of the engine (issue 16): every room asks it before it writes, and the
 * principal's store view ({@link ScopedStore}) asks it on every read. Unbound (no principal, the
 * default pipeline) it allows everything at the cost of one field read.
 *
 * <p>Commands added later (forecast calls and adjustments) call {@code
 * context.access().requireWorkspace(actor, Action.SUBMIT_FORECAST)} or {@link #require} the same
 * way. Immutable.
 */
final class AccessGuard {
  private static final Logger LOG = LoggerFactory.getLogger("org.salespipeline.core.access");

  private final AccessPolicy policy;
  private final InvisibleDeals invisible;
  private final Clock clock;
  private final Principal principal;

  AccessGuard(AccessPolicy policy, InvisibleDeals invisible, Clock clock, Principal principal) {
    this.policy = policy;
    this.invisible = invisible;
    this.clock = clock;
    this.principal = principal;
  }

  /** The same policy bound to a principal. */
  AccessGuard as(Principal principal) {
    return new AccessGuard(policy, invisible, clock, principal);
  }

  /** Whether a principal is bound (checks apply). */
  boolean bound() {
    return principal != null;
  }

  Optional<Principal> principal() {
    return Optional.ofNullable(principal);
  }

  AccessPolicy policy() {
    return policy;
  }

  InvisibleDeals invisibleDeals() {
    return invisible;
  }

  /**
   * Refuses a deal action the policy does not allow, or a command whose actor is not the bound
   * principal; does nothing when unbound.
   *
   * @throws AccessDeniedException naming the action, the deal and the reason (logged)
   */
  void require(UserId actor, Action action, Deal deal) {
    if (principal == null) {
      return;
    }
    requireActor(actor, action, Optional.of(deal.id()));
    Decision decision = policy.decide(principal, action, deal, clock.instant());
    if (!decision.allowed()) {
      throw denied(action, Optional.of(deal.id()), decision.reason());
    }
  }

  /**
   * Refuses a workspace action the policy does not allow; does nothing when unbound.
   *
   * @param actor the command's actor, or null for a read
   * @throws AccessDeniedException naming the action and the reason (logged)
   */
  void requireWorkspace(UserId actor, Action action) {
    if (principal == null) {
      return;
    }
    if (actor != null) {
      requireActor(actor, action, Optional.empty());
    }
    Decision decision = policy.decideWorkspace(principal, action, clock.instant());
    if (!decision.allowed()) {
      throw denied(action, Optional.empty(), decision.reason());
    }
  }

  private void requireActor(UserId actor, Action action, Optional<DealId> deal) {
    if (!principal.user().equals(actor)) {
      throw denied(action, deal, "actor " + actor + " is not the principal " + principal.user());
    }
  }

  /** Whether the bound principal may view the deal (always when unbound). */
  boolean canView(Deal deal) {
    return principal == null
        || policy.decide(principal, Action.VIEW, deal, clock.instant()).allowed();
  }

  /**
   * The answer for a deal that exists but may not be viewed: nothing (NOT_FOUND) or a refusal.
   *
   * @throws AccessDeniedException under {@link InvisibleDeals#DENIED}
   */
  void invisible(Deal deal) {
    if (invisible == InvisibleDeals.DENIED) {
      throw denied(
          Action.VIEW,
          Optional.of(deal.id()),
          policy.decide(principal, Action.VIEW, deal, clock.instant()).reason());
    }
  }

  /** The deals the bound principal may view (every deal when unbound). */
  DealScope scope() {
    return principal == null ? DealScope.all() : policy.readScope(principal, clock.instant());
  }

  private AccessDeniedException denied(Action action, Optional<DealId> deal, String reason) {
    AccessDeniedException e = new AccessDeniedException(principal.user(), action, deal, reason);
    LOG.info("access denied: {}", e.getMessage());
    return e;
  }
}
