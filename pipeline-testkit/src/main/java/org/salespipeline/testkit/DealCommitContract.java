package org.salespipeline.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.salespipeline.core.stage.StandardPipelines.NEEDS_ANALYSIS;
import static org.salespipeline.core.stage.StandardPipelines.PROPOSAL;
import static org.salespipeline.core.stage.StandardPipelines.QUALIFICATION;
import static org.salespipeline.testkit.ContractFixtures.ALICE;
import static org.salespipeline.testkit.ContractFixtures.BOB;
import static org.salespipeline.testkit.ContractFixtures.allDeals;
import static org.salespipeline.testkit.ContractFixtures.assertConsistentHistory;
import static org.salespipeline.testkit.ContractFixtures.call;
import static org.salespipeline.testkit.ContractFixtures.engine;
import static org.salespipeline.testkit.ContractFixtures.move;
import static org.salespipeline.testkit.ContractFixtures.moveCommit;
import static org.salespipeline.testkit.ContractFixtures.newWorkspace;
import static org.salespipeline.testkit.ContractFixtures.openDeal;
import static org.salespipeline.testkit.ContractFixtures.sequence;
import static org.salespipeline.testkit.ContractFixtures.stored;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Account;
import org.salespipeline.core.ActivityType;
import org.salespipeline.core.AttributeValue;
import org.salespipeline.core.ConcurrentDealModificationException;
import org.salespipeline.core.Contact;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealId;
import org.salespipeline.core.DealKind;
import org.salespipeline.core.DealSource;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.Money;
import org.salespipeline.core.NeedsAnalysis;
import org.salespipeline.core.Negotiation;
import org.salespipeline.core.Proposal;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.command.CloseDeal;
import org.salespipeline.core.command.CommandResult;
import org.salespipeline.core.command.LogActivity;
import org.salespipeline.core.command.MoveDeal;
import org.salespipeline.core.command.RecordQualification;
import org.salespipeline.core.command.ScheduleFollowUp;
import org.salespipeline.core.command.UpdateDeal;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.qualification.AuthorityRole;
import org.salespipeline.core.qualification.BantAssessment;
import org.salespipeline.core.qualification.Budget;
import org.salespipeline.core.qualification.Need;
import org.salespipeline.core.qualification.NeedSeverity;
import org.salespipeline.core.qualification.Timeline;
import org.salespipeline.core.store.DealCommit;
import org.salespipeline.core.store.WorkspaceStore;
import org.salespipeline.testkit.ContractFixtures.Stored;

/**
 * Single deal commits: what the engine writes is read back exactly (value equality, microsecond
 * instants, exact money and decimals), every commit raises the deal's version by one and appends
 * its events, a commit made from a version that is no longer current fails with {@link
 * ConcurrentDealModificationException} and writes nothing, creating an id that exists fails the
 * same way, and a commit whose events do not continue the deal's history writes nothing.
 */
public interface DealCommitContract extends StoreUnderTest {
  @Test
  default void openedDealIsReadBackExactly() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(storeUnderTest(), ws, clock);
    Account account = pipeline.createAccount("Acme", Optional.of("Machinery"), Optional.of(BOB));
    Contact contact =
        pipeline.createContact("Dana", Optional.of(account.id()), Optional.of("dana@acme.test"));

    CommandResult opened =
        pipeline.openDeal(
            openDeal(clock)
                .account(account.id())
                .primaryContact(contact.id())
                .amount(Money.of("1234567.89", "EUR"))
                .source(DealSource.REFERRAL)
                .probabilityOverride(0.35)
                .nextStep("Send the security questionnaire")
                .putAttributes("seats", AttributeValue.number(new BigDecimal("12.50")))
                .putAttributes("region", AttributeValue.text("EMEA"))
                .putAttributes("strategic", AttributeValue.flag(true))
                .putAttributes("renewal", AttributeValue.date(LocalDate.of(2027, 1, 31)))
                .build());

