package org.salespipeline.examples;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.salespipeline.core.AccountId;
import org.salespipeline.core.DealId;
import org.salespipeline.core.DealKind;
import org.salespipeline.core.Money;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.UserId;
import org.salespipeline.core.command.CloseDeal;
import org.salespipeline.core.command.OpenDeal;
import org.salespipeline.core.command.RetentionCommand;
import org.salespipeline.core.rule.RuleSet;
import org.salespipeline.core.store.WorkspaceStore;
import org.salespipeline.core.store.memory.InMemoryPipelineStore;
import org.salespipeline.forecast.ForecastPeriod;
import org.salespipeline.forecast.bookings.PartForecast;
import org.salespipeline.forecast.bookings.PartsForecast;
import org.salespipeline.forecast.bookings.PartsForecaster;
import org.salespipeline.forecast.insight.CustomerWork;
import org.salespipeline.forecast.insight.PipelineInsight;
import org.salespipeline.forecast.insight.RetentionInsight;

/**
 * After the win, in the forecast and in insight (issue 17): a period's forecast by part (new
 * business, renewals, expansion) and the customer-success work list. The README's section "After
 * the win: retention and expansion" shows the code between the markers; a test compiles, runs and
 * compares it.
 */
public final class RetentionForecastExample {
  private RetentionForecastExample() {}

  /** A clock the example moves forward. */
  private static final class Calendar extends Clock {
    private Instant now;

    Calendar(String start) {
      now = Instant.parse(start);
    }

    void set(String instant) {
      now = Instant.parse(instant);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** Wins a customer for {@code owner} and returns its account. */
  private static AccountId customer(SalesPipeline pipeline, String name, UserId owner, long usd) {
    AccountId account = pipeline.createAccount(name).id();
    DealId deal = open(pipeline, name, owner, account, usd, DealKind.NEW_BUSINESS, null);
    pipeline.win(CloseDeal.builder().deal(deal).actor(owner).build());
    return account;
  }

  private static DealId open(
      SalesPipeline pipeline,
      String name,
      UserId owner,
      AccountId account,
      long usd,
      DealKind kind,
      DealId linked) {
    OpenDeal.Builder deal =
        OpenDeal.builder()
            .name(name)
            .owner(owner)
            .actor(owner)
            .account(account)
            .kind(kind)
            .amount(Money.of(usd, "USD"))
            .expectedCloseDate(LocalDate.of(2026, 3, 25));
    if (linked != null) {
      deal.linkedDeal(linked);
    }
    return pipeline.openDeal(deal.build()).deal().id();
  }

  /** Runs the example and returns what it printed, line by line. */
  public static List<String> run() {
    List<String> out = new ArrayList<>();
    InMemoryPipelineStore memory = new InMemoryPipelineStore();
    Calendar clock = new Calendar("2026-01-12T09:00:00Z");
    SalesPipeline pipeline =
        SalesPipeline.builder().store(memory).clock(clock).rules(RuleSet.none()).build();
    UserId alice = UserId.of("alice");
    AccountId acme = customer(pipeline, "Acme", alice, 48_000);
    AccountId globex = customer(pipeline, "Globex", alice, 30_000);
    for (AccountId a : List.of(acme, globex)) {
      pipeline.changeRetention(new RetentionCommand.CompleteOnboarding(a, alice, Optional.empty()));
      pipeline.changeRetention(
          new RetentionCommand.SetRenewalTerms(
              a, alice, Optional.empty(), LocalDate.of(2026, 3, 20), 12, Optional.empty()));
    }
    open(
        pipeline,
        "Acme analytics",
        alice,
        acme,
        12_000,
        DealKind.UPSELL,
        pipeline.retention(acme).orElseThrow().wonDeal());
    open(
        pipeline,
        "Initech",
        alice,
        pipeline.createAccount("Initech").id(),
        25_000,
        DealKind.NEW_BUSINESS,
        null);
    DealId seats =
        open(
            pipeline,
            "Globex seats",
            alice,
            globex,
            6_000,
            DealKind.UPSELL,
            pipeline.retention(globex).orElseThrow().wonDeal());
    clock.set("2026-01-20T09:00:00Z");
    pipeline.win(CloseDeal.builder().deal(seats).actor(alice).build());
    pipeline.changeRetention(
        new RetentionCommand.MarkAtRisk(globex, alice, Optional.empty(), "champion left"));
    clock.set("2026-03-01T08:00:00Z");
    WorkspaceStore store = memory.workspace(pipeline.workspace());
    // --- README retention forecast begins
    PartsForecaster forecaster =
        PartsForecaster.builder()
            .pipeline(pipeline.defaultPipeline())
            .reportingCurrency(Currency.getInstance("USD"))
            .from(store) // every pipeline's events: renewal deals may live in their own
            .build();
    PartsForecast march =
        forecaster.forecast(ForecastPeriod.month(YearMonth.of(2026, 3)), LocalDate.of(2026, 3, 1));
    for (PartForecast part : march.parts()) {
      out.add(part.part() + " " + part.expected() + " [" + part.p10() + ", " + part.p90() + "]");
    }
    out.add("total " + march.expected() + "; weights " + march.renewalWeights());

    RetentionInsight customers =
        PipelineInsight.builder()
            .from(store)
            .reportingCurrency("USD")
            .clock(clock)
            .build()
            .analyze()
            .retention();
    for (CustomerWork work : customers.workList(alice)) {
      out.add(work.status() + " " + work.reasons().get(0).text());
    }
    // --- README retention forecast ends
    return out;
  }
}
