package org.salespipeline.forecast.retention;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.salespipeline.forecast.ForecastPeriod;

/**
 * Turns the revenue columns into the report: unless the rows already run account by account in time
 * order (the usual history), they are ordered by account (a counting sort) and by time within an
 * account (each account has few); then each account is walked once across the sorted period
 * boundaries, adding to per-period and per-cohort counters, and the median time to onboard is
 * selected, not sorted for.
 */
final class RetentionComputation {
  private final List<ForecastPeriod> periods;
  private final Currency currency;
  private final long[] boundaries;
  private final int[] startAt;
  private final int[] endAt;
  private final long[] periodStart;
  private final long[] periodEnd;

  RetentionComputation(List<ForecastPeriod> periods, ZoneId zone, Currency currency) {
    this.periods = periods;
    this.currency = currency;
    int n = periods.size();
    periodStart = new long[n];
    periodEnd = new long[n];
    long[] all = new long[2 * n];
    for (int p = 0; p < n; p++) {
      periodStart[p] = periods.get(p).start().atStartOfDay(zone).toEpochSecond();
      periodEnd[p] = periods.get(p).end().atStartOfDay(zone).toEpochSecond();
      all[2 * p] = periodStart[p];
      all[2 * p + 1] = periodEnd[p];
    }
    boundaries = Arrays.stream(all).sorted().distinct().toArray();
    startAt = new int[n];
    endAt = new int[n];
    for (int p = 0; p < n; p++) {
      startAt[p] = Arrays.binarySearch(boundaries, periodStart[p]);
      endAt[p] = Arrays.binarySearch(boundaries, periodEnd[p]);
    }
  }

  /**
   * Whether the rows already run account by account (indexes are given in order of first sight, so
   * grouped rows have non-decreasing indexes) and in time order within each account.
   */
  private static boolean groupedInTime(RevenueColumns c) {
    for (int r = 1; r < c.rows; r++) {
      int a = c.account[r];
      int before = c.account[r - 1];
      if (a < before || (a == before && c.second[r] < c.second[r - 1])) {
        return false;
      }
    }
    return true;
  }

