package org.salespipeline.forecast.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.salespipeline.core.AccountId;
import org.salespipeline.core.DealId;
import org.salespipeline.core.IllegalRetentionMoveException;
import org.salespipeline.core.Money;
import org.salespipeline.core.RetentionStatus;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.UserId;
import org.salespipeline.core.command.CloseDeal;
import org.salespipeline.core.command.OpenDeal;
import org.salespipeline.core.command.RetentionCommand;
import org.salespipeline.core.rule.RuleSet;
import org.salespipeline.core.store.memory.InMemoryPipelineStore;

/** Issue 17: invariants of the insight report's retention section over random customer bases. */
class RetentionInsightPropertiesTest {
  static final List<UserId> OWNERS = List.of(UserId.of("ann"), UserId.of("bob"), UserId.of("cy"));

  /**
   * Every listed customer has a signal and states its recurring value last; scores lie in [0, 100]
   * and order the lists; work lists hold at most the work list size and only the owner's customers;
   * counts agree with the statuses; churn reasons are ranked by how often they were given.
   */
  @Property(tries = 30)
  void theRetentionSectionIsConsistent(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 25) int customers) {
    Base base = base(seed, customers);
    InMemoryPipelineStore store = base.store();
    SalesPipeline p = base.p();
    List<AccountId> accounts = base.accounts();
    Instant end = base.end();
    RetentionInsight ret =
        PipelineInsight.builder()
            .from(store.workspace(p.workspace()))
            .reportingCurrency("USD")
            .asOf(end)
            .workListSize(3)
            .build()
            .analyze()
            .retention();

    long live = 0;
    long atRisk = 0;
    long value = 0;
    for (AccountId a : accounts) {
      var rec = p.retention(a).orElseThrow();
      if (rec.status() != RetentionStatus.CHURNED) {
        live++;
        value += rec.recurringValue().orElseThrow().toMinorUnits();
        atRisk += rec.status() == RetentionStatus.AT_RISK ? 1 : 0;
      }
    }
    assertThat(ret.customers()).isEqualTo(live);
    assertThat(ret.recurringValue()).isEqualTo(value);
    assertThat(ret.atRisk()).isEqualTo(atRisk);
    double previous = Double.MAX_VALUE;
    for (CustomerWork w : ret.signals()) {
      assertThat(w.score()).isBetween(0.0, 100.0).isLessThanOrEqualTo(previous);
      previous = w.score();
      assertThat(w.status()).isNotEqualTo(RetentionStatus.CHURNED);
      assertThat(w.reasons().size()).isGreaterThanOrEqualTo(2);
      assertThat(w.reasons().get(w.reasons().size() - 1).code())
          .isEqualTo(ReasonCode.RECURRING_VALUE);
      assertThat(w.status() == RetentionStatus.AT_RISK)
          .isEqualTo(w.reasons().get(0).code() == ReasonCode.CUSTOMER_AT_RISK);
      assertThat(p.retention(w.account()).orElseThrow().status()).isEqualTo(w.status());
    }
    ret.workLists()
        .forEach(
            (owner, list) -> {
              assertThat(list).hasSizeLessThanOrEqualTo(3);
              list.forEach(w -> assertThat(w.owner()).isEqualTo(owner));
            });
    long lastTimes = Long.MAX_VALUE;
    for (var c : ret.churnReasons()) {
      assertThat(c.times()).isPositive().isLessThanOrEqualTo(lastTimes);
      lastTimes = c.times();
    }
  }

  /**
   * Stricter customer-success thresholds (shorter idle time and onboarding target, longer renewal
   * lead time) flag every account the looser ones flag, for the same reason.
   */
  @Property(tries = 20)
  void stricterThresholdsFlagAtLeastTheSameAccounts(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 20) int customers,
      @ForAll @IntRange(min = 1, max = 60) int idleDays,
      @ForAll @IntRange(min = 1, max = 60) int onboardingDays,
      @ForAll @IntRange(min = 0, max = 200) int leadDays,
      @ForAll @IntRange(min = 0, max = 30) int tighter) {
    Base base = base(seed, customers);
    RetentionInsight loose = analyze(base, idleDays + tighter, onboardingDays + tighter, leadDays);
    RetentionInsight strict = analyze(base, idleDays, onboardingDays, leadDays + tighter);
    for (ReasonCode code :
        List.of(
            ReasonCode.RENEWAL_WITHOUT_ACTIVITY,
            ReasonCode.ONBOARDING_OVERDUE,
            ReasonCode.RENEWS_IN,
            ReasonCode.CUSTOMER_AT_RISK)) {
      assertThat(flagged(strict, code)).as(code.toString()).containsAll(flagged(loose, code));
    }
    assertThat(strict.signals().size()).isGreaterThanOrEqualTo(loose.signals().size());
  }

  private static RetentionInsight analyze(Base base, int idle, int onboarding, int lead) {
    return PipelineInsight.builder()
        .from(base.store().workspace(base.p().workspace()))
        .reportingCurrency("USD")
        .asOf(base.end())
        .customerIdle(Duration.ofDays(idle))
        .onboardingTarget(Duration.ofDays(onboarding))
        .renewalLeadTime(java.time.Period.ofDays(lead))
        .build()
        .analyze()
        .retention();
  }

  private static List<AccountId> flagged(RetentionInsight r, ReasonCode code) {
    return r.signals().stream()
        .filter(w -> w.reasons().stream().anyMatch(x -> x.code() == code))
        .map(CustomerWork::account)
        .toList();
  }

  /** A random customer base and the instant to analyse it at. */
  private record Base(
      InMemoryPipelineStore store, SalesPipeline p, List<AccountId> accounts, Instant end) {}

  private static Base base(long seed, int customers) {
    SplittableRandom r = new SplittableRandom(seed);
    InsightRetentionTest.Moving clock = new InsightRetentionTest.Moving();
    clock.now = Instant.parse("2026-01-05T09:00:00Z");
    InMemoryPipelineStore store = new InMemoryPipelineStore();
    SalesPipeline p =
        SalesPipeline.builder().store(store).clock(clock).rules(RuleSet.none()).build();
    List<AccountId> accounts = new ArrayList<>();
    for (int i = 0; i < customers; i++) {
      UserId owner = OWNERS.get(r.nextInt(OWNERS.size()));
      AccountId a = p.createAccount("C" + i).id();
      DealId d =
          p.openDeal(
                  OpenDeal.builder()
                      .name("C" + i)
                      .owner(owner)
                      .actor(owner)
                      .account(a)
                      .amount(Money.of(1_000 + r.nextInt(50_000), "USD"))
                      .expectedCloseDate(LocalDate.of(2026, 2, 1))
                      .build())
              .deal()
              .id();
      p.win(CloseDeal.builder().deal(d).actor(owner).build());
      accounts.add(a);
    }
    String[] reasons = {"budget", "acquired", "fewer seats"};
    for (int step = 0; step < customers * 3; step++) {
      clock.now = clock.now.plus(Duration.ofHours(1 + r.nextInt(96)));
      AccountId a = accounts.get(r.nextInt(accounts.size()));
      UserId actor = OWNERS.get(0);
      RetentionCommand c =
          switch (r.nextInt(6)) {
            case 0 -> new RetentionCommand.CompleteOnboarding(a, actor, Optional.empty());
            case 1 ->
                new RetentionCommand.SetRenewalTerms(
                    a,
                    actor,
                    Optional.empty(),
                    LocalDate.of(2026, 2, 1).plusDays(r.nextInt(300)),
                    12,
                    Optional.empty());
            case 2 ->
                new RetentionCommand.MarkAtRisk(a, actor, Optional.empty(), reasons[r.nextInt(3)]);
            case 3 ->
                new RetentionCommand.Churn(
                    a, actor, Optional.empty(), reasons[r.nextInt(3)], Optional.empty());
            case 4 -> new RetentionCommand.MarkRenewalDue(a, actor, Optional.empty());
            default ->
                new RetentionCommand.RecordHealthCheck(a, actor, Optional.empty(), 50, "check");
          };
      try {
        p.changeRetention(c);
      } catch (IllegalRetentionMoveException refused) {
        // a random move the rules refuse changes nothing
      }
    }
    Instant end = clock.now.plus(Duration.ofDays(r.nextInt(60)));
    return new Base(store, p, accounts, end);
  }
}
