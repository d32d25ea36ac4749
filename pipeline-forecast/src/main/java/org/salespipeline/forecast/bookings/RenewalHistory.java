package org.salespipeline.forecast.bookings;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import org.salespipeline.core.AccountId;
import org.salespipeline.core.CurrencyConversionException;
import org.salespipeline.core.CurrencyConverter;
import org.salespipeline.core.DealId;
import org.salespipeline.core.DealKind;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.Money;
import org.salespipeline.core.RetentionStatus;
import org.salespipeline.core.ValidationException;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;

/**
 * The renewal part's history: the retention changes of every account and the renewal deals of every
 * pipeline, one row of primitive columns per fact, ordered by time once read. A renewal forecast as
 * of day T replays the rows recorded before T only (no look-ahead). Reading is not thread-safe;
 * after {@link #finish()} the columns are immutable and queries are thread-safe.
 */
final class RenewalHistory {
  static final byte STATUS = 0;
  static final byte REVENUE = 1;
  static final byte TERMS = 2;
  static final byte DEAL_OPENED = 3;
  static final byte DEAL_AMOUNT = 4;
  static final byte DEAL_CLOSE_DATE = 5;
  static final byte DEAL_WON = 6;
  static final byte DEAL_CLOSED = 7;
  static final byte DEAL_REOPENED = 8;

  private static final int AT_RISK = RetentionStatus.AT_RISK.ordinal();
  private static final int CHURNED = RetentionStatus.CHURNED.ordinal();

  /** Leads of more than this many days (a renewal booked or dated far off) are not learned from. */
  static final int MAX_LAG = 120;

  private final Currency currency;
  private final CurrencyConverter converter;
  private final ZoneId zone;
  private final Map<AccountId, Integer> accounts = new HashMap<>();
  private final Map<DealId, Integer> deals = new HashMap<>();

  private int rows;
  private byte[] type = new byte[256];
  private int[] account = new int[256];
  private int[] deal = new int[256];
  private int[] day = new int[256];
  private long[] second = new long[256];
  private long[] value = new long[256];
  private int dealCount;
  private int[] dealAccount = new int[64];

  private DealId current;
  private int currentDeal = -1;
  private boolean finished;

  RenewalHistory(Currency currency, CurrencyConverter converter, ZoneId zone) {
    this.currency = currency;
    this.converter = converter;
    this.zone = zone;
  }

  /** Reads one event; events come grouped by deal in sequence order. */
  void accept(DealEvent e) {
    Change change = e.change();
    if (!e.dealId().equals(current)) {
      current = e.dealId();
      currentDeal = -1;
    }
    if (change instanceof Change.Created c) {
      if (c.deal().kind() == DealKind.RENEWAL && c.deal().account().isPresent()) {
        currentDeal = dealCount;
        deals.put(e.dealId(), dealCount);
        if (dealCount == dealAccount.length) {
          dealAccount = Arrays.copyOf(dealAccount, dealCount * 2);
        }
        int a = account(c.deal().account().get());
        dealAccount[dealCount++] = a;
        int d = dayOf(e.at());
        row(DEAL_OPENED, a, currentDeal, e.at(), minor(c.deal().amount(), d));
        row(DEAL_CLOSE_DATE, a, currentDeal, e.at(), c.deal().expectedCloseDate().toEpochDay());
      }
    } else if (change instanceof Change.RetentionChanged c) {
      row(STATUS, account(c.account()), -1, e.at(), c.to().ordinal());
    } else if (change instanceof Change.RecurringRevenueChanged c) {
      row(REVENUE, account(c.account()), -1, e.at(), minor(c.to(), dayOf(e.at())));
    } else if (change instanceof Change.RenewalTermsSet c) {
      row(TERMS, account(c.account()), -1, e.at(), c.renewalDate().toEpochDay());
    } else if (currentDeal >= 0) {
      int a = dealAccount[currentDeal];
      if (change instanceof Change.AmountChanged c) {
        row(DEAL_AMOUNT, a, currentDeal, e.at(), minor(c.to(), dayOf(e.at())));
      } else if (change instanceof Change.CloseDateChanged c) {
        row(DEAL_CLOSE_DATE, a, currentDeal, e.at(), c.to().toEpochDay());
      } else if (change instanceof Change.Won) {
        row(DEAL_WON, a, currentDeal, e.at(), 0);
      } else if (change instanceof Change.Lost || change instanceof Change.Disqualified) {
        row(DEAL_CLOSED, a, currentDeal, e.at(), 0);
      } else if (change instanceof Change.Reopened) {
        row(DEAL_REOPENED, a, currentDeal, e.at(), 0);
      }
    }
  }

