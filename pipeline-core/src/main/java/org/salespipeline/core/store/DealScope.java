package org.salespipeline.core.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
 * <p>A scope may also be narrowed by other scopes ({@link #within()}): a deal is then in scope only
 * if it is in every one of them too. {@link #intersect} builds such scopes, so a principal's scope
 * and a query's own scope reach the store as one filter (the JDBC store ANDs the brackets).
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

  /**
   * The scope of the deals in both scopes: {@code intersect(a, b).includes(d) == a.includes(d) &&
   * b.includes(d)} for every deal. Kept flat where it can be: {@link #all()} is the identity, an
   * empty scope absorbs, two scopes of only owners (or only deals) intersect their sets; otherwise
   * the result is {@code a} narrowed {@link #within() within} {@code b}.
   *
   * @param a a scope, not null
   * @param b another scope, not null
   * @return the scope of the deals both include
   */
  public static DealScope intersect(DealScope a, DealScope b) {
    java.util.Objects.requireNonNull(a, "a");
    java.util.Objects.requireNonNull(b, "b");
    if (a.everything() && a.within().isEmpty()) {
      return b;
    }
    if (b.everything() && b.within().isEmpty()) {
      return a;
    }
    if (a.isEmpty() || b.isEmpty()) {
      return NOTHING;
    }
    if (a.equals(b)) {
      return a;
    }
    if (a.within().isEmpty() && b.within().isEmpty()) {
      if (a.deals().isEmpty() && b.deals().isEmpty()) {
        Set<UserId> owners = new HashSet<>(a.owners());
        owners.retainAll(b.owners());
        return of(owners, Set.of());
      }
      if (a.owners().isEmpty() && b.owners().isEmpty()) {
        Set<DealId> deals = new HashSet<>(a.deals());
        deals.retainAll(b.deals());
        return of(Set.of(), deals);
      }
    }
    List<DealScope> within = new ArrayList<>(a.within());
    within.add(b.withoutWithin());
    within.addAll(b.within());
    return builder()
        .everything(a.everything())
        .owners(a.owners())
        .deals(a.deals())
        .within(within)
        .build();
  }

  private DealScope withoutWithin() {
    return within().isEmpty()
        ? this
        : builder().everything(everything()).owners(owners()).deals(deals()).build();
  }

  /**
   * Whether every deal is in this scope's own part; owners and deals are then ignored, the {@link
   * #within()} scopes still narrow (see {@link #isEverything()}).
   */
  @Value.Default
  public boolean everything() {
    return false;
  }

  /** Owners whose deals are in scope. */
  public abstract Set<UserId> owners();

  /** Deals in scope whoever owns them. */
  public abstract Set<DealId> deals();

  /**
   * Scopes this one is narrowed by: a deal is in scope only if every one of them includes it too.
   * Empty for a plain scope; {@link #intersect} fills it, each element itself without {@code
   * within}. Stores that read {@link #owners()} and {@link #deals()} themselves must AND these in
   * (or filter with {@link #includes}).
   */
  public abstract List<DealScope> within();

  /**
   * Whether the scope surely matches no deal at all (its own sets or a narrowing one are empty).
   */
  public boolean isEmpty() {
    return (!everything() && owners().isEmpty() && deals().isEmpty())
        || within().stream().anyMatch(DealScope::isEmpty);
  }

  /** Whether every deal is in scope: {@link #everything()} and not narrowed. */
  public boolean isEverything() {
    return everything() && within().isEmpty();
  }

  /** Whether the deal is in scope. */
  public boolean includes(Deal deal) {
    return includes(deal.id(), deal.owner());
  }

  /** Whether a deal with this id and owner is in scope. */
  public boolean includes(DealId id, UserId owner) {
    if (!(everything() || owners().contains(owner) || deals().contains(id))) {
      return false;
    }
    for (DealScope narrowing : within()) {
      if (!narrowing.includes(id, owner)) {
        return false;
      }
    }
    return true;
  }

  /** Builds scopes; not thread-safe. */
  public static class Builder extends ImmutableDealScope.Builder {}
}
