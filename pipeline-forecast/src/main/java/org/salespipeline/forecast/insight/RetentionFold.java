package org.salespipeline.forecast.insight;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.salespipeline.core.AccountId;
import org.salespipeline.core.RetentionStatus;
import org.salespipeline.core.RevenueCause;
import org.salespipeline.core.UserId;
import org.salespipeline.core.event.Change;
import org.salespipeline.forecast.retention.ChurnReason;

/**
 * The retention section: folds the retention events up to the analysis instant into one row per
 * account (its latest status, recurring value, renewal date and activity, whatever order the deals'
 * histories arrive in), then scores the accounts that need attention and ranks churn reasons. Not
 * thread-safe; one per analysis.
 */
final class RetentionFold {
  private static final RetentionStatus[] STATUSES = RetentionStatus.values();

  private final InsightSettings settings;
  private final Map<AccountId, Integer> index = new HashMap<>();
  private final List<AccountId> ids = new ArrayList<>();
  private final List<UserId> owner = new ArrayList<>();
  private long[] ownerSec = new long[64];
  private int[] status = new int[64];
  private long[] statusSec = new long[64];
  private String[] reason = new String[64];
  private long[] value = new long[64];
  private long[] valueSec = new long[64];
  private long[] renewalDay = new long[64];
  private long[] renewalSec = new long[64];
  private long[] activitySec = new long[64];
  private final Map<String, long[]> churn = new HashMap<>();

  RetentionFold(InsightSettings settings) {
    this.settings = settings;
  }

  private int account(AccountId id, UserId dealOwner, long sec) {
    Integer known = index.get(id);
    int a;
    if (known == null) {
      a = ids.size();
      index.put(id, a);
      ids.add(id);
      owner.add(dealOwner);
      if (a == status.length) {
        int n = a * 2;
        ownerSec = Arrays.copyOf(ownerSec, n);
        status = Arrays.copyOf(status, n);
        statusSec = Arrays.copyOf(statusSec, n);
        reason = Arrays.copyOf(reason, n);
        value = Arrays.copyOf(value, n);
        valueSec = Arrays.copyOf(valueSec, n);
        renewalDay = Arrays.copyOf(renewalDay, n);
        renewalSec = Arrays.copyOf(renewalSec, n);
        activitySec = Arrays.copyOf(activitySec, n);
      }
      ownerSec[a] = sec;
      status[a] = -1;
      statusSec[a] = Long.MIN_VALUE;
      valueSec[a] = Long.MIN_VALUE;
      renewalDay[a] = Long.MIN_VALUE;
      renewalSec[a] = Long.MIN_VALUE;
      activitySec[a] = Long.MIN_VALUE;
    } else {
      a = known;
      // why: the owner is the one of the deal whose history holds the account's first fact
      if (sec < ownerSec[a]) {
        ownerSec[a] = sec;
        owner.set(a, dealOwner);
      }
    }
    activitySec[a] = Math.max(activitySec[a], sec);
    return a;
  }

  void status(Change.RetentionChanged c, UserId dealOwner, long sec) {
    int a = account(c.account(), dealOwner, sec);
    if (sec >= statusSec[a]) {
      statusSec[a] = sec;
      status[a] = c.to().ordinal();
      reason[a] = c.reason();
    }
  }

  void revenue(Change.RecurringRevenueChanged c, UserId dealOwner, long sec) {
    int a = account(c.account(), dealOwner, sec);
    if (sec >= valueSec[a]) {
      valueSec[a] = sec;
      value[a] = settings.minor(c.to());
    }
    if (c.cause() == RevenueCause.CHURN || c.cause() == RevenueCause.PARTIAL_CHURN) {
      long[] r = churn.computeIfAbsent(c.reason(), k -> new long[2]);
      r[0]++;
      r[1] += Math.max(0, settings.minor(c.from()) - settings.minor(c.to()));
    }
  }

  void terms(Change.RenewalTermsSet c, UserId dealOwner, long sec) {
    int a = account(c.account(), dealOwner, sec);
    if (sec >= renewalSec[a]) {
      renewalSec[a] = sec;
      renewalDay[a] = c.renewalDate().toEpochDay();
    }
  }

  void health(Change.HealthChecked c, UserId dealOwner, long sec) {
    account(c.account(), dealOwner, sec);
  }

  /** An activity logged on a won deal of the account: customer activity, if it is a customer. */
  void activity(AccountId account, long sec) {
    Integer a = index.get(account);
    if (a != null) {
      activitySec[a] = Math.max(activitySec[a], sec);
    } else {
      pending.merge(account, sec, Math::max);
    }
  }

  // activities seen before the account's first retention fact (histories arrive by deal)
  private final Map<AccountId, Long> pending = new HashMap<>();

