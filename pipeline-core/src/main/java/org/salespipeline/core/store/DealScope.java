package org.salespipeline.core.store;

import java.util.Set;
import org.immutables.value.Value;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealId;
import org.salespipeline.core.UserId;

/**
 * Which deals a reader may see: every deal, or the deals whose owner is one of {@link #owners()}
 * together with the deals listed in {@link #deals()} (shares, deal teams). An access policy gives
 * one per principal ({@code AccessPolicy.readScope}); the engine puts it into every {@link
 * DealQuery} of that principal, and stores turn it into their own filter (the JDBC store into
 * {@code owner IN (...) OR id IN (...)}), so a reader reads only the rows of the scope.
 *
 * <p>A scope that is not {@link #everything()} and has no owners and no deals matches nothing.
 * Immutable.
 */
@Value.Immutable
public abstract class DealScope {
  private static final DealScope EVERYTHING = builder().everything(true).build();
  private static final DealScope NOTHING = builder().build();

  /** A builder; not thread-safe. */
  public static Builder builder() {
    return new Builder();
  }

  /** The scope of every deal of the workspace. */
  public static DealScope all() {
    return EVERYTHING;
  }

  /** The scope of no deal. */
  public static DealScope none() {
    return NOTHING;
  }

  /**
   * The deals of these owners and these deals.
   *
   * @param owners owners whose deals are in scope
   * @param deals single deals in scope whoever owns them
   */
  public static DealScope of(Set<UserId> owners, Set<DealId> deals) {
    return builder().owners(owners).deals(deals).build();
  }

  /** Whether every deal is in scope; the other attributes are then ignored. */
  @Value.Default
  public boolean everything() {
    return false;
  }

  /** Owners whose deals are in scope. */
  public abstract Set<UserId> owners();

  /** Deals in scope whoever owns them. */
  public abstract Set<DealId> deals();

  /** Whether the scope matches no deal at all. */
  public boolean isEmpty() {
    return !everything() && owners().isEmpty() && deals().isEmpty();
  }

  /** Whether the deal is in scope. */
  public boolean includes(Deal deal) {
    return includes(deal.id(), deal.owner());
  }

  /** Whether a deal with this id and owner is in scope. */
  public boolean includes(DealId id, UserId owner) {
    return everything() || owners().contains(owner) || deals().contains(id);
  }

  /** Builds scopes; not thread-safe. */
  public static class Builder extends ImmutableDealScope.Builder {}
}
