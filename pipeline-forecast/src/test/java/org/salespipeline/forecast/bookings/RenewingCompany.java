package org.salespipeline.forecast.bookings;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.salespipeline.core.AccountId;
import org.salespipeline.core.DealId;
import org.salespipeline.core.DealKind;
import org.salespipeline.core.Money;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.UserId;
import org.salespipeline.core.command.CloseDeal;
import org.salespipeline.core.command.OpenDeal;
import org.salespipeline.core.command.RetentionCommand;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.rule.RuleSet;
import org.salespipeline.core.stage.PipelineDefinition;
import org.salespipeline.core.stage.StandardPipelines;
import org.salespipeline.core.store.EventQuery;
import org.salespipeline.core.store.memory.InMemoryPipelineStore;

/**
 * A seeded company with customers, written through the engine day by day: new business opened every
 * day and won or lost weeks later; each customer onboards, gets renewal terms a year after the win,
 * may fall at risk, is offered a renewal deal two months before the renewal date and renews
 * (healthy: {@link #HEALTHY_RENEWS}, at risk: {@link #AT_RISK_RENEWS}) or churns; some customers
 * get an upsell. Every fact is recorded on the day it happens, so a history cut at T is what was
 * known at T.
 */
final class RenewingCompany {
  static final Currency USD = Currency.getInstance("USD");
  static final UserId REP = UserId.of("rep");
  static final LocalDate START = LocalDate.of(2024, 1, 1);
  static final double HEALTHY_RENEWS = 0.9;
  static final double AT_RISK_RENEWS = 0.35;

  final List<DealEvent> events;
  final PipelineDefinition pipeline;

  private RenewingCompany(List<DealEvent> events, PipelineDefinition pipeline) {
    this.events = events;
    this.pipeline = pipeline;
  }

  /** A clock the generator moves. */
  private static final class Moving extends Clock {
    Instant now;

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

  private record Task(int day, long order, Runnable action) {}

