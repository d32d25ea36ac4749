package org.salespipeline.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.salespipeline.core.Fixtures.ALICE;
import static org.salespipeline.core.Fixtures.BOB;
import static org.salespipeline.core.Fixtures.TODAY;
import static org.salespipeline.core.Fixtures.clock;
import static org.salespipeline.core.Fixtures.openDeal;

import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.command.CloseDeal;
import org.salespipeline.core.command.RetentionCommand;
import org.salespipeline.core.command.RetentionResult;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.rule.RetentionRule;
import org.salespipeline.core.rule.RuleSet;
import org.salespipeline.core.rule.RuleViolation;
import org.salespipeline.core.store.RetentionQuery;
import org.salespipeline.core.store.memory.InMemoryPipelineStore;

/** Issue 17: the Post-Sale/Retention lifecycle as commands with rules, history and listeners. */
class RetentionLifecycleTest {
  private final TestClock clock = clock();
  private final List<DealEvent> heard = new ArrayList<>();

  private SalesPipeline engine(RetentionPolicy policy) {
    return SalesPipeline.builder()
        .store(new InMemoryPipelineStore())
        .clock(clock)
        .rules(RuleSet.none())
        .retentionPolicy(policy)
        .listener(heard::addAll)
        .build();
  }

  private AccountId customer(SalesPipeline pipeline) {
    Account account = pipeline.createAccount("Acme");
    DealId deal = pipeline.openDeal(openDeal().account(account.id()).build()).deal().id();
    pipeline.win(CloseDeal.builder().deal(deal).actor(ALICE).build());
    return account.id();
  }

  @Test
  void winningStartsOnboardingWithTheDealsAmountAsRecurringRevenue() {
    SalesPipeline pipeline = engine(RetentionPolicy.standard());
    AccountId account = customer(pipeline);

    CustomerRetention r = pipeline.retention(account).orElseThrow();
    assertThat(r.status()).isEqualTo(RetentionStatus.ONBOARDING);
    assertThat(r.recurringValue()).contains(Money.of(50_000, "USD"));
    assertThat(heard)
        .extracting(DealEvent::change)
        .filteredOn(c -> c instanceof Change.RetentionChanged)
        .containsExactly(
            new Change.RetentionChanged(
                account, Optional.empty(), RetentionStatus.ONBOARDING, "won " + r.wonDeal()));
  }

  @Test
  void commandsMoveTheAccountAndListenersHearTheirEvents() {
    SalesPipeline pipeline = engine(RetentionPolicy.standard());
    AccountId account = customer(pipeline);
    clock.advance(Duration.ofDays(10));
    heard.clear();

    RetentionResult done =
        pipeline.changeRetention(
            new RetentionCommand.CompleteOnboarding(account, BOB, Optional.empty()));
    RetentionResult risk =
        pipeline.changeRetention(
            new RetentionCommand.MarkAtRisk(account, BOB, Optional.empty(), "budget freeze"));
    RetentionResult resolved =
        pipeline.changeRetention(
            new RetentionCommand.ResolveRisk(account, BOB, Optional.empty(), "budget approved"));

    assertThat(done.retention().status()).isEqualTo(RetentionStatus.ACTIVE);
    assertThat(risk.retention().status()).isEqualTo(RetentionStatus.AT_RISK);
    assertThat(risk.retention().reason()).contains("budget freeze");
    assertThat(resolved.retention().status()).isEqualTo(RetentionStatus.ACTIVE);
    assertThat(heard).hasSize(3);
    assertThat(heard.get(1).change())
        .isEqualTo(
            new Change.RetentionChanged(
                account,
                Optional.of(RetentionStatus.ACTIVE),
                RetentionStatus.AT_RISK,
                "budget freeze"));
  }

