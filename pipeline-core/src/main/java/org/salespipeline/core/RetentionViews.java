package org.salespipeline.core;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.store.DealQuery;
import org.salespipeline.core.store.RetentionQuery;

/** Reads of the Post-Sale/Retention stage: the retention board, expansion pipeline, history. */
final class RetentionViews {
  private final EngineContext context;

  RetentionViews(EngineContext context) {
    this.context = context;
  }

  RetentionBoard board(Currency currency) {
    CommandChecks.requireNonNull("currency", currency);
    LocalDate today = context.today(context.now());
    Map<RetentionStatus, long[]> counts = new EnumMap<>(RetentionStatus.class);
    Map<RetentionStatus, Money> values = new EnumMap<>(RetentionStatus.class);
    for (RetentionStatus s : RetentionStatus.values()) {
      counts.put(s, new long[1]);
      values.put(s, Money.zero(currency));
    }
    try (Stream<CustomerRetention> all = context.ws().streamRetention(RetentionQuery.all())) {
      all.forEach(
          r -> {
            counts.get(r.status())[0]++;
            r.recurringValue()
                .ifPresent(
                    v ->
                        values.merge(
                            r.status(),
                            context.converter().convert(v, currency, today),
                            Money::plus));
          });
    }
    List<RetentionBoard.Column> columns = new ArrayList<>();
    for (RetentionStatus s : RetentionStatus.values()) {
      columns.add(new RetentionBoard.Column(s, counts.get(s)[0], values.get(s)));
    }
    return new RetentionBoard(currency, columns);
  }

  ExpansionPipeline expansionPipeline(Currency currency) {
    CommandChecks.requireNonNull("currency", currency);
    LocalDate today = context.today(context.now());
    Map<AccountId, Money> byAccount = new HashMap<>();
    Map<AccountId, Integer> accountDeals = new HashMap<>();
    Map<UserId, Money> byOwner = new HashMap<>();
    Map<UserId, Integer> ownerDeals = new HashMap<>();
    try (Stream<Deal> open =
        context.ws().streamDeals(DealQuery.builder().addStatuses(DealStatus.OPEN).build())) {
      open.filter(d -> d.kind() == DealKind.UPSELL || d.kind() == DealKind.CROSS_SELL)
          .forEach(
              d -> {
                Money amount = context.converter().convert(d.amount(), currency, today);
                d.account()
                    .ifPresent(
                        a -> {
                          byAccount.merge(a, amount, Money::plus);
                          accountDeals.merge(a, 1, Integer::sum);
                        });
                byOwner.merge(d.owner(), amount, Money::plus);
                ownerDeals.merge(d.owner(), 1, Integer::sum);
              });
    }
    return new ExpansionPipeline(
        currency, lines(byAccount, accountDeals), lines(byOwner, ownerDeals));
  }

  private static <K extends Comparable<K>> List<ExpansionPipeline.Line<K>> lines(
      Map<K, Money> amounts, Map<K, Integer> deals) {
    return amounts.entrySet().stream()
        .map(e -> new ExpansionPipeline.Line<>(e.getKey(), deals.get(e.getKey()), e.getValue()))
        .sorted(
            Comparator.comparing((ExpansionPipeline.Line<K> l) -> l.amount())
                .reversed()
                .thenComparing(ExpansionPipeline.Line::key))
        .toList();
  }

  /**
   * Customer-success work: renewals due or accounts at risk without activity for {@code idle},
   * onboardings past the policy's target, follow-ups past due; most urgent kind first, longest
   * waiting first within a kind.
   */
  List<RetentionSignal> signals(Duration idle) {
    CommandChecks.requireNonNull("idle", idle);
    if (idle.isNegative()) {
      throw new ValidationException(FieldProblem.of("idle", idle, "must not be negative"));
    }
    Instant now = context.now();
    List<RetentionSignal> out = new ArrayList<>();
    RetentionQuery quiet =
        RetentionQuery.builder()
            .addStatuses(RetentionStatus.RENEWAL_DUE, RetentionStatus.AT_RISK)
            .noActivitySince(now.minus(idle))
            .build();
    Instant onboardingStarted = now.minus(context.retentionPolicy().onboardingTarget());
    try (Stream<CustomerRetention> all = context.ws().streamRetention(quiet)) {
      all.forEach(
          r ->
              out.add(
                  new RetentionSignal(
                      RetentionSignal.Kind.RENEWAL_WITHOUT_ACTIVITY,
                      r,
                      Duration.between(r.lastActivityAt(), now))));
    }
    RetentionQuery onboarding =
        RetentionQuery.builder().addStatuses(RetentionStatus.ONBOARDING).build();
    try (Stream<CustomerRetention> all = context.ws().streamRetention(onboarding)) {
      all.filter(r -> r.since().isBefore(onboardingStarted))
          .forEach(
              r ->
                  out.add(
                      new RetentionSignal(
                          RetentionSignal.Kind.ONBOARDING_OVERDUE,
                          r,
                          Duration.between(r.since(), now))));
    }
    RetentionQuery due = RetentionQuery.builder().followUpDueBy(now).build();
    try (Stream<CustomerRetention> all = context.ws().streamRetention(due)) {
      all.filter(r -> r.status() != RetentionStatus.CHURNED)
          .forEach(
              r ->
                  out.add(
                      new RetentionSignal(
                          RetentionSignal.Kind.FOLLOW_UP_OVERDUE,
                          r,
                          Duration.between(r.nextFollowUp().orElseThrow(), now))));
    }
    out.sort(
        Comparator.comparing(RetentionSignal::kind)
            .thenComparing(RetentionSignal::waiting, Comparator.reverseOrder())
            .thenComparing(s -> s.retention().account()));
    return out;
  }

  /**
   * The retention events of an account: the retention changes (status, recurring revenue, health
   * checks, renewal terms) in the histories of its won deals, in time order.
   */
  List<DealEvent> history(AccountId account) {
    CommandChecks.requireNonNull("account", account);
    List<DealEvent> out = new ArrayList<>();
    List<DealId> won;
    try (Stream<Deal> deals =
        context.ws().streamDeals(DealQuery.builder().account(account).build())) {
      won = deals.map(Deal::id).toList();
    }
    for (DealId deal : won) {
      for (DealEvent e : context.ws().history(deal)) {
        if (isRetention(e)) {
          out.add(e);
        }
      }
    }
    out.sort(Comparator.comparing(DealEvent::at).thenComparing(DealEvent::sequence));
    return out;
  }

  static boolean isRetention(DealEvent e) {
    String type = e.type();
    return type.equals(org.salespipeline.core.event.Change.RetentionChanged.TYPE)
        || type.equals(org.salespipeline.core.event.Change.RecurringRevenueChanged.TYPE)
        || type.equals(org.salespipeline.core.event.Change.HealthChecked.TYPE)
        || type.equals(org.salespipeline.core.event.Change.RenewalTermsSet.TYPE);
  }
}
