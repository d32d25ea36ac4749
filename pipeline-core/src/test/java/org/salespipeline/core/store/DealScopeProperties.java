package org.salespipeline.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.salespipeline.core.DealId;
import org.salespipeline.core.UserId;

/** Invariants of {@link DealScope#intersect} over random scopes, owners and deals. */
class DealScopeProperties {
  private static final List<UserId> OWNERS =
      List.of(UserId.of("u0"), UserId.of("u1"), UserId.of("u2"), UserId.of("u3"));
  private static final List<DealId> DEALS = List.of(deal(0), deal(1), deal(2), deal(3), deal(4));

  private static DealId deal(int n) {
    return new DealId(new UUID(0, n + 1));
  }

  @Property(tries = 500)
  void anIntersectionIncludesExactlyWhatBothInclude(@ForAll long seed) {
    Random random = new Random(seed);
    DealScope a = scope(random, 2);
    DealScope b = scope(random, 2);
    DealScope both = DealScope.intersect(a, b);
    for (DealId id : DEALS) {
      for (UserId owner : OWNERS) {
        assertThat(both.includes(id, owner))
            .as(a + " & " + b + " on " + id + " of " + owner)
            .isEqualTo(a.includes(id, owner) && b.includes(id, owner));
      }
    }
  }

  @Property(tries = 300)
  void intersectionIsCommutativeAndAssociativeInWhatItIncludes(@ForAll long seed) {
    Random random = new Random(seed);
    DealScope a = scope(random, 1);
    DealScope b = scope(random, 1);
    DealScope c = scope(random, 1);
    DealScope left = DealScope.intersect(DealScope.intersect(a, b), c);
    DealScope right = DealScope.intersect(a, DealScope.intersect(c, b));
    for (DealId id : DEALS) {
      for (UserId owner : OWNERS) {
        assertThat(left.includes(id, owner)).isEqualTo(right.includes(id, owner));
      }
    }
  }

  @Property(tries = 300)
  void anEmptyScopeIncludesNothingAndIntersectionsStayOneLevelDeep(@ForAll long seed) {
    Random random = new Random(seed);
    DealScope a = scope(random, 2);
    DealScope b = scope(random, 2);
    DealScope both = DealScope.intersect(a, b);
    assertThat(both.within()).allMatch(s -> s.within().isEmpty());
    if (both.isEmpty()) {
      for (DealId id : DEALS) {
        for (UserId owner : OWNERS) {
          assertThat(both.includes(id, owner)).isFalse();
        }
      }
    }
    assertThat(DealScope.intersect(a, DealScope.all())).isEqualTo(a);
    assertThat(DealScope.intersect(DealScope.none(), b).isEmpty()).isTrue();
  }

  /**
   * A random scope: everything, nothing, or random owners and deals, narrowed when depth allows.
   */
  private static DealScope scope(Random random, int depth) {
    int kind = random.nextInt(8);
    if (kind == 0) {
      return DealScope.all();
    }
    if (kind == 1) {
      return DealScope.none();
    }
    Set<UserId> owners = new HashSet<>();
    for (UserId o : OWNERS) {
      if (random.nextInt(3) == 0) {
        owners.add(o);
      }
    }
    Set<DealId> deals = new HashSet<>();
    for (DealId d : DEALS) {
      if (random.nextInt(3) == 0) {
        deals.add(d);
      }
    }
    DealScope plain = DealScope.of(owners, deals);
    if (depth > 0 && random.nextInt(3) == 0) {
      return DealScope.intersect(plain, scope(random, depth - 1));
    }
    return plain;
  }
}