  /**
   * Generates {@code days} days of history.
   *
   * @param newPerDay mean new-business deals opened per day
   * @param retention whether won customers get retention, renewals and upsells
   */
  static RenewingCompany generate(long seed, int days, double newPerDay, boolean retention) {
    SplittableRandom r = new SplittableRandom(seed);
    Moving clock = new Moving();
    clock.now = START.atStartOfDay().toInstant(ZoneOffset.UTC);
    InMemoryPipelineStore store = new InMemoryPipelineStore();
    SalesPipeline p =
        SalesPipeline.builder().store(store).clock(clock).rules(RuleSet.none()).build();
    PriorityQueue<Task> queue =
        new PriorityQueue<>(
            (a, b) ->
                a.day != b.day ? Integer.compare(a.day, b.day) : Long.compare(a.order, b.order));
    long[] order = {0};
    java.util.function.BiConsumer<Integer, Runnable> at =
        (day, action) -> queue.add(new Task(day, order[0]++, action));
    for (int day = 0; day < days; day++) {
      int d = day;
      int opened = r.nextDouble() < newPerDay - Math.floor(newPerDay) ? 1 : 0;
      opened += (int) Math.floor(newPerDay);
      for (int k = 0; k < opened; k++) {
        long amount = 1_000 + r.nextInt(9_000);
        int cycle = 10 + r.nextInt(50);
        boolean wins = r.nextInt(100) < 40;
        boolean atRisk = r.nextInt(100) < 25;
        boolean renewsHealthy = r.nextDouble() < HEALTHY_RENEWS;
        boolean renewsAtRisk = r.nextDouble() < AT_RISK_RENEWS;
        boolean upsell = r.nextInt(100) < 20;
        boolean upsellWins = r.nextInt(100) < 50;
        int riskDay = 150 + r.nextInt(150);
        at.accept(
            d,
            () -> {
              AccountId account = p.createAccount("Customer " + d + "-" + amount).id();
              DealId deal =
                  open(p, "New " + amount, account, amount, d + cycle, DealKind.NEW_BUSINESS, null);
              at.accept(
                  d + cycle,
                  () -> {
                    if (!wins) {
                      p.lose(CloseDeal.builder().deal(deal).actor(REP).reason("lost").build());
                      return;
                    }
                    p.win(CloseDeal.builder().deal(deal).actor(REP).build());
                    if (!retention) {
                      return;
                    }
                    int won = d + cycle;
                    LocalDate renewal = START.plusDays(won + 365);
                    at.accept(
                        won + 20,
                        () -> {
                          p.changeRetention(
                              new RetentionCommand.CompleteOnboarding(
                                  account, REP, Optional.empty()));
                          p.changeRetention(
                              new RetentionCommand.SetRenewalTerms(
                                  account, REP, Optional.empty(), renewal, 12, Optional.empty()));
                        });
                    if (atRisk) {
                      at.accept(
                          won + riskDay,
                          () ->
                              p.changeRetention(
                                  new RetentionCommand.MarkAtRisk(
                                      account, REP, Optional.empty(), "low usage")));
                    }
                    if (upsell) {
                      at.accept(
                          won + 90,
                          () -> {
                            DealId up =
                                open(
                                    p,
                                    "Upsell " + amount,
                                    account,
                                    amount / 3,
                                    won + 120,
                                    DealKind.UPSELL,
                                    deal);
                            at.accept(
                                won + 90 + 10 + r.nextInt(40), () -> close(p, up, upsellWins));
                          });
                    }
                    at.accept(
                        won + 305,
                        () -> {
                          DealId renewalDeal =
                              open(
                                  p,
                                  "Renewal " + amount,
                                  account,
                                  amount,
                                  won + 365,
                                  DealKind.RENEWAL,
                                  deal);
                          at.accept(
                              won + 360,
                              () -> {
                                boolean risky =
                                    p.retention(account)
                                        .map(
                                            x ->
                                                x.status()
                                                    == org.salespipeline.core.RetentionStatus
                                                        .AT_RISK)
                                        .orElse(false);
                                boolean renews = risky ? renewsAtRisk : renewsHealthy;
                                close(p, renewalDeal, renews);
                                if (!renews) {
                                  p.changeRetention(
                                      new RetentionCommand.Churn(
                                          account,
                                          REP,
                                          Optional.empty(),
                                          "budget",
                                          Optional.empty()));
                                }
                              });
                        });
                  });
            });
      }
      clock.now = START.plusDays(day).atTime(9, 0).toInstant(ZoneOffset.UTC);
      long minute = 0;
      while (!queue.isEmpty() && queue.peek().day <= day) {
        clock.now =
            START.plusDays(day).atTime(9, 0).toInstant(ZoneOffset.UTC).plusSeconds(++minute * 60);
        queue.poll().action.run();
      }
    }
    List<DealEvent> events = new ArrayList<>();
    try (Stream<DealEvent> all = store.workspace(p.workspace()).streamEvents(EventQuery.all())) {
      all.forEach(events::add);
    }
    return new RenewingCompany(events, p.pipeline(StandardPipelines.NEW_BUSINESS));
  }

  private static DealId open(
      SalesPipeline p,
      String name,
      AccountId account,
      long amount,
      int closeDay,
      DealKind kind,
      DealId linked) {
    OpenDeal.Builder b =
        OpenDeal.builder()
            .name(name)
            .owner(REP)
            .actor(REP)
            .account(account)
            .kind(kind)
            .amount(Money.of(amount, "USD"))
            .expectedCloseDate(START.plusDays(closeDay));
    if (linked != null) {
      b.linkedDeal(linked);
    }
    if (kind == DealKind.RENEWAL) {
      b.pipeline(StandardPipelines.RENEWALS);
    }
    return p.openDeal(b.build()).deal().id();
  }

  private static void close(SalesPipeline p, DealId deal, boolean won) {
    if (won) {
      p.win(CloseDeal.builder().deal(deal).actor(REP).build());
    } else {
      p.lose(CloseDeal.builder().deal(deal).actor(REP).reason("lost").build());
    }
  }

  /** A forecaster over the events recorded before the start of {@code day} (all when null). */
  PartsForecaster forecaster(LocalDate before) {
    List<DealEvent> known = events;
    if (before != null) {
      Instant cut = before.atStartOfDay().toInstant(ZoneOffset.UTC);
      known = events.stream().filter(e -> e.at().isBefore(cut)).toList();
    }
    return PartsForecaster.builder()
        .pipeline(pipeline)
        .reportingCurrency(USD)
        .events(known)
        .build();
  }
}
