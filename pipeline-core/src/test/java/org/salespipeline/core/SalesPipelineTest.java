package org.salespipeline.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.salespipeline.core.Fixtures.ALICE;
import static org.salespipeline.core.Fixtures.BOB;
import static org.salespipeline.core.Fixtures.TODAY;
import static org.salespipeline.core.Fixtures.open;
import static org.salespipeline.core.Fixtures.openDeal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.command.CloseDeal;
import org.salespipeline.core.command.CommandResult;
import org.salespipeline.core.command.LogActivity;
import org.salespipeline.core.command.MoveDeal;
import org.salespipeline.core.command.RecordQualification;
import org.salespipeline.core.command.ReopenDeal;
import org.salespipeline.core.command.ScheduleFollowUp;
import org.salespipeline.core.command.UpdateDeal;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.qualification.Verdict;
import org.salespipeline.core.rule.RuleViolation;
import org.salespipeline.core.stage.StandardPipelines;
import org.salespipeline.core.store.DealQuery;
import org.salespipeline.core.store.memory.InMemoryPipelineStore;

class SalesPipelineTest {
  TestClock clock;
  SalesPipeline pipeline;

  @BeforeEach
  void setUp() {
    clock = Fixtures.clock();
    pipeline = Fixtures.engine(clock);
  }

