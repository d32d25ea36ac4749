package org.salespipeline.forecast.bookings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
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
import org.salespipeline.core.stage.StandardPipelines;
import org.salespipeline.core.store.EventQuery;
import org.salespipeline.core.store.memory.InMemoryPipelineStore;
import org.salespipeline.forecast.ForecastPeriod;

/** Issue 17: invariants of the forecast by part and of the renewal weights. */
class PartsPropertiesTest {
  static final UserId REP = UserId.of("rep");
  static final ForecastPeriod MARCH = ForecastPeriod.month(YearMonth.of(2026, 3));
  static final LocalDate ORIGIN = LocalDate.of(2026, 3, 1);

  @Property
  void weightsLieInTheUnitIntervalAndAtRiskNeverAboveHealthy(
      @ForAll @IntRange(max = 500) int healthyRenewed,
      @ForAll @IntRange(max = 500) int healthyChurned,
      @ForAll @IntRange(max = 500) int riskRenewed,
      @ForAll @IntRange(max = 500) int riskChurned) {
    RenewalWeights w =
        RenewalWeights.learned(
            healthyRenewed,
            healthyRenewed + healthyChurned,
            riskRenewed,
            riskRenewed + riskChurned);
    assertThat(w.healthy()).isBetween(0.0, 1.0);
    assertThat(w.atRisk()).isBetween(0.0, w.healthy());
    assertThat(w.weight(true)).isLessThanOrEqualTo(w.weight(false));
  }

  @Property(tries = 8)
  void theTotalIsTheSumOfThePartsAndBandsAreOrdered(
      @ForAll @LongRange(max = 1000) long seed, @ForAll @IntRange(min = 380, max = 560) int day) {
    RenewingCompany c = RenewingCompany.generate(seed, 600, 0.6, true);
    LocalDate t = RenewingCompany.START.plusDays(day);
    PartsForecast f = c.forecaster(null).forecast(ForecastPeriod.month(YearMonth.from(t)), t);
    long sum = 0;
    for (PartForecast p : f.parts()) {
      sum += p.expectedMinor();
      assertThat(p.wonMinor()).isLessThanOrEqualTo(p.p10Minor());
      assertThat(p.p10Minor()).isLessThanOrEqualTo(p.p50Minor());
      assertThat(p.p50Minor()).isLessThanOrEqualTo(p.p90Minor());
    }
    assertThat(f.expected().minorUnitsWithinLimit()).isEqualTo(sum);
    assertThat(f.p10().compareTo(f.p50())).isLessThanOrEqualTo(0);
    assertThat(f.p50().compareTo(f.p90())).isLessThanOrEqualTo(0);
  }

  @Property(tries = 6)
  void aPartWithNoInputsIsZero(
      @ForAll @LongRange(max = 1000) long seed, @ForAll @IntRange(min = 200, max = 500) int day) {
    RenewingCompany c = RenewingCompany.generate(seed, 520, 0.6, false);
    LocalDate t = RenewingCompany.START.plusDays(day);
    PartsForecast f = c.forecaster(null).forecast(ForecastPeriod.month(YearMonth.from(t)), t);
    for (ForecastPart empty : List.of(ForecastPart.RENEWAL, ForecastPart.EXPANSION)) {
      PartForecast p = f.part(empty);
      assertThat(p.expectedMinor()).isZero();
      assertThat(p.p90Minor()).isZero();
      assertThat(p.method()).isEqualTo("none");
    }
    assertThat(f.expected()).isEqualTo(f.part(ForecastPart.NEW_BUSINESS).expected());
  }

  /**
   * Customers renewing in March 2026, with random past outcomes that teach the weights: marking one
   * more of them at risk never raises the renewal part, and the part never exceeds the value of the
   * renewals due.
   */
  @Property(tries = 40)
  void anAtRiskRenewalNeverCountsMoreThanAHealthyOne(
      @ForAll @Size(min = 1, max = 5) List<@LongRange(min = 1, max = 100_000) Long> values,
      @ForAll @Size(max = 8) List<@IntRange(max = 3) Integer> pastOutcomes,
      @ForAll @IntRange(max = 4) int which) {
    int atRisk = which % values.size();
    PartForecast healthy = renewals(values, pastOutcomes, -1);
    PartForecast risky = renewals(values, pastOutcomes, atRisk);
    assertThat(risky.expectedMinor()).isLessThanOrEqualTo(healthy.expectedMinor());
    long due = values.stream().mapToLong(v -> v * 100).sum();
    assertThat(healthy.expectedMinor()).isBetween(0L, due);
    assertThat(healthy.p90Minor()).isLessThanOrEqualTo(due);
  }