  RetentionReport compute(RevenueColumns c) {
    int n = periods.size();
    int accounts = c.accounts;
    // why: the usual history (each account's revenue changes in one deal, in time order) is
    // already in order; then the rows are walked where they are, with no offsets nor order
    boolean grouped = groupedInTime(c);
    int[] offset = null;
    int[] order = null;
    if (!grouped) {
      // counting sort of the rows by account, keeping stream order within an account
      offset = new int[accounts + 1];
      order = new int[c.rows];
      for (int r = 0; r < c.rows; r++) {
        offset[c.account[r] + 1]++;
      }
      for (int a = 0; a < accounts; a++) {
        offset[a + 1] += offset[a];
      }
      int[] fill = Arrays.copyOf(offset, accounts);
      for (int r = 0; r < c.rows; r++) {
        order[fill[c.account[r]]++] = r;
      }
    }

    long[] start = new long[n];
    long[] fresh = new long[n];
    long[] expansion = new long[n];
    long[] contraction = new long[n];
    long[] churn = new long[n];
    long[] end = new long[n];
    long[] startLogos = new long[n];
    long[] retained = new long[n];
    long[] newLogos = new long[n];
    long[] cohortSize = new long[n];
    long[][] cohortLogos = new long[n][n];
    long[][] cohortRevenue = new long[n][n];
    long[] value = new long[boundaries.length];
    long[] second = c.second;
    long[] to = c.toMinor;

    int[] rowAccount = c.account;
    int rows = c.rows;
    int next = 0;
    for (int a = 0; a < accounts; a++) {
      long v = 0;
      if (grouped) {
        // the account's rows are the next ones, already in time order; each boundary's value is
        // the last row before it, taken as a conditional move per row rather than a loop exit
        // per boundary (which row comes before which boundary is as good as random)
        Arrays.fill(value, 0L);
        for (; next < rows && rowAccount[next] == a; next++) {
          long sec = second[next];
          long t = to[next];
          for (int b = 0; b < value.length; b++) {
            value[b] = sec < boundaries[b] ? t : value[b];
          }
        }
      } else {
        int from = offset[a];
        int until = offset[a + 1];
        // why: an account's rows come from several deals' histories, so order them by time; they
        // are few, and insertion sort is stable (same-second rows keep stream order)
        for (int i = from + 1; i < until; i++) {
          int row = order[i];
          long s = second[row];
          int j = i - 1;
          while (j >= from && second[order[j]] > s) {
            order[j + 1] = order[j];
            j--;
          }
          order[j + 1] = row;
        }
        int i = from;
        for (int b = 0; b < boundaries.length; b++) {
          long limit = boundaries[b];
          while (i < until && second[order[i]] < limit) {
            v = to[order[i++]];
          }
          value[b] = v;
        }
      }
      long win = c.firstWin[a];
      int cohort = -1;
      if (win != Long.MAX_VALUE) {
        for (int p = 0; p < n; p++) {
          if (win >= periodStart[p] && win < periodEnd[p]) {
            cohort = p;
            cohortSize[p]++;
            break;
          }
        }
      }
      for (int p = 0; p < n; p++) {
        long s = value[startAt[p]];
        long e = value[endAt[p]];
        start[p] += s;
        end[p] += e;
        // why: whether an account starts, ends, grows or shrinks in a period is as good as random
        // from one account to the next, so the counters add 0/1 masks instead of branching:
        // s == 0 is fresh revenue, e == 0 after s != 0 churn, both non-zero retained (expansion if
        // e > s, else contraction)
        long was = s != 0 ? 1 : 0;
        long is = e != 0 ? 1 : 0;
        long kept = was & is;
        long grew = kept & (e > s ? 1 : 0);
        fresh[p] += (1 - was) * e;
        newLogos[p] += (1 - was) & (e > 0 ? 1 : 0);
        startLogos[p] += was;
        churn[p] += (was & (1 - is)) * s;
        retained[p] += kept;
        expansion[p] += grew * (e - s);
        contraction[p] += (kept - grew) * (s - e);
      }
      if (cohort >= 0) {
        for (int p = cohort; p < n; p++) {
          if (periodEnd[p] > win) {
            long e = value[endAt[p]];
            if (e > 0) {
              cohortLogos[cohort][p]++;
            }
            cohortRevenue[cohort][p] += e;
          }
        }
      }
    }

    long[] onboarded = new long[n];
    // why: whole seconds summed exactly, so the means do not depend on the order accounts come in
    long[] onboardPeriodSeconds = new long[n];
    // why: seconds, not days, so the median needs no sort of doubles: a selection over longs
    long[] onboardSeconds = new long[accounts];
    long totalSeconds = 0;
    int done = 0;
    for (int a = 0; a < accounts; a++) {
      long s = c.onboardStart[a];
      long d = c.onboardDone[a];
      if (s != Long.MAX_VALUE && d != Long.MAX_VALUE && d >= s) {
        onboardSeconds[done++] = d - s;
        totalSeconds += d - s;
        for (int p = 0; p < n; p++) {
          if (d >= periodStart[p] && d < periodEnd[p]) {
            onboarded[p]++;
            onboardPeriodSeconds[p] += d - s;
          }
        }
      }
    }

    List<RetentionPeriod> out = new ArrayList<>(n);
    List<RetentionCohort> cohorts = new ArrayList<>(n);
    for (int p = 0; p < n; p++) {
      RetentionWaterfall w =
          new RetentionWaterfall(
              currency, start[p], fresh[p], expansion[p], contraction[p], churn[p], end[p]);
      out.add(
          new RetentionPeriod(
              periods.get(p),
              w,
              startLogos[p],
              retained[p],
              newLogos[p],
              onboarded[p],
              onboarded[p] == 0 ? Double.NaN : onboardPeriodSeconds[p] / 86_400.0 / onboarded[p]));
      cohorts.add(
          new RetentionCohort(p, periods.get(p), cohortSize[p], cohortLogos[p], cohortRevenue[p]));
    }
    double mean = done == 0 ? Double.NaN : totalSeconds / 86_400.0 / done;
    double median = Double.NaN;
    if (done > 0) {
      long upper = Selection.select(onboardSeconds, done, done / 2);
      if (done % 2 == 1) {
        median = upper / 86_400.0;
      } else {
        // after the selection every value before done / 2 is at most the upper middle one
        long lower = Long.MIN_VALUE;
        for (int i = 0; i < done / 2; i++) {
          lower = Math.max(lower, onboardSeconds[i]);
        }
        median = (lower / 86_400.0 + upper / 86_400.0) / 2;
      }
    }
    List<ChurnReason> reasons = new ArrayList<>();
    for (Map.Entry<String, long[]> e : c.churnReasons.entrySet()) {
      reasons.add(new ChurnReason(e.getKey(), e.getValue()[0], e.getValue()[1]));
    }
    reasons.sort(
        Comparator.comparingLong(ChurnReason::times)
            .thenComparingLong(ChurnReason::lostMinor)
            .reversed()
            .thenComparing(ChurnReason::reason));
    return new RetentionReport(currency, out, cohorts, reasons, accounts, done, mean, median);
  }
}
