package org.salespipeline.examples;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.salespipeline.core.AccountId;
import org.salespipeline.core.DealId;
import org.salespipeline.core.IllegalRetentionMoveException;
import org.salespipeline.core.Money;
import org.salespipeline.core.RetentionBoard;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.UserId;
import org.salespipeline.core.command.CloseDeal;
import org.salespipeline.core.command.OpenDeal;
import org.salespipeline.core.command.RetentionCommand;
import org.salespipeline.core.rule.RuleSet;
import org.salespipeline.core.store.RetentionQuery;
import org.salespipeline.core.store.memory.InMemoryPipelineStore;
import org.salespipeline.forecast.ForecastPeriod;
import org.salespipeline.forecast.retention.RetentionMetrics;
import org.salespipeline.forecast.retention.RetentionPeriod;

/**
 * After the win (issue 17): a customer's retention lifecycle, the retention board, the reads a
 * customer-success team works from, and NRR/GRR from the history. The README's section "After the
 * win: retention and expansion" is the code between the markers; a test compiles, runs and compares
 * it.
 */
public final class RetentionExample {
  private RetentionExample() {}

  /** Runs the example and returns what it printed, line by line. */
  public static List<String> run() {
    List<String> out = new ArrayList<>();
    InMemoryPipelineStore store = new InMemoryPipelineStore();
    Clock clock = Clock.fixed(Instant.parse("2026-01-15T09:00:00Z"), ZoneOffset.UTC);
    // --- README retention begins
    SalesPipeline pipeline =
        SalesPipeline.builder().store(store).clock(clock).rules(RuleSet.none()).build();
    UserId alice = UserId.of("alice");
    AccountId acme = pipeline.createAccount("Acme").id();
    DealId won =
        pipeline
            .openDeal(
                OpenDeal.builder()
                    .name("Acme platform")
                    .owner(alice)
                    .actor(alice)
                    .account(acme)
                    .amount(Money.of(48_000, "USD"))
                    .expectedCloseDate(LocalDate.of(2026, 1, 31))
                    .build())
            .deal()
            .id();
    pipeline.win(CloseDeal.builder().deal(won).actor(alice).build()); // Acme is ONBOARDING

    pipeline.changeRetention(
        new RetentionCommand.CompleteOnboarding(acme, alice, Optional.empty()));
    pipeline.changeRetention(
        new RetentionCommand.SetRenewalTerms(
            acme, alice, Optional.empty(), LocalDate.of(2027, 1, 15), 12, Optional.empty()));
    pipeline.changeRetention(
        new RetentionCommand.MarkAtRisk(acme, alice, Optional.empty(), "champion left"));
    pipeline.changeRetention(
        new RetentionCommand.Churn(
            acme, alice, Optional.empty(), "fewer seats", Optional.of(Money.of(8_000, "USD"))));
    try {
      pipeline.changeRetention(new RetentionCommand.MarkRenewalDue(acme, alice, Optional.empty()));
    } catch (IllegalRetentionMoveException refused) {
      out.add("refused: " + refused.violations()); // at risk, and the renewal is a year away
    }

    RetentionBoard board = pipeline.retentionBoard();
    board
        .columns()
        .forEach(c -> out.add(c.status() + " " + c.accounts() + " " + c.recurringValue()));
    long mine =
        pipeline.findRetention(RetentionQuery.builder().addOwners(alice).build()).items().size();
    out.add("alice looks after " + mine + " account(s)");

    RetentionPeriod q1 =
        RetentionMetrics.of(List.of(ForecastPeriod.quarter(2026, 1)), Currency.getInstance("USD"))
            .read(store.workspace(pipeline.workspace()))
            .periods()
            .get(0);
    out.add("new revenue " + q1.waterfall().newRevenue() + ", ends at " + q1.waterfall().end());
    // --- README retention ends
    return out;
  }

  public static void main(String[] args) {
    run().forEach(System.out::println);
  }
}
