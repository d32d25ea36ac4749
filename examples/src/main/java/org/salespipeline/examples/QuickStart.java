package org.salespipeline.examples;

import java.time.LocalDate;
import org.salespipeline.core.Board;
import org.salespipeline.core.Deal;
import org.salespipeline.core.IllegalTransitionException;
import org.salespipeline.core.Money;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.UserId;
import org.salespipeline.core.command.CloseDeal;
import org.salespipeline.core.command.MoveDeal;
import org.salespipeline.core.command.OpenDeal;
import org.salespipeline.core.command.RecordQualification;
import org.salespipeline.core.qualification.AuthorityRole;
import org.salespipeline.core.qualification.BantAssessment;
import org.salespipeline.core.qualification.Budget;
import org.salespipeline.core.qualification.Need;
import org.salespipeline.core.qualification.NeedSeverity;
import org.salespipeline.core.qualification.Timeline;
import org.salespipeline.core.store.memory.InMemoryPipelineStore;

/**
 * The README's quick start: open a deal, qualify it with BANT, try a move the rules refuse, move
 * it, print the board.
 */
public final class QuickStart {
  private QuickStart() {}

  /** Runs the quick start and returns the board it printed. */
  public static Board run() {
    // --- README quick start begins
    SalesPipeline pipeline = SalesPipeline.builder().store(new InMemoryPipelineStore()).build();
    UserId alice = UserId.of("alice");

    Deal deal =
        pipeline
            .openDeal(
                OpenDeal.builder()
                    .name("Acme platform")
                    .owner(alice)
                    .actor(alice)
                    .amount(Money.of(48_000, "USD"))
                    .expectedCloseDate(LocalDate.now().plusMonths(2))
                    .build())
            .deal();

    pipeline.move(deal.id(), "qualification", alice);
    pipeline.recordQualification(
        RecordQualification.builder()
            .deal(deal.id())
            .actor(alice)
            .assessment(
                BantAssessment.builder()
                    .budget(Budget.confirmed(Money.of(50_000, "USD")))
                    .authority(AuthorityRole.DECISION_MAKER)
                    .need(Need.of(NeedSeverity.HIGH, "forecasts built by hand"))
                    .timeline(Timeline.by(LocalDate.now().plusMonths(2)))
                    .build())
            .build());
    try {
      pipeline.move(deal.id(), "proposal", alice); // skips Needs Analysis
    } catch (IllegalTransitionException e) {
      e.violations().forEach(v -> System.out.println("refused: " + v));
    }
    pipeline.move(
        MoveDeal.builder().deal(deal.id()).actor(alice).toStage("needs_analysis").build());

    Board board = pipeline.board();
    board
        .columns()
        .forEach(
            c ->
                System.out.printf(
                    "%-22s %3d deals %14s weighted %14s%n",
                    c.stage().displayName(), c.count(), c.total(), c.weighted()));
    // --- README quick start ends
    pipeline.lose(CloseDeal.builder().deal(deal.id()).actor(alice).reason("demo over").build());
    return board;
  }

  /** Entry point. */
  public static void main(String[] args) {
    run();
  }
}