  RetentionInsight insight() {
    pending.forEach(
        (id, sec) -> {
          Integer a = index.get(id);
          if (a != null) {
            activitySec[a] = Math.max(activitySec[a], sec);
          }
        });
    long now = settings.nowSec;
    int today = settings.today;
    long customers = 0;
    long recurring = 0;
    long atRisk = 0;
    long atRiskValue = 0;
    Map<UserId, Long> maxByOwner = new HashMap<>();
    for (int a = 0; a < ids.size(); a++) {
      if (status[a] < 0 || status[a] == RetentionStatus.CHURNED.ordinal()) {
        continue;
      }
      customers++;
      recurring += value[a];
      if (status[a] == RetentionStatus.AT_RISK.ordinal()) {
        atRisk++;
        atRiskValue += value[a];
      }
      maxByOwner.merge(owner.get(a), value[a], Math::max);
    }
    List<CustomerWork> work = new ArrayList<>();
    long idle = settings.customerIdleSec;
    long onboarding = settings.onboardingTargetSec;
    long lead = settings.renewalLeadDays;
    for (int a = 0; a < ids.size(); a++) {
      if (status[a] < 0 || status[a] == RetentionStatus.CHURNED.ordinal()) {
        continue;
      }
      RetentionStatus s = STATUSES[status[a]];
      List<Reason> reasons = new ArrayList<>();
      double urgency = 0;
      if (s == RetentionStatus.AT_RISK) {
        urgency += 0.4;
        String why = reason[a] == null || reason[a].isBlank() ? "no reason given" : reason[a];
        reasons.add(
            Reason.of(
                ReasonCode.CUSTOMER_AT_RISK,
                "atRiskFor",
                Duration.ofSeconds(now - statusSec[a]),
                "reason",
                why));
      }
      if ((s == RetentionStatus.RENEWAL_DUE || s == RetentionStatus.AT_RISK)
          && now - activitySec[a] > idle) {
        urgency += 0.3;
        reasons.add(
            Reason.of(
                ReasonCode.RENEWAL_WITHOUT_ACTIVITY,
                "idleFor",
                Duration.ofSeconds(now - activitySec[a]),
                "threshold",
                settings.customerIdle));
      }
      if (s == RetentionStatus.ONBOARDING && now - statusSec[a] > onboarding) {
        urgency += 0.3;
        reasons.add(
            Reason.of(
                ReasonCode.ONBOARDING_OVERDUE,
                "onboardingFor",
                Duration.ofSeconds(now - statusSec[a]),
                "threshold",
                settings.onboardingTarget));
      }
      boolean renewedSinceTerms = s == RetentionStatus.RENEWED && statusSec[a] >= renewalSec[a];
      if (renewalDay[a] != Long.MIN_VALUE && !renewedSinceTerms) {
        long until = renewalDay[a] - today;
        if (until < 0) {
          urgency += 0.3;
          reasons.add(Reason.of(ReasonCode.RENEWAL_DATE_PASSED, "days", -until));
        } else if (until <= lead) {
          urgency += until <= 30 ? 0.2 : 0.1;
          reasons.add(Reason.of(ReasonCode.RENEWS_IN, "days", until));
        }
      }
      if (reasons.isEmpty()) {
        continue;
      }
      long max = maxByOwner.getOrDefault(owner.get(a), 0L);
      double share = max > 0 ? (double) value[a] / max : 0;
      double score = 100 * (0.4 * share + 0.6 * Math.min(1, urgency));
      reasons.add(
          Reason.of(
              ReasonCode.RECURRING_VALUE,
              "recurringValue",
              Reason.money(value[a], settings.currency)));
      work.add(
          new CustomerWork(
              ids.get(a),
              owner.get(a),
              s,
              value[a],
              renewalDay[a] == Long.MIN_VALUE
                  ? Optional.empty()
                  : Optional.of(LocalDate.ofEpochDay(renewalDay[a])),
              score,
              List.copyOf(reasons)));
    }
    work.sort(
        Comparator.comparingDouble(CustomerWork::score)
            .reversed()
            .thenComparing(w -> w.account().toString()));
    Map<UserId, List<CustomerWork>> lists = new LinkedHashMap<>();
    for (CustomerWork w : work) {
      List<CustomerWork> list = lists.computeIfAbsent(w.owner(), k -> new ArrayList<>());
      if (list.size() < settings.workListSize) {
        list.add(w);
      }
    }
    Map<UserId, List<CustomerWork>> frozen = new LinkedHashMap<>();
    lists.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
    List<ChurnReason> reasons = new ArrayList<>();
    churn.forEach((r, n) -> reasons.add(new ChurnReason(r, n[0], n[1])));
    reasons.sort(
        Comparator.comparingLong(ChurnReason::times)
            .reversed()
            .thenComparing(Comparator.comparingLong(ChurnReason::lostMinor).reversed())
            .thenComparing(ChurnReason::reason));
    return new RetentionInsight(
        customers,
        recurring,
        atRisk,
        atRiskValue,
        work.size() > settings.listLimit ? work.subList(0, settings.listLimit) : work,
        Collections.unmodifiableMap(frozen),
        reasons);
  }
}
