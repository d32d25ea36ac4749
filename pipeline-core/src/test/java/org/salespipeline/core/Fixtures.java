package org.salespipeline.core;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.salespipeline.core.command.CommandResult;
import org.salespipeline.core.command.OpenDeal;
import org.salespipeline.core.command.UpdateDeal;
import org.salespipeline.core.qualification.AuthorityRole;
import org.salespipeline.core.qualification.BantAssessment;
import org.salespipeline.core.qualification.Budget;
import org.salespipeline.core.qualification.Need;
import org.salespipeline.core.qualification.NeedSeverity;
import org.salespipeline.core.qualification.Timeline;
import org.salespipeline.core.rule.RuleSet;
import org.salespipeline.core.store.memory.InMemoryPipelineStore;

/** Shared set-up of engine tests. */
final class Fixtures {
  static final UserId ALICE = UserId.of("alice");
  static final UserId BOB = UserId.of("bob");
  static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

  private Fixtures() {}

  static TestClock clock() {
    return TestClock.at("2026-03-02T09:00:00Z");
  }

  static SalesPipeline engine(TestClock clock) {
    return SalesPipeline.builder().store(new InMemoryPipelineStore()).clock(clock).build();
  }

  static SalesPipeline lenientEngine(TestClock clock) {
    return SalesPipeline.builder()
        .store(new InMemoryPipelineStore())
        .clock(clock)
        .rules(RuleSet.none())
        .build();
  }

  static OpenDeal.Builder openDeal() {
    return OpenDeal.builder()
        .name("Acme platform")
        .owner(ALICE)
        .actor(ALICE)
        .amount(Money.of(50_000, "USD"))
        .expectedCloseDate(TODAY.plusMonths(2));
  }

  static CommandResult open(SalesPipeline pipeline) {
    return pipeline.openDeal(openDeal().build());
  }

  static BantAssessment qualifiedLead() {
    return BantAssessment.builder()
        .budget(Budget.confirmed(Money.of(60_000, "USD")))
        .authority(AuthorityRole.DECISION_MAKER)
        .need(Need.of(NeedSeverity.HIGH, "manual forecasting"))
        .timeline(Timeline.by(TODAY.plusMonths(2)))
        .build();
  }

  static BantAssessment weakLead() {
    return BantAssessment.builder()
        .budget(Budget.unknown())
        .authority(AuthorityRole.USER)
        .need(Need.unknown())
        .timeline(Timeline.unknown())
        .build();
  }

  /** Fills in what the standard rules ask for before a deal may advance to closing won. */
  static void satisfyStandardRules(SalesPipeline pipeline, DealId id) {
    pipeline.recordQualification(
        org.salespipeline.core.command.RecordQualification.builder()
            .deal(id)
            .actor(ALICE)
            .assessment(qualifiedLead())
            .build());
    pipeline.update(
        UpdateDeal.builder()
            .deal(id)
            .actor(ALICE)
            .needsAnalysis(new NeedsAnalysis(List.of("manual forecasting"), List.of("CRM sync")))
            .proposal(
                new Proposal(
                    Instant.parse("2026-03-02T09:00:00Z"),
                    Money.of(50_000, "USD"),
                    TODAY.plusMonths(1)))
            .negotiation(Negotiation.started().acceptedAt(Instant.parse("2026-03-02T09:00:00Z")))
            .build());
  }
}