  /** Orders the rows by time (stable: facts of one instant keep their history order). */
  RenewalHistory finish() {
    if (finished) {
      return this;
    }
    finished = true;
    Integer[] order = new Integer[rows];
    for (int i = 0; i < rows; i++) {
      order[i] = i;
    }
    long[] sec = second;
    Arrays.sort(order, (x, y) -> Long.compare(sec[x], sec[y]));
    byte[] t2 = new byte[rows];
    int[] a2 = new int[rows];
    int[] d2 = new int[rows];
    int[] day2 = new int[rows];
    long[] s2 = new long[rows];
    long[] v2 = new long[rows];
    for (int k = 0; k < rows; k++) {
      int i = order[k];
      t2[k] = type[i];
      a2[k] = account[i];
      d2[k] = deal[i];
      day2[k] = day[i];
      s2[k] = second[i];
      v2[k] = value[i];
    }
    type = t2;
    account = a2;
    deal = d2;
    day = day2;
    second = s2;
    value = v2;
    return this;
  }

  /** Whether any account or renewal deal was read. */
  boolean empty() {
    return accounts.isEmpty();
  }

  /** Renewal deals won in {@code [from, to)} by the full history: the part's actual. */
  long actual(int from, int to) {
    return replay(from, to, Integer.MAX_VALUE).won;
  }

