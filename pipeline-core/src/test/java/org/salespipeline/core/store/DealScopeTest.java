package org.salespipeline.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.DealId;
import org.salespipeline.core.UserId;

/** Examples of {@link DealScope#intersect}: flat where it can be, narrowed where it cannot. */
class DealScopeTest {
  private static final UserId ANN = UserId.of("ann");
  private static final UserId BEN = UserId.of("ben");
  private static final UserId CY = UserId.of("cy");
  private static final DealId SHARED = new DealId(new UUID(0, 1));
  private static final DealId OTHER = new DealId(new UUID(0, 2));

  @Test
  void everythingIsTheIdentityAndNothingAbsorbs() {
    DealScope rep = DealScope.of(Set.of(ANN), Set.of(SHARED));
    assertThat(DealScope.intersect(DealScope.all(), rep)).isSameAs(rep);
    assertThat(DealScope.intersect(rep, DealScope.all())).isSameAs(rep);
    assertThat(DealScope.intersect(rep, DealScope.none())).isEqualTo(DealScope.none());
    assertThat(DealScope.intersect(rep, rep)).isSameAs(rep);
    assertThat(DealScope.all().isEverything()).isTrue();
  }

  @Test
  void scopesOfOnlyOwnersOrOnlyDealsIntersectTheirSets() {
    assertThat(
            DealScope.intersect(
                DealScope.of(Set.of(ANN, BEN), Set.of()), DealScope.of(Set.of(BEN, CY), Set.of())))
        .isEqualTo(DealScope.of(Set.of(BEN), Set.of()));
    DealScope disjoint =
        DealScope.intersect(
            DealScope.of(Set.of(), Set.of(SHARED)), DealScope.of(Set.of(), Set.of(OTHER)));
    assertThat(disjoint.isEmpty()).isTrue();
    assertThat(disjoint.includes(SHARED, ANN)).isFalse();
  }

  @Test
  void aMixedIntersectionIsNarrowedAndIncludesOnlyWhatBothInclude() {
    // ann's deals plus one shared deal, asked within ben's deals plus the shared one
    DealScope principal = DealScope.of(Set.of(ANN), Set.of(SHARED));
    DealScope asked = DealScope.of(Set.of(BEN), Set.of(SHARED, OTHER));
    DealScope both = DealScope.intersect(principal, asked);
    assertThat(both.within()).containsExactly(asked);
    assertThat(both.isEmpty()).isFalse();
    assertThat(both.isEverything()).isFalse();
    assertThat(both.includes(SHARED, CY)).isTrue();
    assertThat(both.includes(OTHER, ANN)).as("ann's deal listed by the query").isTrue();
    assertThat(both.includes(OTHER, CY)).as("listed by the query, not visible").isFalse();
    assertThat(both.includes(new DealId(new UUID(0, 3)), ANN)).as("ann's, not asked").isFalse();
    assertThat(both.includes(new DealId(new UUID(0, 3)), BEN)).as("ben's, not visible").isFalse();
  }

  @Test
  void aNarrowedScopeOfEverythingStillNarrows() {
    DealScope asked = DealScope.of(Set.of(BEN), Set.of());
    DealScope narrowed = DealScope.builder().everything(true).addWithin(asked).build();
    assertThat(narrowed.isEverything()).isFalse();
    assertThat(narrowed.includes(OTHER, ANN)).isFalse();
    assertThat(narrowed.includes(OTHER, BEN)).isTrue();
    assertThat(
            DealScope.intersect(narrowed, DealScope.of(Set.of(ANN), Set.of())).includes(OTHER, BEN))
        .isFalse();
  }
}
