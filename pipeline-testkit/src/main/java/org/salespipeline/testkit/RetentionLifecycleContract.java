package org.salespipeline.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.salespipeline.testkit.ContractFixtures.ALICE;
import static org.salespipeline.testkit.ContractFixtures.BOB;
import static org.salespipeline.testkit.ContractFixtures.engine;
import static org.salespipeline.testkit.ContractFixtures.newWorkspace;
import static org.salespipeline.testkit.ContractFixtures.openDeal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Account;
import org.salespipeline.core.CustomerRetention;
import org.salespipeline.core.DealId;
import org.salespipeline.core.DealKind;
import org.salespipeline.core.IllegalRetentionMoveException;
import org.salespipeline.core.Money;
import org.salespipeline.core.RetentionStatus;
import org.salespipeline.core.RevenueCause;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.command.CloseDeal;
import org.salespipeline.core.command.RetentionCommand;
import org.salespipeline.core.command.RetentionResult;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.store.WorkspaceStore;

/**
 * The Post-Sale/Retention lifecycle through the engine on the store under test (issue 17): every
 * retention change (status, recurring revenue, health check, renewal terms) is stored in the
 * anchoring won deal's history and reads back exactly, the record's customer-success fields
 * round-trip, a refused command writes nothing, and a reused idempotency key replays.
 */
public interface RetentionLifecycleContract extends StoreUnderTest {

  /** A customer won for 12,000.00 USD, owned by Alice. */
  private static DealId win(SalesPipeline pipeline, TestClock clock, Account account) {
    DealId deal =
        pipeline
            .openDeal(
                openDeal(clock).account(account.id()).amount(Money.of("12000.00", "USD")).build())
            .deal()
            .id();
    clock.tick();
    pipeline.win(CloseDeal.builder().deal(deal).actor(ALICE).build());
    return deal;
  }

  @Test
  default void theLifecycleIsStoredAsHistoryAndReadsBackExactly() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(storeUnderTest(), ws, clock);
    Account account = pipeline.createAccount("Initech");
    DealId deal = win(pipeline, clock, account);
    WorkspaceStore view = storeUnderTest().workspace(ws);

    CustomerRetention onboarding = view.retention(account.id()).orElseThrow();
    assertThat(onboarding.status()).isEqualTo(RetentionStatus.ONBOARDING);
    assertThat(onboarding.recurringValue()).contains(Money.of("12000.00", "USD"));
    assertThat(onboarding.owner()).contains(ALICE);
    assertThat(onboarding.nextFollowUp()).isPresent();

    clock.advance(Duration.ofDays(20));
    pipeline.changeRetention(
        new RetentionCommand.CompleteOnboarding(account.id(), BOB, Optional.empty()));
    clock.tick();
    pipeline.changeRetention(
        new RetentionCommand.SetRenewalTerms(
            account.id(),
            BOB,
            Optional.empty(),
            clock.today().plusMonths(11),
            12,
            Optional.of(Money.of("15000.00", "USD"))));
    clock.tick();
    pipeline.changeRetention(
        new RetentionCommand.RecordHealthCheck(
            account.id(), BOB, Optional.empty(), 42, "usage down after the re-org"));
    clock.tick();
    pipeline.changeRetention(
        new RetentionCommand.MarkAtRisk(account.id(), BOB, Optional.empty(), "champion left"));
    clock.tick();
    Instant followUp = clock.instant().plus(Duration.ofDays(3));
    pipeline.changeRetention(
        new RetentionCommand.ScheduleCustomerFollowUp(
            account.id(), BOB, Optional.empty(), followUp, "Meet the new sponsor"));
    clock.tick();
    RetentionResult partial =
        pipeline.changeRetention(
            new RetentionCommand.Churn(
                account.id(),
                BOB,
                Optional.empty(),
                "dropped the analytics seats",
                Optional.of(Money.of("5000.00", "USD"))));

    CustomerRetention stored = view.retention(account.id()).orElseThrow();
    assertThat(stored).isEqualTo(partial.retention());
    assertThat(stored.status()).isEqualTo(RetentionStatus.AT_RISK);
    assertThat(stored.recurringValue()).contains(Money.of("10000.00", "USD"));
    assertThat(stored.renewalDate()).contains(clock.today().plusMonths(11));
    assertThat(stored.renewalTermMonths()).hasValue(12);
    assertThat(stored.healthScore()).hasValue(42);
    assertThat(stored.reason()).contains("dropped the analytics seats");
    assertThat(stored.nextFollowUp()).contains(followUp);
    assertThat(stored.lastActivityAt()).isEqualTo(clock.instant());
    assertThat(stored.version()).isEqualTo(onboarding.version() + 6);

    List<DealEvent> history = view.history(deal);
    assertThat(history)
        .last()
        .extracting(DealEvent::change)
        .isInstanceOf(Change.RecurringRevenueChanged.class);
    assertThat(pipeline.retentionHistory(account.id()))
        .extracting(DealEvent::type)
        .containsExactly(
            Change.RetentionChanged.TYPE,
            Change.RecurringRevenueChanged.TYPE,
            Change.RetentionChanged.TYPE,
            Change.RenewalTermsSet.TYPE,
            Change.RecurringRevenueChanged.TYPE,
            Change.HealthChecked.TYPE,
            Change.RetentionChanged.TYPE,
            Change.RecurringRevenueChanged.TYPE);
    Change.RecurringRevenueChanged last =
        (Change.RecurringRevenueChanged) history.get(history.size() - 1).change();
    assertThat(last.cause()).isEqualTo(RevenueCause.PARTIAL_CHURN);
    assertThat(last.from()).isEqualTo(Money.of("15000.00", "USD"));
    assertThat(last.to()).isEqualTo(Money.of("10000.00", "USD"));
    assertThat(history).isEqualTo(pipeline.history(deal));

