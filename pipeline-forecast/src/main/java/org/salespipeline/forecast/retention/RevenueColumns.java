package org.salespipeline.forecast.retention;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
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

  // revenue changes, one row each, in stream order; account holds the row's run during the read
  // and its account's dense index after finish()
  int rows;
  int[] account = new int[1024];
  long[] second = new long[1024];
  long[] toMinor = new long[1024];

  // per run (consecutive retention events about one account) during the read, per account after
  // finish()
  int accounts;
  long[] firstWin = new long[1024];
  long[] onboardStart = new long[1024];
  long[] onboardDone = new long[1024];

  final Map<String, long[]> churnReasons = new HashMap<>();

  // the runs' account ids as UUID halves
  private int runs;
  private long[] runHigh = new long[1024];
  private long[] runLow = new long[1024];

  private long eventSec;
  private AccountId lastId;
  private int lastRun = -1;

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

  /**
   * The run of the account: the current one while the account stays the same, else a new one. An
   * account's retention events mostly sit together in one deal's history, so the read does no
   * hashing; {@link #finish()} gives the runs their accounts in one pass.
   */
  private int run(AccountId id) {
    if (id == lastId || id.equals(lastId)) {
      return lastRun;
    }
    int r = runs++;
    if (r == runHigh.length) {
      int n = (int) Math.min(2L * r, Integer.MAX_VALUE - 8);
      runHigh = Arrays.copyOf(runHigh, n);
      runLow = Arrays.copyOf(runLow, n);
      firstWin = Arrays.copyOf(firstWin, n);
      onboardStart = Arrays.copyOf(onboardStart, n);
      onboardDone = Arrays.copyOf(onboardDone, n);
    }
    UUID u = id.value();
    runHigh[r] = u.getMostSignificantBits();
    runLow[r] = u.getLeastSignificantBits();
    firstWin[r] = Long.MAX_VALUE;
    onboardStart[r] = Long.MAX_VALUE;
    onboardDone[r] = Long.MAX_VALUE;
    lastId = id;
    lastRun = r;
    return r;
  }

  /**
   * Ends the read: numbers the accounts densely in order of first sight, turns each row's run into
   * its account, and merges the runs' first win and onboarding times per account (the earliest).
   */
  void finish() {
    int[] accountOf = new int[runs];
    accounts = AccountIndex.dense(runHigh, runLow, runs, accountOf);
    runHigh = null;
    runLow = null;
    if (accounts == runs) {
      // why: every run a new account, so run r is account r (the usual history: each account's
      // retention events together in one deal)
      return;
    }
    for (int r = 0; r < rows; r++) {
      account[r] = accountOf[account[r]];
    }
    // in place: account a is first seen at a run r >= a, and run r's slot is read before any later
    // run writes it
    int seen = 0;
    for (int r = 0; r < runs; r++) {
      int a = accountOf[r];
      if (a == seen) {
        seen++;
        firstWin[a] = firstWin[r];
        onboardStart[a] = onboardStart[r];
        onboardDone[a] = onboardDone[r];
      } else {
        firstWin[a] = Math.min(firstWin[a], firstWin[r]);
        onboardStart[a] = Math.min(onboardStart[a], onboardStart[r]);
        onboardDone[a] = Math.min(onboardDone[a], onboardDone[r]);
      }
    }
  }

  private long minor(Money m) {
    return m.currency().equals(currency)
        ? m.toMinorUnits()
        : converter.convert(m, currency, rateDate).toMinorUnits();
  }

  @Override
  public Void visit(Change.RecurringRevenueChanged c) {
    int a = run(c.account());
    long to = minor(c.to());
    if (rows == account.length) {
      int n = (int) Math.min(2L * rows, Integer.MAX_VALUE - 8);
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
      int a = run(c.account());
      if (eventSec < onboardStart[a]) {
        onboardStart[a] = eventSec;
      }
    } else if (c.to() == RetentionStatus.ACTIVE
        && c.from().isPresent()
        && c.from().get() == RetentionStatus.ONBOARDING) {
      int a = run(c.account());
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
