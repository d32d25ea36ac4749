package org.salespipeline.core.access;

import java.time.Instant;
import org.salespipeline.core.Deal;
import org.salespipeline.core.store.DealScope;

/**
 * Decides who may do what (issue 16). The engine asks it before every command of a principal's view
 * ({@code SalesPipeline.as}) and puts its {@link #readScope} into every read of that view.
 *
 * <p>Contract for implementations: {@link #decide} with {@link Action#VIEW} allows a deal exactly
 * when {@link #readScope} {@linkplain DealScope#includes includes} it (the testkit checks it), so
 * lists, totals and single reads agree; decisions are pure functions of their arguments (and the
 * instant); thread-safe.
 */
public interface AccessPolicy {

  /**
   * Whether the principal may take a deal action on the deal.
   *
   * @param principal who asks
   * @param action a deal action ({@link Action#isWorkspaceAction()} false)
   * @param deal the deal as stored (for a new deal, as it would be opened)
   * @param at the instant of the decision (the org directory's date)
   * @return the decision with its reason
   */
  Decision decide(Principal principal, Action action, Deal deal, Instant at);

  /**
   * Whether the principal may take a workspace action ({@link Action#isWorkspaceAction()} true).
   *
   * @param principal who asks
   * @param action a workspace action
   * @param at the instant of the decision
   * @return the decision with its reason
   */
  Decision decideWorkspace(Principal principal, Action action, Instant at);

  /**
   * The deals the principal may view, as a scope stores turn into their own filter.
   *
   * @param principal who reads
   * @param at the instant of the read
   * @return the scope, never null
   */
  DealScope readScope(Principal principal, Instant at);

  /** The policy of a pipeline built without one: everything is allowed, every deal visible. */
  static AccessPolicy allowAll() {
    return AllowAll.INSTANCE;
  }
}
