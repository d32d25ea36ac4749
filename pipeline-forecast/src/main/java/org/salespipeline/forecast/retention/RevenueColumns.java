package org.salespipeline.forecast.retention;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.salespipeline.core.AccountId;
import org.salespipeline.core.CurrencyConverter;
import org.salespipeline.core.Money;
import org.salespipeline.core.RetentionStatus;
import org.salespipeline.core.RevenueCause;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;

/**
 * The one pass over the history: each retention change becomes a row of primitive columns (revenue
 * changes: account, second, amount after; onboarding: per-account start and completion seconds);
 * every other kind is skipped through its visitor method. Not thread-safe; one per read.
 */
final class RevenueColumns implements Consumer<DealEvent>, Change.Visitor<Void> {
  private final Currency currency;
  private final CurrencyConverter converter;
  private final LocalDate rateDate;
  private final AccountIndex index = new AccountIndex();

  // revenue changes, one row each, in stream order
  int rows;
  int[] account = new int[1024];
  long[] second = new long[1024];
  long[] toMinor = new long[1024];

  // per account
  int accounts;
  long[] firstWin = new long[1024];
  long[] onboardStart = new long[1024];
  long[] onboardDone = new long[1024];

  final Map<String, long[]> churnReasons = new HashMap<>();

  private long eventSec;
  private AccountId lastId;
  private int lastIndex;

  RevenueColumns(Currency currency, CurrencyConverter converter, LocalDate rateDate) {
    this.currency = currency;
    this.converter = converter;
    this.rateDate = rateDate;
  }

  @Override
  public void accept(DealEvent e) {
    Change change = e.change();
    // why: most events are not about retention; a type test against the two final record classes
    // is one class compare, so the visitor's dispatch runs only for the kinds read here
    if (change instanceof Change.RecurringRevenueChanged
        || change instanceof Change.RetentionChanged) {
      eventSec = e.at().getEpochSecond();
      change.accept(this);
    }
  }

  private int account(AccountId id) {
    // why: an account's retention events mostly sit together in one deal's history, so the last
    // account answers most look-ups without hashing
    if (id == lastId || id.equals(lastId)) {
      return lastIndex;
    }
    lastId = id;
    lastIndex = lookUp(id);
    return lastIndex;
  }

  private int lookUp(AccountId id) {
    int a = index.indexOf(id);
    if (a < accounts) {
      return a;
    }
    accounts = a + 1;
    if (a == firstWin.length) {
      int n = a + (a >> 1);
      firstWin = Arrays.copyOf(firstWin, n);
      onboardStart = Arrays.copyOf(onboardStart, n);
      onboardDone = Arrays.copyOf(onboardDone, n);
    }
    firstWin[a] = Long.MAX_VALUE;
    onboardStart[a] = Long.MAX_VALUE;
    onboardDone[a] = Long.MAX_VALUE;
    return a;
  }

  private long minor(Money m) {
    return m.currency().equals(currency)
        ? m.toMinorUnits()
        : converter.convert(m, currency, rateDate).toMinorUnits();
  }

  @Override
  public Void visit(Change.RecurringRevenueChanged c) {
    int a = account(c.account());
    long to = minor(c.to());
    if (rows == account.length) {
      int n = rows + (rows >> 1);
      account = Arrays.copyOf(account, n);
      second = Arrays.copyOf(second, n);
      toMinor = Arrays.copyOf(toMinor, n);
    }
    account[rows] = a;
    second[rows] = eventSec;
    toMinor[rows] = to;
    rows++;
    if (c.from().amount().signum() == 0 && to > 0 && eventSec < firstWin[a]) {
      firstWin[a] = eventSec;
    }
    if (c.cause() == RevenueCause.CHURN || c.cause() == RevenueCause.PARTIAL_CHURN) {
      long[] cell = churnReasons.computeIfAbsent(c.reason(), k -> new long[2]);
      cell[0]++;
      cell[1] += minor(c.from()) - to;
    }
    return null;
  }

  @Override
  public Void visit(Change.RetentionChanged c) {
    if (c.to() == RetentionStatus.ONBOARDING) {
      int a = account(c.account());
      if (eventSec < onboardStart[a]) {
        onboardStart[a] = eventSec;
      }
    } else if (c.to() == RetentionStatus.ACTIVE
        && c.from().isPresent()
        && c.from().get() == RetentionStatus.ONBOARDING) {
      int a = account(c.account());
      if (eventSec < onboardDone[a]) {
        onboardDone[a] = eventSec;
      }
    }
    return null;
  }

  @Override
  public Void visit(Change.Created change) {
    return null;
  }

  @Override
  public Void visit(Change.StageChanged change) {
    return null;
  }

  @Override
  public Void visit(Change.AmountChanged change) {
    return null;
  }

  @Override
  public Void visit(Change.CloseDateChanged change) {
    return null;
  }

  @Override
  public Void visit(Change.OwnerChanged change) {
    return null;
  }

  @Override
  public Void visit(Change.CategoryChanged change) {
    return null;
  }

  @Override
  public Void visit(Change.ProbabilityOverrideChanged change) {
    return null;
  }

  @Override
  public Void visit(Change.DetailsChanged change) {
    return null;
  }

  @Override
  public Void visit(Change.QualificationRecorded change) {
    return null;
  }

  @Override
  public Void visit(Change.ActivityLogged change) {
    return null;
  }

  @Override
  public Void visit(Change.Won change) {
    return null;
  }

  @Override
  public Void visit(Change.Lost change) {
    return null;
  }

  @Override
  public Void visit(Change.Disqualified change) {
    return null;
  }

  @Override
  public Void visit(Change.Reopened change) {
    return null;
  }

  @Override
  public Void visit(Change.RuleOverridden change) {
    return null;
  }

  @Override
  public Void visit(Change.HealthChecked change) {
    return null;
  }

  @Override
  public Void visit(Change.RenewalTermsSet change) {
    return null;
  }
}