  @Nested
  class OpeningDeals {
    @Test
    void opensInTheFirstStageWithTheStageCategoryAndACreatedEvent() {
      CommandResult result = open(pipeline);
      Deal deal = result.deal();

      assertThat(deal.stage()).isEqualTo(StandardPipelines.PROSPECTING);
      assertThat(deal.status()).isEqualTo(DealStatus.OPEN);
      assertThat(deal.forecastCategory()).isEqualTo(ForecastCategory.PIPELINE);
      assertThat(deal.version()).isEqualTo(1);
      assertThat(deal.createdAt()).isEqualTo(clock.instant());
      assertThat(result.events())
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.change()).isInstanceOf(Change.Created.class);
                assertThat(e.sequence()).isEqualTo(1);
                assertThat(e.actor()).isEqualTo(ALICE);
              });
      assertThat(pipeline.deal(deal.id())).contains(deal);
    }

    @Test
    void linksAccountAndContactThatExist() {
      Account acme = pipeline.createAccount("Acme");
      Contact jane =
          pipeline.createContact("Jane Roe", Optional.of(acme.id()), Optional.of("jane@acme.test"));

      Deal deal =
          pipeline
              .openDeal(
                  openDeal()
                      .account(acme.id())
                      .primaryContact(jane.id())
                      .source(DealSource.REFERRAL)
                      .build())
              .deal();

      assertThat(deal.account()).contains(acme.id());
      assertThat(deal.primaryContact()).contains(jane.id());
      assertThat(deal.source()).isEqualTo(DealSource.REFERRAL);
    }

    @Test
    void refusesUnknownAccountPipelineAndContactAllAtOnce() {
      assertThatThrownBy(
              () ->
                  pipeline.openDeal(
                      openDeal()
                          .account(new AccountId(java.util.UUID.randomUUID()))
                          .primaryContact(new ContactId(java.util.UUID.randomUUID()))
                          .pipeline(PipelineId.of("nope"))
                          .build()))
          .isInstanceOfSatisfying(
              ValidationException.class,
              e ->
                  assertThat(e.problems())
                      .extracting(FieldProblem::field)
                      .containsExactlyInAnyOrder("account", "primaryContact", "pipeline"));
    }

    @Test
    void aRepSetCategorySurvivesStageChanges() {
      SalesPipeline lenient = Fixtures.lenientEngine(clock);
      Deal deal =
          lenient.openDeal(openDeal().forecastCategory(ForecastCategory.COMMIT).build()).deal();

      Deal moved = lenient.move(deal.id(), StandardPipelines.QUALIFICATION, ALICE).deal();

      assertThat(moved.forecastCategory()).isEqualTo(ForecastCategory.COMMIT);
      assertThat(moved.categorySetByRep()).isTrue();
    }
  }

  @Nested
  class Updating {
    @Test
    void recordsEachChangeAsItsOwnEventAndCountsPushes() {
      Deal deal = open(pipeline).deal();

      CommandResult result =
          pipeline.update(
              UpdateDeal.builder()
                  .deal(deal.id())
                  .actor(BOB)
                  .amount(Money.of(65_000, "USD"))
                  .expectedCloseDate(deal.expectedCloseDate().plusWeeks(2))
                  .owner(BOB)
                  .probabilityOverride(0.4)
                  .nextStep("Send security questionnaire")
                  .putAttributes("region", AttributeValue.text("EMEA"))
                  .build());

      assertThat(result.events())
          .extracting(e -> e.change().getClass().getSimpleName())
          .containsExactly(
              "AmountChanged",
              "CloseDateChanged",
              "OwnerChanged",
              "ProbabilityOverrideChanged",
              "DetailsChanged");
      Deal updated = result.deal();
      assertThat(updated.version()).isEqualTo(2);
      assertThat(updated.closeDatePushCount()).isEqualTo(1);
      assertThat(updated.owner()).isEqualTo(BOB);
      assertThat(updated.probabilityOverride()).hasValue(0.4);
      assertThat(updated.attributes()).containsEntry("region", AttributeValue.text("EMEA"));
      assertThat(result.events()).allSatisfy(e -> assertThat(e.dealVersion()).isEqualTo(2));
    }

    @Test
    void pullingTheCloseDateInIsNotAPush() {
      Deal deal = open(pipeline).deal();
      Deal updated =
          pipeline
              .update(
                  UpdateDeal.builder()
                      .deal(deal.id())
                      .actor(ALICE)
                      .expectedCloseDate(deal.expectedCloseDate().minusDays(3))
                      .build())
              .deal();
      assertThat(updated.closeDatePushCount()).isZero();
    }

    @Test
    void anUpdateThatChangesNothingAppendsNothing() {
      Deal deal = open(pipeline).deal();
      CommandResult result =
          pipeline.update(
              UpdateDeal.builder().deal(deal.id()).actor(ALICE).amount(deal.amount()).build());
      assertThat(result.events()).isEmpty();
      assertThat(pipeline.requireDeal(deal.id()).version()).isEqualTo(1);
    }

    @Test
    void clearingTheOverrideKeepsTheStageProbabilityUntouched() {
      Deal deal = pipeline.openDeal(openDeal().probabilityOverride(0.9).build()).deal();
      Deal cleared =
          pipeline
              .update(
                  UpdateDeal.builder()
                      .deal(deal.id())
                      .actor(ALICE)
                      .clearProbabilityOverride(true)
                      .build())
              .deal();
      assertThat(cleared.probabilityOverride()).isEmpty();
    }

    @Test
    void aStaleExpectedVersionFailsAndChangesNothing() {
      Deal deal = open(pipeline).deal();
      pipeline.update(UpdateDeal.builder().deal(deal.id()).actor(ALICE).nextStep("call").build());

      assertThatThrownBy(
              () ->
                  pipeline.update(
                      UpdateDeal.builder()
                          .deal(deal.id())
                          .actor(BOB)
                          .expectedVersion(1)
                          .amount(Money.of(1, "USD"))
                          .build()))
          .isInstanceOfSatisfying(
              ConcurrentDealModificationException.class,
              e -> {
                assertThat(e.expectedVersion()).isEqualTo(1);
                assertThat(e.actualVersion()).isEqualTo(2);
              });
      assertThat(pipeline.history(deal.id())).hasSize(2);
    }

    @Test
    void unknownDealIsATypedError() {
      DealId missing = new DealId(java.util.UUID.randomUUID());
      assertThatThrownBy(
              () ->
                  pipeline.update(
                      UpdateDeal.builder().deal(missing).actor(ALICE).nextStep("x").build()))
          .isInstanceOfSatisfying(
              DealNotFoundException.class, e -> assertThat(e.dealId()).isEqualTo(missing));
    }
  }

  @Nested
  class Qualifying {
    @Test
    void recordsAPassingAndAFailingResultAlike() {
      Deal deal = open(pipeline).deal();

      Deal weak =
          pipeline
              .recordQualification(
                  RecordQualification.builder()
                      .deal(deal.id())
                      .actor(ALICE)
                      .assessment(Fixtures.weakLead())
                      .build())
              .deal();
      assertThat(weak.qualification())
          .hasValueSatisfying(r -> assertThat(r.verdict()).isEqualTo(Verdict.DISQUALIFIED));

      Deal strong =
          pipeline
              .recordQualification(
                  RecordQualification.builder()
                      .deal(deal.id())
                      .actor(ALICE)
                      .assessment(Fixtures.qualifiedLead())
                      .build())
              .deal();
      assertThat(strong.qualification())
          .hasValueSatisfying(
              r -> {
                assertThat(r.verdict()).isEqualTo(Verdict.QUALIFIED);
                assertThat(r.frameworkKey()).isEqualTo("bant");
              });
      assertThat(pipeline.history(deal.id()))
          .extracting(DealEvent::type)
          .containsExactly("Created", "QualificationRecorded", "QualificationRecorded");
    }
  }

  @Nested
  class MovingThroughStages {
    @Test
    void aRefusedMoveReportsEveryViolationAndChangesNothing() {
      Deal deal = open(pipeline).deal();
      pipeline.move(deal.id(), StandardPipelines.QUALIFICATION, ALICE);

      assertThatThrownBy(() -> pipeline.move(deal.id(), StandardPipelines.PROPOSAL, ALICE))
          .isInstanceOfSatisfying(
              IllegalTransitionException.class,
              e -> {
                assertThat(e.fromStage()).isEqualTo(StandardPipelines.QUALIFICATION);
                assertThat(e.toStage()).isEqualTo(StandardPipelines.PROPOSAL);
                assertThat(e.violations())
                    .extracting(RuleViolation::rule)
                    .containsExactlyInAnyOrder("no-skipping", "qualified");
              });
      Deal after = pipeline.requireDeal(deal.id());
      assertThat(after.stage()).isEqualTo(StandardPipelines.QUALIFICATION);
      assertThat(after.version()).isEqualTo(2);
    }

    @Test
    void walksTheStandardPipelineToClosedWon() {
      Account acme = pipeline.createAccount("Acme");
      Deal deal = pipeline.openDeal(openDeal().account(acme.id()).build()).deal();
      Fixtures.satisfyStandardRules(pipeline, deal.id());
      for (String stage :
          List.of(
              StandardPipelines.QUALIFICATION,
              StandardPipelines.NEEDS_ANALYSIS,
              StandardPipelines.PROPOSAL,
              StandardPipelines.NEGOTIATION,
              StandardPipelines.CLOSING)) {
        clock.advance(Duration.ofDays(3));
        pipeline.move(deal.id(), stage, ALICE);
      }
      clock.advance(Duration.ofDays(1));
      Deal won =
          pipeline
              .win(CloseDeal.builder().deal(deal.id()).actor(ALICE).reason("signed").build())
              .deal();

      assertThat(won.status()).isEqualTo(DealStatus.WON);
      assertThat(won.stage()).isEqualTo(StandardPipelines.CLOSED_WON);
      assertThat(won.forecastCategory()).isEqualTo(ForecastCategory.CLOSED);
      assertThat(won.closedAt()).contains(clock.instant());
      assertThat(won.closeReason())
          .contains(new CloseReason(DealStatus.WON, "signed", Optional.empty()));
      assertThat(pipeline.timeInStage(deal.id()))
          .containsEntry(StandardPipelines.NEGOTIATION, Duration.ofDays(3));
      // Post-sale: the account enters retention with an onboarding follow-up.
      assertThat(pipeline.retention(acme.id()))
          .hasValueSatisfying(
              r -> {
                assertThat(r.status()).isEqualTo(RetentionStatus.ONBOARDING);
                assertThat(r.wonDeal()).isEqualTo(deal.id());
              });
      assertThat(pipeline.activities(deal.id()))
          .singleElement()
          .satisfies(a -> assertThat(a.dueAt()).contains(clock.instant().plus(Duration.ofDays(7))));
    }

    @Test
    void anOverrideMovesDespiteViolationsAndRecordsWhoAndWhy() {
      Deal deal = open(pipeline).deal();

      CommandResult result =
          pipeline.move(
              MoveDeal.builder()
                  .deal(deal.id())
                  .actor(BOB)
                  .toStage(StandardPipelines.NEGOTIATION)
                  .override("verbal commit from CFO")
                  .build());

      assertThat(result.deal().stage()).isEqualTo(StandardPipelines.NEGOTIATION);
      assertThat(result.events().get(0))
          .satisfies(
              e -> {
                assertThat(e.actor()).isEqualTo(BOB);
                assertThat(e.change())
                    .isInstanceOfSatisfying(
                        Change.RuleOverridden.class,
                        o -> {
                          assertThat(o.reason()).isEqualTo("verbal commit from CFO");
                          assertThat(o.violations())
                              .extracting(RuleViolation::rule)
                              .contains("no-skipping", "proposal-sent");
                        });
              });
    }

    @Test
    void movingToAClosingStageOrTheSameStageIsBadInput() {
      Deal deal = open(pipeline).deal();
      assertThatThrownBy(() -> pipeline.move(deal.id(), StandardPipelines.CLOSED_WON, ALICE))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("use win, lose or disqualify");
      assertThatThrownBy(() -> pipeline.move(deal.id(), StandardPipelines.PROSPECTING, ALICE))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("current stage");
      assertThatThrownBy(() -> pipeline.move(deal.id(), "no_such_stage", ALICE))
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.concerns("toStage")).isTrue());
    }
  }

  @Nested
  class Closing {
    @Test
    void losingNeedsAReasonAndIsRecorded() {
      Deal deal = open(pipeline).deal();
      assertThatThrownBy(
              () -> pipeline.lose(CloseDeal.builder().deal(deal.id()).actor(ALICE).build()))
          .isInstanceOfSatisfying(
              IllegalTransitionException.class,
              e ->
                  assertThat(e.violations())
                      .extracting(RuleViolation::rule)
                      .containsExactly("close-reason"));

      Deal lost =
          pipeline
              .lose(
                  CloseDeal.builder()
                      .deal(deal.id())
                      .actor(ALICE)
                      .reason("price")
                      .detail("went with Globex")
                      .build())
              .deal();
      assertThat(lost.status()).isEqualTo(DealStatus.LOST);
      assertThat(lost.forecastCategory()).isEqualTo(ForecastCategory.OMITTED);
      assertThat(lost.closeReason().map(CloseReason::detail))
          .contains(Optional.of("went with Globex"));
    }

    @Test
    void disqualifiedIsKeptApartFromLost() {
      Deal deal = open(pipeline).deal();
      Deal out =
          pipeline
              .disqualify(
                  CloseDeal.builder().deal(deal.id()).actor(ALICE).reason("no budget").build())
              .deal();
      assertThat(out.status()).isEqualTo(DealStatus.DISQUALIFIED);
      assertThat(out.stage()).isEqualTo(StandardPipelines.DISQUALIFIED);
      assertThat(pipeline.history(deal.id())).extracting(DealEvent::type).contains("Disqualified");
    }

    @Test
    void closedDealsRefuseEverythingButReopenAndActivities() {
      Deal deal = open(pipeline).deal();
      pipeline.lose(CloseDeal.builder().deal(deal.id()).actor(ALICE).reason("timing").build());

      assertThatThrownBy(() -> pipeline.move(deal.id(), StandardPipelines.QUALIFICATION, ALICE))
          .isInstanceOf(ClosedDealException.class);
      assertThatThrownBy(
              () ->
                  pipeline.update(
                      UpdateDeal.builder().deal(deal.id()).actor(ALICE).nextStep("x").build()))
          .isInstanceOf(ClosedDealException.class);
      assertThatThrownBy(
              () -> pipeline.win(CloseDeal.builder().deal(deal.id()).actor(ALICE).build()))
          .isInstanceOf(ClosedDealException.class);

      Activity call =
          pipeline.logActivity(
              LogActivity.builder()
                  .deal(deal.id())
                  .actor(ALICE)
                  .type(ActivityType.CALL)
                  .subject("Post-mortem")
                  .build());
      assertThat(pipeline.activities(deal.id())).contains(call);

      Deal reopened =
          pipeline
              .reopen(
                  ReopenDeal.builder()
                      .deal(deal.id())
                      .actor(BOB)
                      .toStage(StandardPipelines.PROSPECTING)
                      .reason("budget freed up")
                      .build())
              .deal();
      assertThat(reopened.status()).isEqualTo(DealStatus.OPEN);
      assertThat(reopened.closeReason()).isEmpty();
      assertThat(reopened.closedAt()).isEmpty();
      assertThat(pipeline.history(deal.id())).extracting(DealEvent::type).contains("Reopened");
    }
  }

  @Nested
  class Activities {
    @Test
    void loggingUpdatesLastActivityAndSchedulingCountsAsEngagement() {
      Deal deal = open(pipeline).deal();
      clock.advance(Duration.ofDays(20));
      assertThat(pipeline.idleDeals(Optional.empty(), Optional.empty()))
          .extracting(i -> i.deal().id())
          .containsExactly(deal.id());

      pipeline.scheduleFollowUp(
          ScheduleFollowUp.builder()
              .deal(deal.id())
              .actor(ALICE)
              .subject("Check in")
              .dueAt(clock.instant().plus(Duration.ofDays(2)))
              .build());
      assertThat(pipeline.idleDeals(Optional.empty(), Optional.empty())).isEmpty();

      clock.advance(Duration.ofDays(3));
      assertThat(pipeline.idleDeals(Optional.of(ALICE), Optional.of(StandardPipelines.PROSPECTING)))
          .hasSize(1);

      Instant callTime = clock.instant().minus(Duration.ofHours(1));
      Activity call =
          pipeline.logActivity(
              LogActivity.builder()
                  .deal(deal.id())
                  .actor(ALICE)
                  .type(ActivityType.CALL)
                  .subject("Discovery call")
                  .occurredAt(callTime)
                  .outcome("interested")
                  .build());
      assertThat(pipeline.requireDeal(deal.id()).lastActivityAt()).contains(callTime);
      assertThat(call.outcome()).contains("interested");
      assertThat(pipeline.idleDeals(Optional.empty(), Optional.empty())).isEmpty();
      assertThat(pipeline.idleDeals(Optional.of(BOB), Optional.empty())).isEmpty();
    }

    @Test
    void accountActivitiesNeedNoDeal() {
      Account acme = pipeline.createAccount("Acme");
      Activity note =
          pipeline.logActivity(
              LogActivity.builder()
                  .account(acme.id())
                  .actor(ALICE)
                  .type(ActivityType.NOTE)
                  .subject("Met at conference")
                  .build());
      assertThat(pipeline.store().accountActivities(acme.id())).containsExactly(note);
    }

    @Test
    void anActivityInTheFutureIsRefused() {
      Deal deal = open(pipeline).deal();
      assertThatThrownBy(
              () ->
                  pipeline.logActivity(
                      LogActivity.builder()
                          .deal(deal.id())
                          .actor(ALICE)
                          .type(ActivityType.CALL)
                          .subject("x")
                          .occurredAt(clock.instant().plusSeconds(60))
                          .build()))
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.concerns("occurredAt")).isTrue());
    }
  }

  @Nested
  class Idempotency {
    @Test
    void replayingAKeyReturnsTheFirstResultAndWritesNothing() {
      Deal deal = open(pipeline).deal();
      MoveDeal move =
          MoveDeal.builder()
              .deal(deal.id())
              .actor(ALICE)
              .toStage(StandardPipelines.QUALIFICATION)
              .idempotencyKey("move-1")
              .build();

      CommandResult first = pipeline.move(move);
      CommandResult again = pipeline.move(move);

      assertThat(first.replayed()).isFalse();
      assertThat(again.replayed()).isTrue();
      assertThat(again.deal()).isEqualTo(first.deal());
      assertThat(again.events()).isEqualTo(first.events());
      assertThat(pipeline.history(deal.id()))
          .extracting(DealEvent::type)
          .containsExactly("Created", "StageChanged");
    }

    @Test
    void anOpenWithAUsedKeyOpensNothingNew() {
      var command = openDeal().idempotencyKey("import-row-7").build();
      Deal first = pipeline.openDeal(command).deal();
      Deal second = pipeline.openDeal(command).deal();
      assertThat(second).isEqualTo(first);
      assertThat(pipeline.findDeals(DealQuery.all()).items()).hasSize(1);
    }
  }

  @Nested
  class Queries {
    @Test
    void theBoardTotalsOpenDealsPerStageInTheReportingCurrency() {
      SalesPipeline multi =
          SalesPipeline.builder()
              .store(new InMemoryPipelineStore())
              .clock(clock)
              .rules(org.salespipeline.core.rule.RuleSet.none())
              .currencyConverter(
                  FixedRateCurrencyConverter.builder()
                      .rate("EUR", "USD", TODAY.minusYears(1), "1.10")
                      .build())
              .build();
      multi.openDeal(openDeal().amount(Money.of(1000, "USD")).build());
      multi.openDeal(openDeal().amount(Money.of(1000, "EUR")).build());
      Deal moved = multi.openDeal(openDeal().amount(Money.of("333.33", "USD")).build()).deal();
      multi.move(moved.id(), StandardPipelines.QUALIFICATION, ALICE);
      Deal lost = multi.openDeal(openDeal().build()).deal();
      multi.lose(CloseDeal.builder().deal(lost.id()).actor(ALICE).reason("x").build());

      Board board = multi.board();

      assertThat(board.columns()).hasSize(6);
      BoardColumn prospecting = board.columns().get(0);
      assertThat(prospecting.count()).isEqualTo(2);
      assertThat(prospecting.total()).isEqualTo(Money.of("2100.00", "USD"));
      assertThat(prospecting.weighted()).isEqualTo(Money.of("210.00", "USD"));
      BoardColumn qualification = board.columns().get(1);
      assertThat(qualification.weighted()).isEqualTo(Money.of("66.67", "USD"));
      assertThat(board.count()).isEqualTo(3);
      assertThat(board.total()).isEqualTo(Money.of("2433.33", "USD"));
    }

    @Test
    void historyRebuildsTheDealAtAnyPastInstant() {
      SalesPipeline lenient = Fixtures.lenientEngine(clock);
      Deal deal = lenient.openDeal(openDeal().build()).deal();
      Instant beforeMove = clock.instant();
      clock.advance(Duration.ofDays(2));
      lenient.move(deal.id(), StandardPipelines.QUALIFICATION, ALICE);
      lenient.update(
          UpdateDeal.builder()
              .deal(deal.id())
              .actor(ALICE)
              .amount(Money.of(70_000, "USD"))
              .build());

      assertThat(lenient.dealAsOf(deal.id(), beforeMove)).contains(deal);
      assertThat(lenient.dealAsOf(deal.id(), beforeMove.minusSeconds(1))).isEmpty();
      assertThat(DealHistory.replay(lenient.history(deal.id())))
          .isEqualTo(lenient.requireDeal(deal.id()));
    }

    @Test
    void findsDealsByStageOwnerAndAccountPageByPage() {
      Account acme = pipeline.createAccount("Acme");
      List<DealId> ids = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        ids.add(
            pipeline
                .openDeal(openDeal().owner(i % 2 == 0 ? ALICE : BOB).account(acme.id()).build())
                .deal()
                .id());
      }
      var page1 = pipeline.findDeals(DealQuery.builder().addOwners(ALICE).limit(2).build());
      assertThat(page1.items()).extracting(Deal::id).containsExactly(ids.get(0), ids.get(2));
      var page2 =
          pipeline.findDeals(
              DealQuery.builder()
                  .addOwners(ALICE)
                  .limit(2)
                  .afterId(page1.next().orElseThrow())
                  .build());
      assertThat(page2.items()).extracting(Deal::id).containsExactly(ids.get(4));
      assertThat(page2.next()).isEmpty();
      assertThat(pipeline.findDeals(DealQuery.builder().account(acme.id()).build()).items())
          .hasSize(5);
      assertThat(pipeline.findDeals(DealQuery.builder().addStages("qualification").build()).items())
          .isEmpty();
    }
  }

  @Nested
  class PostSale {
    @Test
    void expansionDealsLinkToAWonDealAndItsAccount() {
      SalesPipeline lenient = Fixtures.lenientEngine(clock);
      Account acme = lenient.createAccount("Acme");
      Deal first = lenient.openDeal(openDeal().account(acme.id()).build()).deal();
      lenient.win(CloseDeal.builder().deal(first.id()).actor(ALICE).build());

      Deal upsell =
          lenient
              .openDeal(
                  openDeal()
                      .kind(DealKind.UPSELL)
                      .linkedDeal(first.id())
                      .name("Acme seats +50")
                      .build())
              .deal();
      assertThat(upsell.account()).contains(acme.id());
      assertThat(upsell.linkedDeal()).contains(first.id());

      Deal renewal =
          lenient
              .openDeal(
                  openDeal()
                      .kind(DealKind.RENEWAL)
                      .linkedDeal(first.id())
                      .pipeline(StandardPipelines.RENEWALS)
                      .name("Acme renewal 2027")
                      .build())
              .deal();
      assertThat(renewal.stage()).isEqualTo("renewal_due");
      lenient.win(CloseDeal.builder().deal(renewal.id()).actor(ALICE).build());
      assertThat(lenient.retention(acme.id()))
          .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(RetentionStatus.RENEWED));

      CustomerRetention atRisk =
          lenient.updateRetention(
              acme.id(), RetentionStatus.AT_RISK, Optional.of(TODAY.plusYears(1)));
      assertThat(atRisk.status()).isEqualTo(RetentionStatus.AT_RISK);
      assertThat(atRisk.renewalDate()).contains(TODAY.plusYears(1));
    }

    @Test
    void anExpansionNeedsAWonDeal() {
      Deal open = open(pipeline).deal();
      assertThatThrownBy(
              () ->
                  pipeline.openDeal(
                      openDeal().kind(DealKind.CROSS_SELL).linkedDeal(open.id()).build()))
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.concerns("linkedDeal")).isTrue());
      assertThatThrownBy(() -> pipeline.openDeal(openDeal().kind(DealKind.CROSS_SELL).build()))
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.concerns("linkedDeal")).isTrue());
    }
  }

  @Nested
  class Listeners {
    @Test
    void hearCommittedEventsOnlyAndCannotBreakACommand() {
      List<DealEvent> heard = new ArrayList<>();
      SalesPipeline listened =
          SalesPipeline.builder()
              .store(new InMemoryPipelineStore())
              .clock(clock)
              .listener(heard::addAll)
              .listener(
                  events -> {
                    throw new IllegalStateException("listener bug");
                  })
              .build();
      Deal deal = listened.openDeal(openDeal().build()).deal();
      assertThatThrownBy(() -> listened.move(deal.id(), StandardPipelines.NEGOTIATION, ALICE))
          .isInstanceOf(IllegalTransitionException.class);

      assertThat(heard).extracting(DealEvent::type).containsExactly("Created");
    }
  }

  @Test
  void workspacesDoNotSeeEachOther() {
    Deal deal = open(pipeline).deal();
    SalesPipeline other = pipeline.forWorkspace(WorkspaceId.of("other"));
    assertThat(other.deal(deal.id())).isEmpty();
    assertThat(other.findDeals(DealQuery.all()).items()).isEmpty();
    assertThatThrownBy(() -> other.move(deal.id(), StandardPipelines.QUALIFICATION, ALICE))
        .isInstanceOf(DealNotFoundException.class);
  }

  @Test
  void versionConflictsCarryTheIds() {
    Deal deal = open(pipeline).deal();
    var stale =
        UpdateDeal.builder()
            .deal(deal.id())
            .actor(ALICE)
            .expectedVersion(OptionalLong.of(5))
            .amount(Money.of(BigDecimal.ONE, "USD"))
            .build();
    assertThatThrownBy(() -> pipeline.update(stale))
        .isInstanceOf(ConcurrentDealModificationException.class)
        .hasMessageContaining(deal.id().toString());
  }
}
