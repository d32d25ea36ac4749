package org.salespipeline.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Money;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.TeamId;
import org.salespipeline.core.UserId;
import org.salespipeline.core.access.Grants;
import org.salespipeline.core.access.Principal;
import org.salespipeline.core.command.OpenDeal;
import org.salespipeline.core.org.OrgChart;
import org.salespipeline.core.rule.RuleSet;
import org.salespipeline.core.store.memory.InMemoryPipelineStore;

/**
 * Forecast inputs read through a principal's view (issue 16): the snapshot of {@code
 * pipeline.as(principal).store()} holds exactly the deals the principal may view, so forecast
 * totals equal the sum over them.
 */
class ScopedForecastTest {
  static final Instant NOW = Instant.parse("2026-01-15T09:00:00Z");
  static final Currency USD = Currency.getInstance("USD");
  static final UserId ALICE = UserId.of("alice");
  static final UserId BOB = UserId.of("bob");
  static final UserId CAROL = UserId.of("carol");
  static final UserId MIA = UserId.of("mia");

  @Test
  void snapshotsOfAPrincipalsViewHoldOnlyTheVisibleDeals() {
    OrgChart org =
        OrgChart.builder()
            .team(TeamId.of("east"), MIA)
            .member(ALICE, TeamId.of("east"))
            .member(BOB, TeamId.of("east"))
            .build();
    SalesPipeline pipeline =
        SalesPipeline.builder()
            .store(new InMemoryPipelineStore())
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .rules(RuleSet.none())
            .accessPolicy(Grants.builder().org(org).teamMembers().build())
            .build();
    open(pipeline, ALICE, 1_000);
    open(pipeline, BOB, 2_000);
    open(pipeline, CAROL, 4_000);

    assertThat(total(pipeline.as(Principal.of(ALICE)), true)).isEqualTo(1_000_00L);
    assertThat(total(pipeline.as(Principal.of(MIA)), true)).isEqualTo(3_000_00L);
    assertThat(total(pipeline.as(Principal.of(CAROL)), false)).isEqualTo(4_000_00L);
    assertThat(total(pipeline, true)).isEqualTo(7_000_00L);
    assertThat(pipeline.as(Principal.of(MIA)).board().total()).isEqualTo(Money.of(3_000, "USD"));
  }

  /** The snapshot's total in minor units, from the columnar scan or from the event stream. */
  private static long total(SalesPipeline view, boolean columnar) {
    PipelineSnapshot snapshot =
        columnar
            ? DealSnapshots.fromOpenDeals(
                view.store(),
                view.defaultPipeline(),
                USD,
                LocalDate.of(2026, 1, 15),
                ZoneOffset.UTC,
                view.currencyConverter())
            : DealSnapshots.fromStore(
                view.store(),
                view.defaultPipeline(),
                USD,
                NOW,
                ZoneOffset.UTC,
                view.currencyConverter());
    long sum = 0;
    for (int row = 0; row < snapshot.size(); row++) {
      sum += snapshot.amount(row);
    }
    return sum;
  }

  private static void open(SalesPipeline pipeline, UserId owner, long dollars) {
    pipeline.openDeal(
        OpenDeal.builder()
            .name("Deal of " + owner)
            .owner(owner)
            .actor(owner)
            .amount(Money.of(dollars, "USD"))
            .expectedCloseDate(LocalDate.of(2026, 3, 31))
            .build());
  }
}