    WorkspaceStore view = storeUnderTest().workspace(ws);
    Deal deal = opened.deal();
    assertThat(deal.version()).isEqualTo(1);
    assertThat(deal.createdAt()).isEqualTo(TestClock.START);
    assertThat(view.deal(deal.id())).contains(deal);
    assertThat(view.history(deal.id())).containsExactlyElementsOf(opened.events());
    assertThat(view.history(deal.id()).get(0).change()).isEqualTo(new Change.Created(deal));
    assertThat(view.activities(deal.id())).isEmpty();
    assertThat(view.deal(new DealId(UUID.randomUUID()))).isEmpty();
    assertThat(view.history(new DealId(UUID.randomUUID()))).isEmpty();
  }

  @Test
  default void updateRaisesTheVersionByOneAndAppendsItsEvents() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(storeUnderTest(), ws, clock);
    DealId id = pipeline.openDeal(openDeal(clock).build()).deal().id();
    clock.tick();

    CommandResult updated =
        pipeline.update(
            UpdateDeal.builder()
                .deal(id)
                .actor(BOB)
                .amount(Money.of("60000.50", "USD"))
                .owner(BOB)
                .expectedVersion(1)
                .build());

    WorkspaceStore view = storeUnderTest().workspace(ws);
    Deal deal = view.deal(id).orElseThrow();
    assertThat(deal).isEqualTo(updated.deal());
    assertThat(deal.version()).isEqualTo(2);
    assertThat(deal.amount()).isEqualTo(Money.of("60000.50", "USD"));
    assertThat(deal.owner()).isEqualTo(BOB);
    List<DealEvent> history = view.history(id);
    assertThat(history).hasSize(3);
    assertThat(history.subList(1, 3)).containsExactlyElementsOf(updated.events());
    assertThat(history.subList(1, 3)).extracting(DealEvent::dealVersion).containsOnly(2L);
    assertThat(history.get(1).at()).isEqualTo(clock.instant());
    assertConsistentHistory(view, id);
  }

  @Test
  default void everyDealFieldRoundTrips() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(storeUnderTest(), ws, clock);
    Account account = pipeline.createAccount("Globex");
    DealId won = pipeline.openDeal(openDeal(clock).account(account.id()).build()).deal().id();
    pipeline.win(CloseDeal.builder().deal(won).actor(ALICE).reason("signed").build());
    clock.tick();

    DealId id =
        pipeline
            .openDeal(
                openDeal(clock)
                    .name("Globex upsell")
                    .kind(DealKind.UPSELL)
                    .linkedDeal(won)
                    .amount(Money.of("12345.678", "BHD"))
                    .forecastCategory(ForecastCategory.COMMIT)
                    .putAttributes("discount", AttributeValue.number(new BigDecimal("0.125")))
                    .build())
            .deal()
            .id();
    clock.tick();
    pipeline.recordQualification(
        RecordQualification.builder()
            .deal(id)
            .actor(ALICE)
            .assessment(
                BantAssessment.builder()
                    .budget(Budget.confirmed(Money.of("15000.000", "BHD")))
                    .authority(AuthorityRole.DECISION_MAKER)
                    .need(Need.of(NeedSeverity.HIGH, "manual forecasting"))
                    .timeline(Timeline.by(clock.today().plusMonths(1)))
                    .build())
            .build());
    clock.tick();
    pipeline.update(
        UpdateDeal.builder()
            .deal(id)
            .actor(ALICE)
            .expectedCloseDate(clock.today().plusMonths(3))
            .needsAnalysis(new NeedsAnalysis(List.of("slow quotes", "no forecast"), List.of("SSO")))
            .proposal(
                new Proposal(
                    clock.instant().minusNanos(1_000),
                    Money.of("12000.5", "BHD"),
                    clock.today().plusDays(30)))
            .negotiation(
                new Negotiation(
                    new BigDecimal("12.5"), List.of("price"), Optional.of(clock.instant())))
            .build());
    clock.tick();
    pipeline.logActivity(
        LogActivity.builder()
            .deal(id)
            .actor(BOB)
            .type(ActivityType.MEETING)
            .subject("Pricing meeting")
            .outcome("Asked for a discount")
            .build());
    clock.tick();
    pipeline.scheduleFollowUp(
        ScheduleFollowUp.builder()
            .deal(id)
            .actor(ALICE)
            .subject("Call back")
            .dueAt(clock.instant().plus(Duration.ofDays(2)))
            .build());
    clock.tick();
    CommandResult lost =
        pipeline.lose(
            CloseDeal.builder()
                .deal(id)
                .actor(ALICE)
                .reason("chose competitor")
                .detail("Initech")
                .build());

    WorkspaceStore view = storeUnderTest().workspace(ws);
    Deal deal = view.deal(id).orElseThrow();
    assertThat(deal).isEqualTo(lost.deal());
    assertThat(deal.qualification()).isPresent();
    assertThat(deal.proposal()).isPresent();
    assertThat(deal.lastActivityAt()).isPresent();
    assertThat(deal.followUpDueAt()).isPresent();
    assertThat(deal.closedAt()).contains(clock.instant());
    assertThat(deal.linkedDeal()).contains(won);
    assertThat(deal.account()).contains(account.id());
    assertThat(view.activities(id)).hasSize(2);
    assertConsistentHistory(view, id);
    assertConsistentHistory(view, won);
  }

  @Test
  default void staleCommitFailsAndWritesNothing() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    DealId id = engine(storeUnderTest(), ws, clock).openDeal(openDeal(clock).build()).deal().id();
    WorkspaceStore view = storeUnderTest().workspace(ws);
    Deal first = view.deal(id).orElseThrow();
    Deal second = view.deal(id).orElseThrow();
    clock.tick();

    view.commit(moveCommit(first, QUALIFICATION, clock.instant(), List.of(), Optional.empty()));
    Stored after = stored(view, id);
    clock.tick();
    Instant at = clock.instant();
    DealCommit stale =
        moveCommit(second, NEEDS_ANALYSIS, at, List.of(call(ws, id, at)), Optional.of("stale-1"));

    assertThatThrownBy(() -> view.commit(stale))
        .isInstanceOfSatisfying(
            ConcurrentDealModificationException.class,
            e -> {
              assertThat(e.dealId()).isEqualTo(id);
              assertThat(e.expectedVersion()).isEqualTo(1);
            });
    assertThat(stored(view, id)).isEqualTo(after);
    assertThat(after.deal().orElseThrow().version()).isEqualTo(2);
    assertThat(after.deal().orElseThrow().stage()).isEqualTo(QUALIFICATION);
    assertThat(after.history()).hasSize(2);
    assertThat(view.idempotencyRecord("stale-1")).isEmpty();
    assertConsistentHistory(view, id);
  }

  @Test
  default void staleCommandFailsThroughTheEngine() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(storeUnderTest(), ws, clock);
    DealId id = pipeline.openDeal(openDeal(clock).build()).deal().id();
    long seen = pipeline.requireDeal(id).version();
    clock.tick();
    pipeline.move(
        MoveDeal.builder()
            .deal(id)
            .toStage(QUALIFICATION)
            .actor(ALICE)
            .expectedVersion(seen)
            .build());
    clock.tick();

    assertThatThrownBy(
            () ->
                pipeline.move(
                    MoveDeal.builder()
                        .deal(id)
                        .toStage(PROPOSAL)
                        .actor(BOB)
                        .expectedVersion(seen)
                        .build()))
        .isInstanceOf(ConcurrentDealModificationException.class);
    WorkspaceStore view = storeUnderTest().workspace(ws);
    assertThat(view.deal(id).orElseThrow().version()).isEqualTo(2);
    assertThat(view.deal(id).orElseThrow().stage()).isEqualTo(QUALIFICATION);
    assertThat(view.history(id)).hasSize(2);
  }

  @Test
  default void creatingAnExistingIdFails() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(storeUnderTest(), ws, clock);
    DealId id = new DealId(UUID.randomUUID());
    CommandResult opened = pipeline.openDeal(openDeal(clock).id(id).build());
    WorkspaceStore view = storeUnderTest().workspace(ws);
    Stored before = stored(view, id);
    clock.tick();

    assertThatThrownBy(() -> pipeline.openDeal(openDeal(clock).id(id).name("Again").build()))
        .isInstanceOf(ConcurrentDealModificationException.class);
    Deal copy = Deal.builder().from(opened.deal()).name("Direct").build();
    DealEvent created =
        new DealEvent(
            id,
            1,
            1,
            clock.instant(),
            ALICE,
            Optional.of("create-again"),
            new Change.Created(copy));
    DealCommit again =
        new DealCommit(
            0,
            copy,
            List.of(created),
            List.of(call(ws, id, clock.instant())),
            Optional.empty(),
            Optional.of("create-again"));
    assertThatThrownBy(() -> view.commit(again))
        .isInstanceOf(ConcurrentDealModificationException.class);

    assertThat(stored(view, id)).isEqualTo(before);
    assertThat(view.idempotencyRecord("create-again")).isEmpty();
    assertThat(allDeals(view)).containsExactly(opened.deal());
  }

  @Test
  default void commitThatDoesNotContinueTheHistoryWritesNothing() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(storeUnderTest(), ws, clock);
    DealId id = pipeline.openDeal(openDeal(clock).build()).deal().id();
    DealId otherId = pipeline.openDeal(openDeal(clock).build()).deal().id();
    clock.tick();
    pipeline.move(move(id, QUALIFICATION));
    WorkspaceStore view = storeUnderTest().workspace(ws);
    Deal deal = view.deal(id).orElseThrow();
    Stored before = stored(view, id);
    Stored otherBefore = stored(view, otherId);
    clock.tick();
    Instant at = clock.instant();

    List<Function<DealEvent, DealEvent>> breakages =
        List.of(
            e -> withSequence(e, e.sequence() + 1), // a gap
            e -> withSequence(e, e.sequence() - 1), // a repeat
            e -> withSequence(e, 1), // a second start
            e ->
                new DealEvent(
                    otherId,
                    e.sequence(),
                    e.dealVersion(),
                    e.at(),
                    e.actor(),
                    e.idempotencyKey(),
                    e.change())); // another deal's event
    int attempt = 0;
    for (Function<DealEvent, DealEvent> breakage : breakages) {
      String key = "broken-" + attempt++;
      DealCommit good = moveCommit(deal, PROPOSAL, at, List.of(call(ws, id, at)), Optional.of(key));
      DealCommit broken =
          new DealCommit(
              good.expectedVersion(),
              good.deal(),
              List.of(breakage.apply(good.events().get(0))),
              good.activities(),
              good.retention(),
              good.idempotencyKey());
      assertThatThrownBy(() -> view.commit(broken)).as(key).isInstanceOf(RuntimeException.class);
      assertThat(stored(view, id)).as(key).isEqualTo(before);
      assertThat(stored(view, otherId)).as(key).isEqualTo(otherBefore);
      assertThat(view.idempotencyRecord(key)).as(key).isEmpty();
    }
    // The same commit unbroken goes through.
    view.commit(moveCommit(deal, PROPOSAL, at, List.of(call(ws, id, at)), Optional.of("fine")));
    assertThat(view.history(id)).hasSize(before.history().size() + 1);
    assertThat(view.activities(id)).hasSize(1);
    assertConsistentHistory(view, id);
  }

  private static DealEvent withSequence(DealEvent e, long sequence) {
    return new DealEvent(
        e.dealId(), sequence, e.dealVersion(), e.at(), e.actor(), e.idempotencyKey(), e.change());
  }
}