  /** The state of the renewals as of the start of day {@code t}, for the period {@code [s, e)}. */
  Replay replay(int s, int e, int t) {
    int n = accounts.size();
    int[] status = new int[n];
    Arrays.fill(status, -1);
    long[] revenue = new long[n];
    int[] renewalDay = new int[n];
    Arrays.fill(renewalDay, Integer.MIN_VALUE);
    boolean[] renewed = new boolean[n];
    long[] amount = new long[dealCount];
    int[] close = new int[dealCount];
    byte[] state = new byte[dealCount]; // 0 not yet opened, 1 open, 2 won, 3 closed otherwise
    long won = 0;
    // healthy renewed, healthy outcomes, at risk renewed, at risk, late renewed, late outcomes
    int[] counts = new int[6];
    int[] lags = new int[2 * MAX_LAG + 1];
    int lagCount = 0;
    for (int k = 0; k < rows && day[k] < t; k++) {
      int a = account[k];
      int d = deal[k];
      switch (type[k]) {
        case STATUS -> {
          if (value[k] == CHURNED && status[a] != CHURNED) {
            counts[status[a] == AT_RISK ? 3 : 1]++;
            if (late(renewalDay[a], renewed[a], day[k])) {
              counts[5]++;
            }
          }
          status[a] = (int) value[k];
        }
        case REVENUE -> revenue[a] = value[k];
        case TERMS -> {
          renewalDay[a] = (int) value[k];
          renewed[a] = false;
        }
        case DEAL_OPENED -> {
          state[d] = 1;
          amount[d] = value[k];
        }
        case DEAL_AMOUNT -> amount[d] = value[k];
        case DEAL_CLOSE_DATE -> close[d] = (int) value[k];
        case DEAL_WON -> {
          if (state[d] == 1) {
            state[d] = 2;
            if (renewalDay[a] != Integer.MIN_VALUE && !renewed[a]) {
              int lag = renewalDay[a] - day[k];
              if (lag >= -MAX_LAG && lag <= MAX_LAG) {
                lags[lag + MAX_LAG]++;
                lagCount++;
              }
            }
            if (late(renewalDay[a], renewed[a], day[k])) {
              counts[4]++;
              counts[5]++;
            }
            renewed[a] = true;
            boolean risk = status[a] == AT_RISK;
            counts[risk ? 2 : 0]++;
            counts[risk ? 3 : 1]++;
            if (day[k] >= s && day[k] < e) {
              won += amount[d];
            }
          }
        }
        case DEAL_CLOSED -> state[d] = 3;
        case DEAL_REOPENED -> {
          if (state[d] == 2 && day[k] >= s && day[k] < e) {
            won -= amount[d];
          }
          state[d] = 1;
        }
        default -> throw new IllegalStateException("row type " + type[k]);
      }
    }
    RenewalWeights weights =
        RenewalWeights.learned(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5]);
    int lead = medianLag(lags, lagCount);
    // an open renewal deal gives the value at stake (and the timing where no renewal date is set)
    long[] openValue = new long[n];
    int[] openClose = new int[n];
    Arrays.fill(openClose, Integer.MIN_VALUE);
    for (int d = 0; d < dealCount; d++) {
      if (state[d] == 1) {
        int a = dealAccount[d];
        openValue[a] = Math.max(openValue[a], amount[d]);
        openClose[a] = Math.max(openClose[a], close[d]);
      }
    }
    double expected = 0;
    double variance = 0;
    long atStake = 0;
    int due = 0;
    int overdue = 0;
    int from = Math.max(s, t);
    // the first period (the one the origin falls in) also counts the renewals already overdue
    boolean first = t >= s;
    for (int a = 0; a < n; a++) {
      if (status[a] < 0 || status[a] == CHURNED) {
        continue;
      }
      boolean dated = renewalDay[a] != Integer.MIN_VALUE;
      boolean inPeriod =
          dated
              ? !renewed[a] && renewalDay[a] - lead >= s && renewalDay[a] - lead < e
              : openClose[a] >= from && openClose[a] < e;
      boolean late = first && dated && !renewed[a] && renewalDay[a] - lead < s;
      if (!inPeriod && !late) {
        continue;
      }
      double v = openValue[a] > 0 ? openValue[a] : revenue[a];
      boolean risk = status[a] == AT_RISK;
      double w = late ? weights.overdueWeight(risk) : weights.weight(risk);
      if (late) {
        overdue++;
      }
      expected += w * v;
      variance += w * (1 - w) * v * v;
      atStake += (long) v;
      due++;
    }
    return new Replay(won, expected, variance, atStake, due, overdue, weights, lead);
  }

  /** Whether an outcome on {@code day} comes after the account's (unrenewed) renewal date. */
  private static boolean late(int renewalDay, boolean renewed, int day) {
    return renewalDay != Integer.MIN_VALUE && !renewed && day > renewalDay;
  }

  /** The median of the recorded lags in days, 0 without any. */
  private static int medianLag(int[] lags, int count) {
    if (count == 0) {
      return 0;
    }
    int seen = 0;
    for (int i = 0; i < lags.length; i++) {
      seen += lags[i];
      if (2 * seen >= count) {
        return i - MAX_LAG;
      }
    }
    return 0;
  }

  /**
   * The renewals as of an origin: won so far in the period, the expected value still to renew with
   * its variance (independent accounts), the value of the renewals due (overdue ones included), how
   * many of them were overdue, and the weights.
   */
  record Replay(
      long won,
      double expected,
      double variance,
      long atStake,
      int due,
      int overdue,
      RenewalWeights weights,
      int lead) {}

  private void row(byte kind, int a, int d, Instant at, long v) {
    if (rows == type.length) {
      int size = rows * 2;
      type = Arrays.copyOf(type, size);
      account = Arrays.copyOf(account, size);
      deal = Arrays.copyOf(deal, size);
      day = Arrays.copyOf(day, size);
      second = Arrays.copyOf(second, size);
      value = Arrays.copyOf(value, size);
    }
    type[rows] = kind;
    account[rows] = a;
    deal[rows] = d;
    day[rows] = dayOf(at);
    second[rows] = at.getEpochSecond();
    value[rows] = v;
    rows++;
  }

  private int account(AccountId id) {
    return accounts.computeIfAbsent(id, k -> accounts.size());
  }

  private int dayOf(Instant at) {
    return (int) LocalDate.ofInstant(at, zone).toEpochDay();
  }

  private long minor(Money m, int onDay) {
    if (m.currency().equals(currency)) {
      return m.minorUnitsWithinLimit();
    }
    try {
      return converter.convert(m, currency, LocalDate.ofEpochDay(onDay)).minorUnitsWithinLimit();
    } catch (CurrencyConversionException ex) {
      throw new ValidationException(
          FieldProblem.of(
              "amount",
              m + " in the history of deal " + current,
              "cannot be converted to the reporting currency "
                  + currency.getCurrencyCode()
                  + " on "
                  + LocalDate.ofEpochDay(onDay)
                  + ": set a converter that knows the rate ("
                  + ex.getMessage()
                  + ")"));
    }
  }
}
