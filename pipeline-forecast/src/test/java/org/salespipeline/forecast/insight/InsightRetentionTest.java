package org.salespipeline.forecast.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.AccountId;
import org.salespipeline.core.ConfigurationException;
import org.salespipeline.core.DealId;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.Money;
import org.salespipeline.core.RetentionStatus;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.UserId;
import org.salespipeline.core.ValidationException;
import org.salespipeline.core.command.CloseDeal;
import org.salespipeline.core.command.OpenDeal;
import org.salespipeline.core.command.RetentionCommand;
import org.salespipeline.core.rule.RuleSet;
import org.salespipeline.core.store.memory.InMemoryPipelineStore;
import org.salespipeline.forecast.retention.ChurnReason;

/** Issue 17: the insight report's retention section and customer-success work lists. */
class InsightRetentionTest {
  static final UserId ALICE = UserId.of("alice");
  static final UserId BOB = UserId.of("bob");

  static final class Moving extends Clock {
    Instant now = Instant.parse("2026-01-05T09:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  final Moving clock = new Moving();
  final InMemoryPipelineStore store = new InMemoryPipelineStore();
  final SalesPipeline pipeline =
      SalesPipeline.builder().store(store).clock(clock).rules(RuleSet.none()).build();

  private AccountId customer(String name, UserId owner, long amount) {
    AccountId account = pipeline.createAccount(name).id();
    DealId deal =
        pipeline
            .openDeal(
                OpenDeal.builder()
                    .name(name)
                    .owner(owner)
                    .actor(owner)
                    .account(account)
                    .amount(Money.of(amount, "USD"))
                    .expectedCloseDate(LocalDate.of(2026, 2, 1))
                    .build())
            .deal()
            .id();
    pipeline.win(CloseDeal.builder().deal(deal).actor(owner).build());
    return account;
  }

  private void onboard(AccountId a, UserId owner, LocalDate renewal) {
    pipeline.changeRetention(new RetentionCommand.CompleteOnboarding(a, owner, Optional.empty()));
    pipeline.changeRetention(
        new RetentionCommand.SetRenewalTerms(
            a, owner, Optional.empty(), renewal, 12, Optional.empty()));
  }

  private RetentionInsight analyze(Instant at) {
    return PipelineInsight.builder()
        .from(store.workspace(pipeline.workspace()))
        .reportingCurrency("USD")
        .asOf(at)
        .build()
        .analyze()
        .retention();
  }

  @Test
  void customersThatNeedAttentionAreListedWithTheirReasons() {
    AccountId risky = customer("Risky", ALICE, 40_000);
    AccountId renewing = customer("Renewing", ALICE, 10_000);
    AccountId slow = customer("Slow", BOB, 8_000);
    AccountId fine = customer("Fine", BOB, 5_000);
    AccountId gone = customer("Gone", BOB, 7_000);
    AccountId smaller = customer("Smaller", BOB, 9_000);
    clock.now = Instant.parse("2026-01-20T09:00:00Z");
    onboard(risky, ALICE, LocalDate.of(2026, 5, 15));
    onboard(renewing, ALICE, LocalDate.of(2026, 3, 20));
    onboard(fine, BOB, LocalDate.of(2026, 12, 1));
    onboard(gone, BOB, LocalDate.of(2026, 12, 1));
    onboard(smaller, BOB, LocalDate.of(2026, 12, 1));
    pipeline.changeRetention(
        new RetentionCommand.MarkAtRisk(risky, ALICE, Optional.empty(), "champion left"));
    pipeline.changeRetention(
        new RetentionCommand.Churn(gone, BOB, Optional.empty(), "budget", Optional.empty()));
    pipeline.changeRetention(
        new RetentionCommand.Churn(
            smaller, BOB, Optional.empty(), "fewer seats", Optional.of(Money.of(3_000, "USD"))));
    Instant march = Instant.parse("2026-03-01T09:00:00Z");

    RetentionInsight r = analyze(march);

    assertThat(r.customers()).isEqualTo(5);
    assertThat(r.recurringValue()).isEqualTo((40_000L + 10_000 + 8_000 + 5_000 + 6_000) * 100);
    assertThat(r.atRisk()).isEqualTo(1);
    assertThat(r.atRiskValue()).isEqualTo(4_000_000L);
    assertThat(r.signals())
        .extracting(CustomerWork::account)
        .containsExactly(risky, slow, renewing);
    CustomerWork first = r.signals().get(0);
    assertThat(first.owner()).isEqualTo(ALICE);
    assertThat(first.status()).isEqualTo(RetentionStatus.AT_RISK);
    assertThat(first.renewalDate()).contains(LocalDate.of(2026, 5, 15));
    assertThat(first.reasons())
        .extracting(Reason::code)
        .containsExactly(
            ReasonCode.CUSTOMER_AT_RISK,
            ReasonCode.RENEWAL_WITHOUT_ACTIVITY,
            ReasonCode.RENEWS_IN,
            ReasonCode.RECURRING_VALUE);
    assertThat(first.reasons().get(0).values())
        .containsEntry("atRiskFor", Duration.ofDays(40))
        .containsEntry("reason", "champion left");
    assertThat(first.reasons().get(1).values())
        .containsEntry("idleFor", Duration.ofDays(40))
        .containsEntry("threshold", Duration.ofDays(30));
    assertThat(first.reasons().get(2).values()).containsEntry("days", 75L);
    assertThat(first.reasons().get(3).values())
        .containsEntry("recurringValue", Money.of(40_000, "USD"));
    CustomerWork onboarding = r.workList(BOB).get(0);
    assertThat(onboarding.account()).isEqualTo(slow);
    assertThat(onboarding.reasons().get(0).code()).isEqualTo(ReasonCode.ONBOARDING_OVERDUE);
    assertThat(onboarding.reasons().get(0).values())
        .containsEntry("onboardingFor", Duration.ofDays(55).plusHours(0));
    assertThat(r.workList(ALICE))
        .extracting(CustomerWork::account)
        .containsExactly(risky, renewing);
    assertThat(r.workList(UserId.of("nobody"))).isEmpty();
    assertThat(r.workList(ALICE).get(1).reasons())
        .extracting(Reason::text)
        .containsExactly("renews in 19 days", "recurring value USD 10,000.00");
    assertThat(r.churnReasons())
        .containsExactly(
            new ChurnReason("budget", 1, 700_000), new ChurnReason("fewer seats", 1, 300_000));
    for (CustomerWork w : r.signals()) {
      assertThat(w.score()).isBetween(0.0, 100.0);
      w.reasons().forEach(reason -> assertThat(reason.text()).isNotBlank());
    }
  }

  @Test
  void aHealthCheckIsActivityAndTheAnalysisDoesNotLookAhead() {
    AccountId a = customer("Quiet", ALICE, 20_000);
    clock.now = Instant.parse("2026-01-10T09:00:00Z");
    onboard(a, ALICE, LocalDate.of(2026, 3, 1));
    pipeline.changeRetention(new RetentionCommand.MarkRenewalDue(a, ALICE, Optional.empty()));
    Instant feb20 = Instant.parse("2026-02-20T09:00:00Z");
    assertThat(analyze(feb20).signals().get(0).reasons())
        .extracting(Reason::code)
        .contains(ReasonCode.RENEWAL_WITHOUT_ACTIVITY);
    clock.now = Instant.parse("2026-02-25T09:00:00Z");
    pipeline.changeRetention(
        new RetentionCommand.RecordHealthCheck(a, ALICE, Optional.empty(), 70, "fine"));
    assertThat(analyze(feb20).signals().get(0).reasons())
        .extracting(Reason::code)
        .contains(ReasonCode.RENEWAL_WITHOUT_ACTIVITY);
    assertThat(analyze(Instant.parse("2026-02-26T09:00:00Z")).signals().get(0).reasons())
        .extracting(Reason::code)
        .doesNotContain(ReasonCode.RENEWAL_WITHOUT_ACTIVITY)
        .contains(ReasonCode.RENEWS_IN);
  }

  @Test
  void aHistoryWithoutRetentionHasAnEmptySection() {
    pipeline.openDeal(
        OpenDeal.builder()
            .name("Open")
            .owner(ALICE)
            .actor(ALICE)
            .amount(Money.of(1_000, "USD"))
            .expectedCloseDate(LocalDate.of(2026, 2, 1))
            .build());
    RetentionInsight r = analyze(Instant.parse("2026-01-06T00:00:00Z"));
    assertThat(r.customers()).isZero();
    assertThat(r.signals()).isEmpty();
    assertThat(r.workLists()).isEmpty();
    assertThat(r.churnReasons()).isEqualTo(List.of());
  }

  @Test
  void theCustomerSuccessThresholdsAreBuilderSettings() {
    AccountId renewing = customer("Renewing", ALICE, 10_000);
    AccountId onboarding = customer("Onboarding", BOB, 8_000);
    clock.now = Instant.parse("2026-01-10T09:00:00Z");
    onboard(renewing, ALICE, LocalDate.of(2026, 6, 1));
    pipeline.changeRetention(
        new RetentionCommand.MarkAtRisk(renewing, ALICE, Optional.empty(), "quiet"));
    // 22 days idle, 27 days onboarding, 120 days before the renewal: none past the defaults
    Instant feb = Instant.parse("2026-02-01T09:00:00Z");

    RetentionInsight standard = analyze(feb);
    assertThat(standard.signals()).extracting(CustomerWork::account).containsExactly(renewing);
    assertThat(codes(standard, renewing))
        .containsExactlyInAnyOrder(ReasonCode.CUSTOMER_AT_RISK, ReasonCode.RECURRING_VALUE);

    RetentionInsight strict =
        PipelineInsight.builder()
            .from(store.workspace(pipeline.workspace()))
            .reportingCurrency("USD")
            .asOf(feb)
            .customerIdle(Duration.ofDays(14))
            .onboardingTarget(Duration.ofDays(20))
            .renewalLeadTime(Period.ofMonths(4))
            .build()
            .analyze()
            .retention();
    assertThat(codes(strict, renewing))
        .containsExactlyInAnyOrder(
            ReasonCode.CUSTOMER_AT_RISK,
            ReasonCode.RENEWAL_WITHOUT_ACTIVITY,
            ReasonCode.RENEWS_IN,
            ReasonCode.RECURRING_VALUE);
    assertThat(codes(strict, onboarding))
        .containsExactlyInAnyOrder(ReasonCode.ONBOARDING_OVERDUE, ReasonCode.RECURRING_VALUE);
    Reason idle =
        strict.signals().stream()
            .filter(w -> w.account().equals(renewing))
            .flatMap(w -> w.reasons().stream())
            .filter(x -> x.code() == ReasonCode.RENEWAL_WITHOUT_ACTIVITY)
            .findFirst()
            .orElseThrow();
    assertThat(idle.value("threshold", Duration.class)).isEqualTo(Duration.ofDays(14));
  }

  @Test
  void badThresholdsAndSecondSetsAreRefused() {
    PipelineInsight.Builder b = PipelineInsight.builder();
    assertThatThrownBy(() -> b.customerIdle(Duration.ZERO))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.problems())
                    .extracting(FieldProblem::field)
                    .containsExactly("customerIdle"));
    assertThatThrownBy(() -> b.onboardingTarget(Duration.ofDays(-1)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.problems())
                    .extracting(FieldProblem::field)
                    .containsExactly("onboardingTarget"));
    assertThatThrownBy(() -> b.onboardingTarget(null)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> b.renewalLeadTime(Period.ofDays(-3)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.problems())
                    .extracting(FieldProblem::field)
                    .containsExactly("renewalLeadTime"));
    assertThatThrownBy(() -> b.renewalLeadTime(Period.ofYears(6)))
        .isInstanceOf(ValidationException.class);
    b.customerIdle(Duration.ofDays(10));
    b.renewalLeadTime(Period.ofDays(60));
    assertThatThrownBy(() -> b.customerIdle(Duration.ofDays(20)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("customerIdle")
        .hasMessageContaining("PT240H")
        .hasMessageContaining("PT480H");
    assertThatThrownBy(() -> b.renewalLeadTime(Period.ofDays(90)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("renewalLeadTime");
  }

  private static List<ReasonCode> codes(RetentionInsight r, AccountId account) {
    return r.signals().stream()
        .filter(w -> w.account().equals(account))
        .flatMap(w -> w.reasons().stream())
        .map(Reason::code)
        .toList();
  }
}
