package org.salespipeline.core.qualification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.salespipeline.core.Money;

/** Generators shared by the BANT and CHAMP properties. */
final class QualificationArbitraries {
  static final LocalDate TODAY = LocalDate.of(2025, 3, 15);

  private QualificationArbitraries() {}

  /** Four weights in [0, 100] adding up to more than 0. */
  static Arbitrary<List<Integer>> weights() {
    return Arbitraries.integers()
        .between(0, 100)
        .list()
        .ofSize(4)
        .filter(w -> w.stream().mapToInt(Integer::intValue).sum() > 0);
  }

  /** {qualifiedScore, nurtureScore, minimumCriteriaMet} with nurture at most qualified. */
  static Arbitrary<int[]> thresholds() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 100),
            Arbitraries.integers().between(0, 100),
            Arbitraries.integers().between(0, 4))
        .as((a, b, min) -> new int[] {Math.max(a, b), Math.min(a, b), min});
  }

  static Arbitrary<Map<AuthorityRole, Double>> authorityCredit() {
    return Arbitraries.of(0.0, 0.25, 0.5, 0.75, 1.0)
        .list()
        .ofSize(AuthorityRole.values().length)
        .map(
            shares -> {
              Map<AuthorityRole, Double> credit = new EnumMap<>(AuthorityRole.class);
              for (AuthorityRole role : AuthorityRole.values()) {
                credit.put(role, shares.get(role.ordinal()));
              }
              return credit;
            });
  }

  /** Mostly USD, sometimes EUR, so that currency mismatches are exercised. */
  static Arbitrary<Money> money() {
    return Combinators.combine(
            Arbitraries.longs().between(0, 200_000), Arbitraries.of("USD", "USD", "USD", "EUR"))
        .as(Money::of);
  }

  static Arbitrary<Optional<Money>> minimum() {
    return Combinators.combine(Arbitraries.longs().between(0, 100_000), Arbitraries.of("USD"))
        .as(Money::of)
        .optional(0.7);
  }

  static Arbitrary<Budget> budgets() {
    return Combinators.combine(money().optional(0.8), Arbitraries.of(true, false))
        .as((amount, confirmed) -> Budget.builder().amount(amount).confirmed(confirmed).build());
  }

  static Arbitrary<Need> needs() {
    return Combinators.combine(
            Arbitraries.of(NeedSeverity.class),
            Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20).list().ofMaxSize(5))
        .as((severity, pains) -> Need.builder().severity(severity).painPoints(pains).build());
  }

  static Arbitrary<Timeline> timelines() {
    Arbitrary<Timeline> dates =
        Arbitraries.integers().between(-60, 400).map(d -> Timeline.by(TODAY.plusDays(d)));
    Arbitrary<Timeline> horizons =
        Arbitraries.integers().between(0, 400).map(d -> Timeline.within(Period.ofDays(d)));
    return Arbitraries.oneOf(Arbitraries.just(Timeline.unknown()), dates, horizons);
  }

  /** A budget at least as good: confirmed, a larger amount, or an amount where none was named. */
  static Budget improve(Budget budget, long extra, int how) {
    Budget.Builder better = Budget.builder().from(budget);
    switch (how) {
      case 0:
        better.confirmed(true);
        break;
      case 1:
        budget
            .amount()
            .ifPresent(
                a ->
                    better.amount(
                        Money.of(
                            a.amount().add(BigDecimal.valueOf(extra)),
                            a.currency().getCurrencyCode())));
        break;
      default:
        if (budget.amount().isEmpty()) {
          better.amount(Money.of(extra, "USD"));
        }
    }
    return better.build();
  }

  /** The role with the higher credit under the policy, keeping the current one on a tie. */
  static AuthorityRole improve(
      AuthorityRole current, AuthorityRole candidate, Map<AuthorityRole, Double> credit) {
    return credit.getOrDefault(candidate, 0.0) >= credit.getOrDefault(current, 0.0)
        ? candidate
        : current;
  }

  static Need improve(Need need, NeedSeverity candidate) {
    return candidate.isAtLeast(need.severity())
        ? Need.builder().from(need).severity(candidate).build()
        : need;
  }

  /**
   * A timeline at least as good: a purchase date between today and the current expected date when
   * that one is within the horizon; any date from today otherwise (an unknown, past or too distant
   * timeline scores nothing, so no known date can score less).
   */
  static Timeline improve(Timeline timeline, Period maximumHorizon, int daysFromToday) {
    LocalDate latest = TODAY.plus(maximumHorizon);
    LocalDate candidate = TODAY.plusDays(daysFromToday);
    Optional<LocalDate> expected = timeline.expectedPurchaseDate(TODAY);
    if (expected.isPresent()
        && !expected.get().isBefore(TODAY)
        && !expected.get().isAfter(latest)) {
      return candidate.isAfter(expected.get())
          ? Timeline.by(expected.get())
          : Timeline.by(candidate);
    }
    return Timeline.by(candidate);
  }

  static Priority improve(Priority priority, Priority candidate) {
    return candidate.compareTo(priority) >= 0 ? candidate : priority;
  }
}
