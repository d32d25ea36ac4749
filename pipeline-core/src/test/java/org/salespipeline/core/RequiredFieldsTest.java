package org.salespipeline.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.salespipeline.core.Fixtures.ALICE;
import static org.salespipeline.core.Fixtures.openDeal;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.salespipeline.core.command.CloseDeal;
import org.salespipeline.core.command.DealImport;
import org.salespipeline.core.command.LogActivity;
import org.salespipeline.core.command.MoveDeal;
import org.salespipeline.core.command.RecordQualification;
import org.salespipeline.core.command.ReopenDeal;
import org.salespipeline.core.command.ScheduleFollowUp;
import org.salespipeline.core.command.UpdateDeal;
import org.salespipeline.core.stage.StandardPipelines;
import org.salespipeline.core.store.DealQuery;

/**
 * Issue 14, item 8: every required field of every command is checked by the engine; a missing one
 * is a {@link ValidationException} naming the field (never a bare NullPointerException), and
 * nothing is stored.
 */
class RequiredFieldsTest {
  TestClock clock;
  SalesPipeline pipeline;
  Deal deal;

  @BeforeEach
  void setUp() {
    clock = Fixtures.clock();
    pipeline = Fixtures.engine(clock);
    deal = pipeline.openDeal(openDeal().build()).deal();
  }

  /** A command missing a field, given the id of an open deal; it must fail naming the field. */
  record Case(String field, Consumer<RequiredFieldsTest> command) {
    @Override
    public String toString() {
      return field;
    }
  }

  static Case missing(String field, Consumer<RequiredFieldsTest> command) {
    return new Case(field, command);
  }

  static Stream<Arguments> commandsMissingAField() {
    return Stream.of(
            missing("command", t -> t.pipeline.openDeal(null)),
            missing("owner", t -> t.pipeline.openDeal(openDeal().owner(null).build())),
            missing("actor", t -> t.pipeline.openDeal(openDeal().actor(null).build())),
            missing("name", t -> t.pipeline.openDeal(openDeal().name(null).build())),
            missing("amount", t -> t.pipeline.openDeal(openDeal().amount(null).build())),
            missing(
                "expectedCloseDate",
                t -> t.pipeline.openDeal(openDeal().expectedCloseDate(null).build())),
            missing("kind", t -> t.pipeline.openDeal(openDeal().kind(null).build())),
            missing("source", t -> t.pipeline.openDeal(openDeal().source(null).build())),
            missing(
                "attributes.note",
                t -> t.pipeline.openDeal(openDeal().putAttributes("note", null).build())),
            missing("command", t -> t.pipeline.update(null)),
            missing(
                "deal",
                t ->
                    t.pipeline.update(
                        UpdateDeal.builder().actor(ALICE).amount(Money.of(1, "USD")).build())),
            missing(
                "actor",
                t ->
                    t.pipeline.update(
                        UpdateDeal.builder().deal(t.deal.id()).amount(Money.of(1, "USD")).build())),
            missing("command", t -> t.pipeline.move(null)),
            missing(
                "deal",
                t ->
                    t.pipeline.move(
                        MoveDeal.builder()
                            .actor(ALICE)
                            .toStage(StandardPipelines.QUALIFICATION)
                            .build())),
            missing("deal", t -> t.pipeline.move(null, StandardPipelines.QUALIFICATION, ALICE)),
            missing(
                "toStage",
                t -> t.pipeline.move(MoveDeal.builder().deal(t.deal.id()).actor(ALICE).build())),
            missing("command", t -> t.pipeline.win(null)),
            missing(
                "deal",
                t -> t.pipeline.win(CloseDeal.builder().actor(ALICE).reason("signed").build())),
            missing(
                "deal",
                t -> t.pipeline.lose(CloseDeal.builder().actor(ALICE).reason("price").build())),
            missing(
                "deal",
                t ->
                    t.pipeline.disqualify(
                        CloseDeal.builder().actor(ALICE).reason("no budget").build())),
            missing(
                "reason",
                t ->
                    t.pipeline.lose(
                        CloseDeal.builder().deal(t.deal.id()).actor(ALICE).reason(null).build())),
            missing(
                "deal",
                t ->
                    t.pipeline.reopen(
                        ReopenDeal.builder()
                            .actor(ALICE)
                            .toStage(StandardPipelines.QUALIFICATION)
                            .reason("back")
                            .build())),
            missing(
                "deal",
                t ->
                    t.pipeline.recordQualification(
                        RecordQualification.builder()
                            .actor(ALICE)
                            .assessment(Fixtures.qualifiedLead())
                            .build())),
            missing(
                "assessment",
                t ->
                    t.pipeline.recordQualification(
                        RecordQualification.builder().deal(t.deal.id()).actor(ALICE).build())),
            missing(
                "type",
                t ->
                    t.pipeline.logActivity(
                        LogActivity.builder().deal(t.deal.id()).actor(ALICE).subject("x").build())),
            missing(
                "dueAt",
                t ->
                    t.pipeline.scheduleFollowUp(
                        ScheduleFollowUp.builder()
                            .deal(t.deal.id())
                            .actor(ALICE)
                            .subject("call back")
                            .build())),
            missing(
                "type",
                t ->
                    t.pipeline.scheduleFollowUp(
                        ScheduleFollowUp.builder()
                            .deal(t.deal.id())
                            .actor(ALICE)
                            .subject("call back")
                            .type(null)
                            .dueAt(t.clock.instant().plus(Duration.ofDays(1)))
                            .build())),
            missing(
                "imports[1].deal.owner",
                t ->
                    t.pipeline.importDeals(
                        List.of(
                            DealImport.builder().deal(openDeal().build()).build(),
                            DealImport.builder().deal(openDeal().owner(null).build()).build()),
                        ProgressListener.NONE)),
            missing(
                "imports[0].deal",
                t ->
                    t.pipeline.importDeals(
                        List.of(DealImport.builder().build()), ProgressListener.NONE)),
            missing(
                "imports[0]",
                t ->
                    t.pipeline.importDeals(
                        Arrays.asList((DealImport) null), ProgressListener.NONE)),
            missing("imports", t -> t.pipeline.importDeals(null, ProgressListener.NONE)),
            missing(
                "account",
                t -> t.pipeline.updateRetention(null, RetentionStatus.ACTIVE, Optional.empty())))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commandsMissingAField")
  void aMissingFieldIsAValidationErrorNamingItAndNothingIsStored(Case missing) {
    assertThatThrownBy(() -> missing.command().accept(this))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.concerns(missing.field()))
                    .as("problems %s concern %s", e.problems(), missing.field())
                    .isTrue());

    assertThat(pipeline.findDeals(DealQuery.all()).items()).containsExactly(deal);
    assertThat(pipeline.history(deal.id())).hasSize(1);
  }

  @Test
  void aRefusedOpeningWithoutAnOwnerLeavesEveryReadWorking() {
    assertThatThrownBy(() -> pipeline.openDeal(openDeal().owner(null).build()))
        .isInstanceOf(ValidationException.class);

    assertThat(pipeline.board().columns()).isNotEmpty();
    assertThat(pipeline.idleDeals(Optional.empty(), Optional.empty())).isEmpty();
    try (Stream<Deal> deals = pipeline.streamDeals(DealQuery.all())) {
      assertThat(deals).allSatisfy(d -> assertThat(d.owner()).isNotNull());
    }
  }
}
