package org.salespipeline.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.salespipeline.core.command.CloseDeal;
import org.salespipeline.core.command.RetentionCommand;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.rule.RuleSet;
import org.salespipeline.core.store.memory.InMemoryPipelineStore;

/**
 * Issue 17, properties of the retention lifecycle over random command sequences: a refused or
 * invalid retention command changes nothing (record, history, activities); an accepted one raises
 * the record's version by one; and the record's recurring value is always the {@code to} of the
 * latest recurring revenue change in the history (the record and its events never disagree).
 */
class RetentionPropertiesTest {

  /** One random retention command. */
  record Step(int kind, int amount, int days, int score, boolean blank) {}

  @Provide
  Arbitrary<Step> steps() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 10),
            Arbitraries.integers().between(-1_000, 80_000),
            Arbitraries.integers().between(-30, 400),
            Arbitraries.integers().between(-5, 105),
            Arbitraries.of(true, false))
        .as(Step::new);
  }

  private static RetentionCommand command(Step s, AccountId account, TestClock clock) {
    UserId actor = Fixtures.BOB;
    String reason = s.blank() ? " " : "reason " + s.kind();
    Money amount = Money.of(s.amount(), "USD");
    return switch (s.kind()) {
      case 0 -> new RetentionCommand.CompleteOnboarding(account, actor, Optional.empty());
      case 1 ->
          new RetentionCommand.RecordHealthCheck(account, actor, Optional.empty(), s.score(), "");
      case 2 ->
          new RetentionCommand.SetRenewalTerms(
              account,
              actor,
              Optional.empty(),
              java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC)
                  .plusDays(s.days()),
              1 + Math.floorMod(s.score(), 36),
              s.blank() ? Optional.empty() : Optional.of(amount));
      case 3 -> new RetentionCommand.MarkRenewalDue(account, actor, Optional.empty());
      case 4 -> new RetentionCommand.MarkAtRisk(account, actor, Optional.empty(), reason);
      case 5 -> new RetentionCommand.ResolveRisk(account, actor, Optional.empty(), "");
      case 6 ->
          new RetentionCommand.Churn(account, actor, Optional.empty(), reason, Optional.empty());
      case 7 ->
          new RetentionCommand.Churn(account, actor, Optional.empty(), reason, Optional.of(amount));
      case 8 -> new RetentionCommand.Reactivate(account, actor, Optional.empty(), amount, "");
      default ->
          new RetentionCommand.ScheduleCustomerFollowUp(
              account,
              actor,
              Optional.empty(),
              clock.instant().plus(Duration.ofDays(Math.abs(s.days()))),
              "check in");
    };
  }

  @Property(tries = 200)
  void refusedRetentionCommandsChangeNothingAndTheRecordFollowsItsEvents(
      @ForAll @Size(max = 30) List<@From("steps") Step> steps) {
    TestClock clock = Fixtures.clock();
    SalesPipeline pipeline =
        SalesPipeline.builder()
            .store(new InMemoryPipelineStore())
            .clock(clock)
            .rules(RuleSet.none())
            .build();
    Account account = pipeline.createAccount("Acme");
    DealId deal = pipeline.openDeal(Fixtures.openDeal().account(account.id()).build()).deal().id();
    pipeline.win(CloseDeal.builder().deal(deal).actor(Fixtures.ALICE).build());

    for (Step step : steps) {
      clock.advance(Duration.ofHours(1 + Math.abs(step.days())));
      CustomerRetention before = pipeline.retention(account.id()).orElseThrow();
      List<DealEvent> historyBefore = pipeline.history(deal);
      int activitiesBefore = pipeline.activities(deal).size();
      boolean refused;
      try {
        pipeline.changeRetention(command(step, account.id(), clock));
        refused = false;
      } catch (IllegalRetentionMoveException | ValidationException e) {
        refused = true;
      }
      CustomerRetention after = pipeline.retention(account.id()).orElseThrow();
      if (refused) {
        assertThat(after).isEqualTo(before);
        assertThat(pipeline.history(deal)).isEqualTo(historyBefore);
        assertThat(pipeline.activities(deal)).hasSize(activitiesBefore);
      } else {
        assertThat(after.version()).isEqualTo(before.version() + 1);
        assertThat(pipeline.history(deal).size()).isGreaterThan(historyBefore.size());
      }
      Money lastTo =
          pipeline.history(deal).stream()
              .map(DealEvent::change)
              .filter(c -> c instanceof Change.RecurringRevenueChanged)
              .map(c -> ((Change.RecurringRevenueChanged) c).to())
              .reduce((a, b) -> b)
              .orElseThrow();
      assertThat(after.recurringValue()).contains(lastTo);
      assertThat(after.recurringValue().orElseThrow().isNegative()).isFalse();
    }
  }
}