  /** The renewal part for March 2026; {@code atRisk} is the index of the account at risk or -1. */
  private static PartForecast renewals(List<Long> values, List<Integer> past, int atRisk) {
    Moving clock = new Moving();
    clock.now = Instant.parse("2024-06-01T09:00:00Z");
    InMemoryPipelineStore store = new InMemoryPipelineStore();
    SalesPipeline p =
        SalesPipeline.builder().store(store).clock(clock).rules(RuleSet.none()).build();
    // past outcomes: 0 healthy renewed, 1 healthy churned, 2 at risk renewed, 3 at risk churned
    for (int outcome : past) {
      AccountId a = customer(p, 10_000, LocalDate.of(2025, 6, 1));
      if (outcome >= 2) {
        p.changeRetention(new RetentionCommand.MarkAtRisk(a, REP, Optional.empty(), "usage"));
      }
      if (outcome % 2 == 0) {
        DealId renewal = renewalDeal(p, a, 10_000);
        p.win(CloseDeal.builder().deal(renewal).actor(REP).build());
      } else {
        p.changeRetention(
            new RetentionCommand.Churn(a, REP, Optional.empty(), "budget", Optional.empty()));
      }
    }
    clock.now = Instant.parse("2025-12-01T09:00:00Z");
    for (int i = 0; i < values.size(); i++) {
      AccountId a = customer(p, values.get(i), LocalDate.of(2026, 3, 10));
      if (i == atRisk) {
        p.changeRetention(new RetentionCommand.MarkAtRisk(a, REP, Optional.empty(), "usage"));
      }
    }
    List<DealEvent> events = new ArrayList<>();
    try (Stream<DealEvent> all = store.workspace(p.workspace()).streamEvents(EventQuery.all())) {
      all.forEach(events::add);
    }
    return PartsForecaster.builder()
        .pipeline(p.pipeline(StandardPipelines.NEW_BUSINESS))
        .reportingCurrency(RenewingCompany.USD)
        .events(events)
        .build()
        .forecast(MARCH, ORIGIN)
        .part(ForecastPart.RENEWAL);
  }

  private static AccountId customer(SalesPipeline p, long value, LocalDate renewal) {
    AccountId a = p.createAccount("Customer " + value).id();
    DealId won =
        p.openDeal(
                OpenDeal.builder()
                    .name("Deal")
                    .owner(REP)
                    .actor(REP)
                    .account(a)
                    .amount(Money.of(value, "USD"))
                    .expectedCloseDate(LocalDate.of(2025, 1, 1))
                    .build())
            .deal()
            .id();
    p.win(CloseDeal.builder().deal(won).actor(REP).build());
    p.changeRetention(new RetentionCommand.CompleteOnboarding(a, REP, Optional.empty()));
    p.changeRetention(
        new RetentionCommand.SetRenewalTerms(
            a, REP, Optional.empty(), renewal, 12, Optional.empty()));
    return a;
  }

  private static DealId renewalDeal(SalesPipeline p, AccountId a, long value) {
    DealId linked = p.retention(a).orElseThrow().wonDeal();
    return p.openDeal(
            OpenDeal.builder()
                .name("Renewal")
                .owner(REP)
                .actor(REP)
                .account(a)
                .kind(DealKind.RENEWAL)
                .linkedDeal(linked)
                .pipeline(StandardPipelines.RENEWALS)
                .amount(Money.of(value, "USD"))
                .expectedCloseDate(LocalDate.of(2025, 6, 1))
                .build())
        .deal()
        .id();
  }

  /** A clock the test moves. */
  static final class Moving extends Clock {
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
}
