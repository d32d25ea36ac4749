package org.salespipeline.forecast.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Account;
import org.salespipeline.core.AccountId;
import org.salespipeline.core.DealId;
import org.salespipeline.core.Money;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.UserId;
import org.salespipeline.core.ValidationException;
import org.salespipeline.core.command.CloseDeal;
import org.salespipeline.core.command.OpenDeal;
import org.salespipeline.core.command.RetentionCommand;
import org.salespipeline.core.rule.RuleSet;
import org.salespipeline.core.store.memory.InMemoryPipelineStore;
import org.salespipeline.forecast.ForecastPeriod;

/** Issue 17: retention metrics of a small customer base, read from a store's history. */
class RetentionMetricsTest {
  static final Currency USD = Currency.getInstance("USD");
  static final UserId ALICE = UserId.of("alice");

  /** A clock the test moves. */
  static final class Moving extends Clock {
    Instant now = Instant.parse("2026-01-05T09:00:00Z");

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static AccountId customer(
      SalesPipeline pipeline, Moving clock, String name, long amount) {
    Account account = pipeline.createAccount(name);
    DealId deal =
        pipeline
            .openDeal(
                OpenDeal.builder()
                    .name(name + " platform")
                    .owner(ALICE)
                    .actor(ALICE)
                    .account(account.id())
                    .amount(Money.of(amount, "USD"))
                    .expectedCloseDate(java.time.LocalDate.of(2026, 3, 1))
                    .build())
            .deal()
            .id();
    pipeline.win(CloseDeal.builder().deal(deal).actor(ALICE).build());
    return account.id();
  }

  @Test
  void aQuarterOfNewBusinessExpansionContractionAndChurn() {
    Moving clock = new Moving();
    InMemoryPipelineStore store = new InMemoryPipelineStore();
    SalesPipeline pipeline =
        SalesPipeline.builder().store(store).clock(clock).rules(RuleSet.none()).build();
    AccountId stays = customer(pipeline, clock, "Stays", 10_000);
    AccountId shrinks = customer(pipeline, clock, "Shrinks", 20_000);
    AccountId leaves = customer(pipeline, clock, "Leaves", 30_000);
    clock.now = clock.now.plus(Duration.ofDays(12));
    pipeline.changeRetention(
        new RetentionCommand.CompleteOnboarding(stays, ALICE, Optional.empty()));

    clock.now = Instant.parse("2026-04-10T09:00:00Z");
    pipeline.changeRetention(
        new RetentionCommand.SetRenewalTerms(
            stays,
            ALICE,
            Optional.empty(),
            java.time.LocalDate.of(2027, 1, 5),
            12,
            Optional.of(Money.of(12_500, "USD"))));
    pipeline.changeRetention(
        new RetentionCommand.Churn(
            shrinks, ALICE, Optional.empty(), "fewer seats", Optional.of(Money.of(5_000, "USD"))));
    pipeline.changeRetention(
        new RetentionCommand.Churn(
            leaves, ALICE, Optional.empty(), "fewer seats", Optional.empty()));
    AccountId joins = customer(pipeline, clock, "Joins", 4_000);

    RetentionReport report =
        RetentionMetrics.of(
                List.of(ForecastPeriod.quarter(2026, 1), ForecastPeriod.quarter(2026, 2)), USD)
            .read(store.workspace(pipeline.workspace()));

    RetentionPeriod q2 = report.periods().get(1);
    RetentionWaterfall w = q2.waterfall();
    assertThat(w.start()).isEqualTo(Money.of(60_000, "USD"));
    assertThat(w.newRevenue()).isEqualTo(Money.of(4_000, "USD"));
    assertThat(w.expansion()).isEqualTo(Money.of(2_500, "USD"));
    assertThat(w.contraction()).isEqualTo(Money.of(5_000, "USD"));
    assertThat(w.churn()).isEqualTo(Money.of(30_000, "USD"));
    assertThat(w.end()).isEqualTo(Money.of(31_500, "USD"));
    assertThat(q2.grossRevenueRetention()).isEqualTo(25_000.0 / 60_000);
    assertThat(q2.netRevenueRetention()).isEqualTo(27_500.0 / 60_000);
    assertThat(q2.logoRetention()).isEqualTo(2.0 / 3);
    assertThat(q2.churnRate()).isEqualTo(1.0 / 3);
    assertThat(q2.newLogos()).isEqualTo(1);

    RetentionCohort january = report.cohorts().get(0);
    assertThat(january.accounts()).isEqualTo(3);
    assertThat(january.logos(0)).isEqualTo(3);
    assertThat(january.logos(1)).isEqualTo(2);
    assertThat(report.cohorts().get(1).accounts()).isEqualTo(1);
    assertThat(report.onboarded()).isEqualTo(1);
    assertThat(report.medianDaysToOnboard()).isEqualTo(12.0);
    assertThat(report.churnReasons())
        .containsExactly(new ChurnReason("fewer seats", 2, 3_500_000L));
    assertThat(joins).isNotNull();
  }

  @Test
  void periodsAreRequired() {
    assertThatThrownBy(() -> RetentionMetrics.of(List.of(), USD))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("periods");
  }
}
