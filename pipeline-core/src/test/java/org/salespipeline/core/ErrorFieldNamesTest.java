package org.salespipeline.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.salespipeline.core.Fixtures.ALICE;
import static org.salespipeline.core.Fixtures.openDeal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.command.CloseDeal;
import org.salespipeline.core.command.MoveDeal;
import org.salespipeline.core.command.ReopenDeal;
import org.salespipeline.core.stage.StandardPipelines;

/**
 * Issue 14, item 15: a problem is reported on the field the caller filled in, whatever went wrong
 * with it (an unknown stage and a closing stage both on {@code toStage} of a move).
 */
class ErrorFieldNamesTest {
  SalesPipeline pipeline;
  Deal deal;

  @BeforeEach
  void setUp() {
    pipeline = Fixtures.lenientEngine(Fixtures.clock());
    deal = pipeline.openDeal(openDeal().build()).deal();
  }

  static void refusedOn(String field, Runnable command) {
    assertThatThrownBy(command::run)
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.problems())
                    .extracting(FieldProblem::field)
                    .as("problems %s", e.problems())
                    .containsExactly(field));
  }

  @Test
  void aMoveReportsUnknownAndClosingStagesOnToStage() {
    refusedOn(
        "toStage",
        () ->
            pipeline.move(
                MoveDeal.builder().deal(deal.id()).actor(ALICE).toStage("no_such_stage").build()));
    refusedOn("toStage", () -> pipeline.move(deal.id(), StandardPipelines.CLOSED_WON, ALICE));
    refusedOn("toStage", () -> pipeline.move(deal.id(), StandardPipelines.PROSPECTING, ALICE));
  }

  @Test
  void aReopenReportsUnknownAndClosingStagesOnToStage() {
    pipeline.lose(CloseDeal.builder().deal(deal.id()).actor(ALICE).reason("price").build());
    refusedOn(
        "toStage",
        () ->
            pipeline.reopen(
                ReopenDeal.builder()
                    .deal(deal.id())
                    .actor(ALICE)
                    .toStage("no_such_stage")
                    .reason("came back")
                    .build()));
    refusedOn(
        "toStage",
        () ->
            pipeline.reopen(
                ReopenDeal.builder()
                    .deal(deal.id())
                    .actor(ALICE)
                    .toStage(StandardPipelines.CLOSED_LOST)
                    .reason("came back")
                    .build()));
  }
}
