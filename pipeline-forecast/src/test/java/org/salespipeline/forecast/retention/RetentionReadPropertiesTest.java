package org.salespipeline.forecast.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.salespipeline.core.AccountId;
import org.salespipeline.core.DealId;
import org.salespipeline.core.Money;
import org.salespipeline.core.RetentionStatus;
import org.salespipeline.core.RevenueCause;
import org.salespipeline.core.UserId;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.forecast.retention.RetentionMetricsPropertiesTest.Step;

/**
 * Issue 17, the read's invariants: the report does not depend on how the accounts' events are
 * spread over deals and interleaved in the stream (as long as each account's own events keep their
 * order), the onboarding median and mean equal a naive sort, and the two primitive helpers (the
 * dense account index and the selection) agree with their obvious definitions.
 */
class RetentionReadPropertiesTest {
  private static final UserId CS = UserId.of("cs");

  @Provide
  Arbitrary<List<Step>> account() {
    return new RetentionMetricsPropertiesTest().account();
  }

  /** Each account's events in order: onboarding start and done, then its revenue steps. */
  private static List<List<DealEvent>> perAccount(List<List<Step>> accounts, int onboardDays) {
    List<List<DealEvent>> out = new ArrayList<>();
    for (int a = 0; a < accounts.size(); a++) {
      AccountId account = new AccountId(new UUID(0x0190L, a));
      DealId deal = new DealId(new UUID(0x0191L, a));
      List<DealEvent> events = new ArrayList<>();
      List<Step> steps = accounts.get(a);
      Instant first = at(steps.get(0).day());
      events.add(
          event(
              deal,
              first,
              new Change.RetentionChanged(
                  account, Optional.empty(), RetentionStatus.ONBOARDING, "won")));
      if ((a + onboardDays) % 4 != 0) {
        events.add(
            event(
                deal,
                first.plusSeconds(86_400L * ((a * 7L + onboardDays) % 40) + a),
                new Change.RetentionChanged(
                    account,
                    Optional.of(RetentionStatus.ONBOARDING),
                    RetentionStatus.ACTIVE,
                    "onboarded")));
      }
      long previous = 0;
      for (Step s : steps) {
        RevenueCause cause =
            previous == 0
                ? RevenueCause.NEW_BUSINESS
                : s.to() == 0 ? RevenueCause.CHURN : RevenueCause.EXPANSION;
        events.add(
            event(
                deal,
                at(s.day()),
                new Change.RecurringRevenueChanged(
                    account,
                    Money.ofMinor(previous, RetentionMetricsPropertiesTest.USD),
                    Money.ofMinor(s.to(), RetentionMetricsPropertiesTest.USD),
                    cause,
                    "r" + (s.day() % 3))));
        previous = s.to();
      }
      out.add(events);
    }
    return out;
  }

  private static Instant at(int day) {
    return RetentionMetricsPropertiesTest.ORIGIN
        .plusDays(day)
        .atStartOfDay(ZoneOffset.UTC)
        .toInstant()
        .plusSeconds(3600);
  }

  private static DealEvent event(DealId deal, Instant at, Change change) {
    return new DealEvent(deal, 1, 1, at, CS, Optional.empty(), change);
  }

  /** Every figure of a report, to compare two reports whole. */
  private static List<Object> figures(RetentionReport r) {
    List<Object> out = new ArrayList<>();
    out.add(r.accounts());
    out.add(r.onboarded());
    out.add(r.meanDaysToOnboard());
    out.add(r.medianDaysToOnboard());
    for (RetentionPeriod p : r.periods()) {
      out.add(p.waterfall());
      out.add(List.of(p.startingLogos(), p.retainedLogos(), p.newLogos(), p.onboarded()));
      out.add(p.meanDaysToOnboard());
    }
    for (RetentionCohort c : r.cohorts()) {
      out.add(c.accounts());
      for (int p = 0; p < c.periods(); p++) {
        out.add(List.of(c.logos(p), c.revenueMinor(p)));
      }
    }
    for (ChurnReason c : r.churnReasons()) {
      out.add(List.of(c.reason(), c.times(), c.lostMinor()));
    }
    return out;
  }

  @Property(tries = 300)
  void theReportDoesNotDependOnHowAccountsAreSpreadOverDealsAndInterleaved(
      @ForAll @Size(min = 1, max = 25) List<@From("account") List<Step>> accounts,
      @ForAll @IntRange(min = 0, max = 50) int onboardDays,
      @ForAll long seed) {
    List<List<DealEvent>> byAccount = perAccount(accounts, onboardDays);
    List<DealEvent> grouped = byAccount.stream().flatMap(List::stream).toList();

    // each account's events cut into two deals at random and the accounts' events interleaved at
    // random, each account's own events kept in their order
    Random random = new Random(seed);
    List<List<DealEvent>> queues = new ArrayList<>();
    for (int a = 0; a < byAccount.size(); a++) {
      List<DealEvent> events = byAccount.get(a);
      int cut = random.nextInt(events.size() + 1);
      DealId second = new DealId(new UUID(0x0192L, a));
      List<DealEvent> queue = new ArrayList<>();
      for (int i = 0; i < events.size(); i++) {
        DealEvent e = events.get(i);
        queue.add(
            i < cut
                ? e
                : new DealEvent(
                    second, i + 1, 1, e.at(), e.actor(), e.idempotencyKey(), e.change()));
      }
      queues.add(queue);
    }
    List<DealEvent> interleaved = new ArrayList<>();
    int[] next = new int[queues.size()];
    while (interleaved.size() < grouped.size()) {
      int a = random.nextInt(queues.size());
      if (next[a] < queues.get(a).size()) {
        interleaved.add(queues.get(a).get(next[a]++));
      }
    }

    RetentionMetrics metrics =
        RetentionMetrics.of(
            RetentionMetricsPropertiesTest.QUARTERS, RetentionMetricsPropertiesTest.USD);
    assertThat(figures(metrics.read(interleaved.stream())))
        .isEqualTo(figures(metrics.read(grouped.stream())));
  }

