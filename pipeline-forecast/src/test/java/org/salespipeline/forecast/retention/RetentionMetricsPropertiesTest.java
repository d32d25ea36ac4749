package org.salespipeline.forecast.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.salespipeline.core.AccountId;
import org.salespipeline.core.DealId;
import org.salespipeline.core.Money;
import org.salespipeline.core.RevenueCause;
import org.salespipeline.core.UserId;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.forecast.ForecastPeriod;

/**
 * Issue 17, the invariants of the retention metrics over random revenue histories: the waterfall
 * balances exactly, NRR is GRR plus the expansion share, a cohort never counts an account before
 * its first win, and the starting and ending revenue equal a naive per-account replay.
 */
class RetentionMetricsPropertiesTest {
  static final Currency USD = Currency.getInstance("USD");
  static final LocalDate ORIGIN = LocalDate.of(2025, 12, 1);
  static final List<ForecastPeriod> QUARTERS =
      List.of(
          ForecastPeriod.quarter(2026, 1),
          ForecastPeriod.quarter(2026, 2),
          ForecastPeriod.quarter(2026, 3),
          ForecastPeriod.quarter(2026, 4));

  /** One revenue change: days after the origin and the recurring value after it (minor units). */
  record Step(int day, long to) {}

  @Provide
  Arbitrary<List<Step>> account() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 420),
            Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, Arbitraries.just(0L)),
                net.jqwik.api.Tuple.of(8, Arbitraries.longs().between(1, 5_000_000))))
        .as(Step::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(8)
        .map(steps -> steps.stream().sorted(java.util.Comparator.comparingInt(Step::day)).toList());
  }

  /** The events of the accounts, each on a deal of its own, in sequence order. */
  static List<DealEvent> history(List<List<Step>> accounts, List<AccountId> ids) {
    List<DealEvent> events = new ArrayList<>();
    for (int a = 0; a < accounts.size(); a++) {
      AccountId account = new AccountId(new UUID(0x0190L, a));
      ids.add(account);
      DealId deal = new DealId(new UUID(0x0191L, a));
      long previous = 0;
      long seq = 1;
      for (Step s : accounts.get(a)) {
        Instant at =
            ORIGIN.plusDays(s.day()).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(3600);
        RevenueCause cause =
            previous == 0
                ? RevenueCause.NEW_BUSINESS
                : s.to() == 0 ? RevenueCause.CHURN : RevenueCause.EXPANSION;
        events.add(
            new DealEvent(
                deal,
                seq,
                seq,
                at,
                UserId.of("cs"),
                Optional.empty(),
                new Change.RecurringRevenueChanged(
                    account,
                    Money.ofMinor(previous, USD),
                    Money.ofMinor(s.to(), USD),
                    cause,
                    "r" + (s.day() % 3))));
        seq++;
        previous = s.to();
      }
    }
    return events;
  }

  /** The value of an account before an instant, replayed naively. */
  static long valueBefore(List<Step> steps, LocalDate day) {
    long v = 0;
    for (Step s : steps) {
      if (ORIGIN.plusDays(s.day()).isBefore(day)) {
        v = s.to();
      }
    }
    return v;
  }

  /** The first day the account went from nothing to something, or null. */
  static LocalDate firstWin(List<Step> steps) {
    long previous = 0;
    for (Step s : steps) {
      if (previous == 0 && s.to() > 0) {
        return ORIGIN.plusDays(s.day());
      }
      previous = s.to();
    }
    return null;
  }

  @Property(tries = 300)
  void theWaterfallBalancesAndNrrIsGrrPlusExpansionShare(
      @ForAll @Size(min = 1, max = 25) List<@From("account") List<Step>> accounts) {
    List<AccountId> ids = new ArrayList<>();
    RetentionReport report =
        RetentionMetrics.of(QUARTERS, USD).read(history(accounts, ids).stream());

    for (int p = 0; p < QUARTERS.size(); p++) {
      RetentionPeriod period = report.periods().get(p);
      RetentionWaterfall w = period.waterfall();
      assertThat(w.balances()).as(w.toString()).isTrue();
      assertThat(
              w.start()
                  .plus(w.newRevenue())
                  .plus(w.expansion())
                  .minus(w.contraction())
                  .minus(w.churn()))
          .isEqualTo(w.end());
      assertThat(period.netRetainedMinor())
          .isEqualTo(period.grossRetainedMinor() + w.expansionMinor());
      if (w.startMinor() > 0) {
        // the exact relation holds on minor units (above); in doubles, to rounding
        double nrr = period.netRevenueRetention();
        assertThat(nrr)
            .isCloseTo(
                period.grossRevenueRetention() + period.expansionShare(),
                within(1e-12 * Math.max(1, Math.abs(nrr))));
        assertThat(period.grossRevenueRetention()).isBetween(0.0, 1.0);
        assertThat(period.logoRetention() + period.churnRate()).isCloseTo(1.0, within(1e-12));
      }
      long naiveStart = 0;
      long naiveEnd = 0;
      for (List<Step> steps : accounts) {
        naiveStart += valueBefore(steps, QUARTERS.get(p).start());
        naiveEnd += valueBefore(steps, QUARTERS.get(p).end());
      }
      assertThat(w.startMinor()).isEqualTo(naiveStart);
      assertThat(w.endMinor()).isEqualTo(naiveEnd);
    }
  }

  @Property(tries = 300)
  void aCohortNeverCountsAnAccountBeforeItsFirstWin(
      @ForAll @Size(min = 1, max = 25) List<@From("account") List<Step>> accounts) {
    List<AccountId> ids = new ArrayList<>();
    RetentionReport report =
        RetentionMetrics.of(QUARTERS, USD).read(history(accounts, ids).stream());

    for (RetentionCohort cohort : report.cohorts()) {
      int c = cohort.index();
      long members = 0;
      for (List<Step> steps : accounts) {
        LocalDate win = firstWin(steps);
        if (win != null && cohort.period().contains(win)) {
          members++;
        }
      }
      assertThat(cohort.accounts()).isEqualTo(members);
      for (int p = 0; p < QUARTERS.size(); p++) {
        if (p < c) {
          assertThat(cohort.logos(p)).isZero();
          assertThat(cohort.revenueMinor(p)).isZero();
          assertThat(cohort.logoRetention(p)).isNaN();
        } else {
          long counted = 0;
          for (List<Step> steps : accounts) {
            LocalDate win = firstWin(steps);
            if (win != null
                && cohort.period().contains(win)
                && valueBefore(steps, QUARTERS.get(p).end()) > 0) {
              counted++;
            }
          }
          assertThat(cohort.logos(p)).isEqualTo(counted).isLessThanOrEqualTo(cohort.accounts());
        }
      }
    }
  }
}