  @Test
  void aRefusedMoveNamesEveryReasonAndChangesNothing() {
    SalesPipeline pipeline = engine(RetentionPolicy.standard());
    AccountId account = customer(pipeline);
    CustomerRetention before = pipeline.retention(account).orElseThrow();
    int events = pipeline.history(before.wonDeal()).size();
    heard.clear();

    assertThatThrownBy(
            () ->
                pipeline.changeRetention(
                    new RetentionCommand.Churn(
                        account, BOB, Optional.empty(), " ", Optional.of(Money.of(60_000, "USD")))))
        .isInstanceOfSatisfying(
            IllegalRetentionMoveException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo(ErrorCode.ILLEGAL_RETENTION_MOVE);
              assertThat(e.status()).isEqualTo(RetentionStatus.ONBOARDING);
              assertThat(e.violations())
                  .extracting(RuleViolation::rule, RuleViolation::field)
                  .containsExactly(
                      org.assertj.core.groups.Tuple.tuple("retention-reason", "reason"),
                      org.assertj.core.groups.Tuple.tuple("retention-values", "revenueLost"));
            });
    assertThat(pipeline.retention(account)).contains(before);
    assertThat(pipeline.history(before.wonDeal())).hasSize(events);
    assertThat(heard).isEmpty();
  }

  @Test
  void aRenewalComesDueWithinTheConfiguredLeadTimeOnly() {
    SalesPipeline pipeline =
        engine(RetentionPolicy.standard().withRenewalLeadTime(Period.ofDays(30)));
    AccountId account = customer(pipeline);
    pipeline.changeRetention(
        new RetentionCommand.CompleteOnboarding(account, BOB, Optional.empty()));
    pipeline.changeRetention(
        new RetentionCommand.SetRenewalTerms(
            account, BOB, Optional.empty(), TODAY.plusDays(45), 12, Optional.empty()));
    RetentionCommand due = new RetentionCommand.MarkRenewalDue(account, BOB, Optional.empty());

    assertThatThrownBy(() -> pipeline.changeRetention(due))
        .isInstanceOf(IllegalRetentionMoveException.class)
        .hasMessageContaining("renewal-lead-time")
        .hasMessageContaining(TODAY.plusDays(15).toString());
    assertThat(pipeline.markRenewalsDue(BOB)).isEmpty();

    clock.advance(Duration.ofDays(15));
    List<RetentionResult> swept = pipeline.markRenewalsDue(BOB);
    assertThat(swept)
        .extracting(r -> r.retention().status())
        .containsExactly(RetentionStatus.RENEWAL_DUE);
    assertThat(
            pipeline
                .findRetention(
                    RetentionQuery.builder().addStatuses(RetentionStatus.RENEWAL_DUE).build())
                .items())
        .extracting(CustomerRetention::account)
        .containsExactly(account);
  }

  @Test
  void aHostRuleRunsBesideTheStandardOnes() {
    RetentionRule noChurnInDecember =
        move ->
            move.command() instanceof RetentionCommand.Churn && move.today().getMonthValue() == 3
                ? List.of(RuleViolation.of("freeze", "no churn bookings in the March freeze"))
                : List.of();
    SalesPipeline pipeline = engine(RetentionPolicy.standard().withRule(noChurnInDecember));
    AccountId account = customer(pipeline);

    assertThatThrownBy(
            () ->
                pipeline.changeRetention(
                    new RetentionCommand.Churn(
                        account, BOB, Optional.empty(), "closed down", Optional.empty())))
        .isInstanceOfSatisfying(
            IllegalRetentionMoveException.class,
            e ->
                assertThat(e.violations())
                    .extracting(RuleViolation::rule)
                    .containsExactly("freeze"));
  }

  @Test
  void anAccountWithoutAWinHasNoLifecycle() {
    SalesPipeline pipeline = engine(RetentionPolicy.standard());
    Account prospect = pipeline.createAccount("Prospect");
    assertThatThrownBy(
            () ->
                pipeline.changeRetention(
                    new RetentionCommand.CompleteOnboarding(prospect.id(), BOB, Optional.empty())))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("no retention record");
  }

  @Test
  void theBoardCountsAccountsAndRecurringValuePerStatus() {
    SalesPipeline pipeline = engine(RetentionPolicy.standard());
    AccountId first = customer(pipeline);
    customer(pipeline);
    pipeline.changeRetention(
        new RetentionCommand.Churn(first, BOB, Optional.empty(), "closed down", Optional.empty()));

    RetentionBoard board = pipeline.retentionBoard();
    assertThat(board.columns())
        .extracting(RetentionBoard.Column::status)
        .containsExactly(RetentionStatus.values());
    assertThat(board.column(RetentionStatus.ONBOARDING).orElseThrow().accounts()).isEqualTo(1);
    assertThat(board.column(RetentionStatus.CHURNED).orElseThrow().accounts()).isEqualTo(1);
    assertThat(board.column(RetentionStatus.CHURNED).orElseThrow().recurringValue())
        .isEqualTo(Money.of(0, "USD"));
    assertThat(board.customerRecurringValue()).isEqualTo(Money.of(50_000, "USD"));
  }

  @Test
  void theExpansionPipelineGroupsOpenUpsellsByAccountAndOwner() {
    SalesPipeline pipeline = engine(RetentionPolicy.standard());
    AccountId account = customer(pipeline);
    DealId won = pipeline.retention(account).orElseThrow().wonDeal();
    for (String amount : new String[] {"1000", "2500"}) {
      pipeline.openDeal(
          openDeal()
              .account(account)
              .kind(DealKind.UPSELL)
              .linkedDeal(won)
              .owner(BOB)
              .amount(Money.of(amount, "USD"))
              .build());
    }
    pipeline.openDeal(openDeal().account(account).amount(Money.of(9_000, "USD")).build());

    ExpansionPipeline expansion = pipeline.expansionPipeline(java.util.Currency.getInstance("USD"));
    assertThat(expansion.byAccount())
        .containsExactly(new ExpansionPipeline.Line<>(account, 2, Money.of("3500", "USD")));
    assertThat(expansion.byOwner())
        .containsExactly(new ExpansionPipeline.Line<>(BOB, 2, Money.of("3500", "USD")));
    assertThat(expansion.total()).isEqualTo(Money.of("3500", "USD"));
  }

  @Test
  void theBuilderRefusesASecondPolicy() {
    assertThatThrownBy(
            () ->
                SalesPipeline.builder()
                    .retentionPolicy(RetentionPolicy.standard())
                    .retentionPolicy(RetentionPolicy.standard()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("retentionPolicy");
    assertThatThrownBy(() -> RetentionPolicy.standard().withRenewalLeadTime(Period.ofDays(-1)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("renewalLeadTime");
  }

  @Test
  void signalsListOverdueOnboardingsQuietRenewalsAndLateFollowUps() {
    SalesPipeline pipeline = engine(RetentionPolicy.standard());
    AccountId slow = customer(pipeline);
    AccountId quiet = customer(pipeline);
    pipeline.changeRetention(new RetentionCommand.CompleteOnboarding(quiet, BOB, Optional.empty()));
    pipeline.changeRetention(
        new RetentionCommand.MarkAtRisk(quiet, BOB, Optional.empty(), "no exec sponsor"));
    clock.advance(Duration.ofDays(40));

    List<RetentionSignal> signals = pipeline.retentionSignals(Duration.ofDays(14));
    assertThat(signals.subList(0, 2))
        .extracting(s -> s.kind(), s -> s.retention().account())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                RetentionSignal.Kind.RENEWAL_WITHOUT_ACTIVITY, quiet),
            org.assertj.core.groups.Tuple.tuple(RetentionSignal.Kind.ONBOARDING_OVERDUE, slow));
    // both kick-off follow-ups fell due a week after the wins, at the same instant
    assertThat(signals.subList(2, signals.size()))
        .extracting(s -> s.kind(), s -> s.retention().account())
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(RetentionSignal.Kind.FOLLOW_UP_OVERDUE, slow),
            org.assertj.core.groups.Tuple.tuple(RetentionSignal.Kind.FOLLOW_UP_OVERDUE, quiet));
    assertThat(signals.get(1).waiting()).isEqualTo(Duration.ofDays(40));
  }
}