  @Property(tries = 200)
  void theOnboardingMedianAndMeanAreThoseOfTheSortedDurations(
      @ForAll @Size(min = 1, max = 40) List<@From("account") List<Step>> accounts,
      @ForAll @IntRange(min = 0, max = 50) int onboardDays) {
    List<List<DealEvent>> byAccount = perAccount(accounts, onboardDays);
    List<Double> days = new ArrayList<>();
    for (List<DealEvent> events : byAccount) {
      if (events.size() > 1 && events.get(1).change() instanceof Change.RetentionChanged done) {
        assertThat(done.to()).isEqualTo(RetentionStatus.ACTIVE);
        days.add(
            (events.get(1).at().getEpochSecond() - events.get(0).at().getEpochSecond()) / 86_400.0);
      }
    }
    RetentionReport report =
        RetentionMetrics.of(
                RetentionMetricsPropertiesTest.QUARTERS, RetentionMetricsPropertiesTest.USD)
            .read(byAccount.stream().flatMap(List::stream));

    assertThat(report.onboarded()).isEqualTo(days.size());
    if (days.isEmpty()) {
      assertThat(report.medianDaysToOnboard()).isNaN();
      assertThat(report.meanDaysToOnboard()).isNaN();
      return;
    }
    double[] sorted = days.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = sorted.length;
    double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    assertThat(report.medianDaysToOnboard()).isEqualTo(median);
    double mean = Arrays.stream(sorted).sum() / n;
    assertThat(report.meanDaysToOnboard()).isCloseTo(mean, within(1e-9 * Math.max(1, mean)));
  }

  @Property(tries = 500)
  void selectionGivesTheValueASortWouldPutAtK(
      @ForAll @Size(min = 1, max = 300) List<@IntRange(min = -20, max = 20) Integer> input,
      @ForAll @IntRange(min = 0, max = 299) int k0) {
    long[] values = input.stream().mapToLong(Integer::longValue).toArray();
    int n = values.length;
    int k = k0 % n;
    long[] sorted = values.clone();
    Arrays.sort(sorted);

    long kth = Selection.select(values, n, k);

    assertThat(kth).isEqualTo(sorted[k]);
    long[] after = values.clone();
    Arrays.sort(after);
    assertThat(after).as("a permutation of the input").isEqualTo(sorted);
    for (int i = 0; i < n; i++) {
      if (i < k) {
        assertThat(values[i]).isLessThanOrEqualTo(kth);
      } else if (i > k) {
        assertThat(values[i]).isGreaterThanOrEqualTo(kth);
      }
    }
  }

  @Property(tries = 300)
  void theDenseIndexNumbersIdsInOrderOfFirstSight(
      @ForAll @Size(max = 400) List<@IntRange(min = 0, max = 60) Integer> ids) {
    int n = ids.size();
    long[] high = new long[n + 3];
    long[] low = new long[n + 3];
    for (int i = 0; i < n; i++) {
      // why: few distinct values in both halves, so equal halves of different ids are common
      high[i] = ids.get(i) % 7;
      low[i] = ids.get(i) / 7;
    }
    int[] out = new int[n];

    int distinct = AccountIndex.dense(high, low, n, out);

    Map<Integer, Integer> reference = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      Integer expected = reference.computeIfAbsent(ids.get(i), id -> reference.size());
      assertThat(out[i]).isEqualTo(expected);
    }
    assertThat(distinct).isEqualTo(reference.size());
  }

  @Property(tries = 50)
  void selectionSurvivesManyEqualValues(
      @ForAll @IntRange(min = 1, max = 5000) int n, @ForAll @IntRange(min = 1, max = 3) int kinds) {
    long[] values = new long[n];
    for (int i = 0; i < n; i++) {
      values[i] = (i * 31L) % kinds;
    }
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    assertThat(Selection.select(values, n, n / 2)).isEqualTo(sorted[n / 2]);
  }

  @Property(tries = 20)
  void selectionRefusesAnIndexOutsideTheValues(@ForAll @IntRange(min = 1, max = 10) int n) {
    long[] values = new long[n];
    assertThatThrownBy(() -> Selection.select(values, n, n))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Selection.select(values, n, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