    clock.tick();
    pipeline.changeRetention(
        new RetentionCommand.Churn(
            account.id(), BOB, Optional.empty(), "went with a competitor", Optional.empty()));
    clock.tick();
    RetentionResult back =
        pipeline.changeRetention(
            new RetentionCommand.Reactivate(
                account.id(), BOB, Optional.empty(), Money.of("8000.00", "USD"), "came back"));
    assertThat(back.retention().status()).isEqualTo(RetentionStatus.ACTIVE);
    assertThat(view.retention(account.id()).orElseThrow().recurringValue())
        .contains(Money.of("8000.00", "USD"));
  }

  @Test
  default void aRefusedRetentionCommandWritesNothing() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(storeUnderTest(), ws, clock);
    Account account = pipeline.createAccount("Umbrella");
    DealId deal = win(pipeline, clock, account);
    WorkspaceStore view = storeUnderTest().workspace(ws);
    CustomerRetention before = view.retention(account.id()).orElseThrow();
    List<DealEvent> historyBefore = view.history(deal);
    clock.tick();

    assertThatThrownBy(
            () ->
                pipeline.changeRetention(
                    new RetentionCommand.Reactivate(
                        account.id(), BOB, Optional.of("k-1"), Money.of("-1.00", "USD"), "")))
        .isInstanceOf(org.salespipeline.core.ValidationException.class);
    assertThatThrownBy(
            () ->
                pipeline.changeRetention(
                    new RetentionCommand.MarkRenewalDue(account.id(), BOB, Optional.of("k-2"))))
        .isInstanceOfSatisfying(
            IllegalRetentionMoveException.class,
            e ->
                assertThat(e.violations())
                    .extracting(v -> v.rule())
                    .containsExactly("retention-transition", "renewal-lead-time"));

    assertThat(view.retention(account.id())).contains(before);
    assertThat(view.history(deal)).isEqualTo(historyBefore);
    assertThat(view.idempotencyRecord("k-2")).isEmpty();
  }

  @Test
  default void aReusedKeyReplaysTheRetentionCommand() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(storeUnderTest(), ws, clock);
    Account account = pipeline.createAccount("Globex");
    DealId deal = win(pipeline, clock, account);
    clock.tick();
    RetentionCommand check =
        new RetentionCommand.RecordHealthCheck(account.id(), BOB, Optional.of("hc-1"), 80, "");
    RetentionResult first = pipeline.changeRetention(check);
    clock.tick();
    RetentionResult again = pipeline.changeRetention(check);

    assertThat(first.replayed()).isFalse();
    assertThat(again.replayed()).isTrue();
    assertThat(again.events()).isEqualTo(first.events());
    assertThat(again.retention()).isEqualTo(first.retention());
    assertThat(storeUnderTest().workspace(ws).history(deal))
        .filteredOn(e -> e.type().equals(Change.HealthChecked.TYPE))
        .hasSize(1);
  }

  @Test
  default void anExpansionWinGrowsTheRecurringValueAndARenewalResetsIt() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(storeUnderTest(), ws, clock);
    Account account = pipeline.createAccount("Stark");
    DealId first = win(pipeline, clock, account);
    DealId upsell =
        pipeline
            .openDeal(
                openDeal(clock)
                    .account(account.id())
                    .kind(DealKind.UPSELL)
                    .linkedDeal(first)
                    .amount(Money.of("3000.00", "USD"))
                    .build())
            .deal()
            .id();
    clock.tick();
    pipeline.win(CloseDeal.builder().deal(upsell).actor(ALICE).build());
    assertThat(pipeline.retention(account.id()).orElseThrow().recurringValue())
        .contains(Money.of("15000.00", "USD"));
    DealId renewal =
        pipeline
            .openDeal(
                openDeal(clock)
                    .account(account.id())
                    .kind(DealKind.RENEWAL)
                    .linkedDeal(first)
                    .amount(Money.of("14000.00", "USD"))
                    .build())
            .deal()
            .id();
    clock.tick();
    pipeline.win(CloseDeal.builder().deal(renewal).actor(ALICE).build());

    CustomerRetention renewed =
        storeUnderTest().workspace(ws).retention(account.id()).orElseThrow();
    assertThat(renewed.status()).isEqualTo(RetentionStatus.RENEWED);
    assertThat(renewed.recurringValue()).contains(Money.of("14000.00", "USD"));
    assertThat(renewed.wonDeal()).isEqualTo(renewal);
    assertThat(pipeline.retentionHistory(account.id()))
        .map(DealEvent::change)
        .filteredOn(c -> c instanceof Change.RecurringRevenueChanged)
        .extracting(c -> ((Change.RecurringRevenueChanged) c).cause())
        .containsExactly(RevenueCause.NEW_BUSINESS, RevenueCause.EXPANSION, RevenueCause.RENEWAL);
  }
}
