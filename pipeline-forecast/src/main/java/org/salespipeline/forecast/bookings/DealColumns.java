package org.salespipeline.forecast.bookings;

import java.util.Arrays;

/**
 * The history of one pipeline's deals as primitive columns in creation-day order, days as epoch
 * days in the forecaster's zone, amounts in minor units of the reporting currency. Built once by
 * {@link HistoryReader}; immutable afterwards, so any number of forecasts may read it concurrently.
 *
 * <p>Per deal: the creation day; compressed rows (offsets per deal) of status changes (won, lost,
 * reopened), amounts (the first at creation), stage entries and expected close dates, each with the
 * day it was recorded. Across deals: every win sorted by day, with the amount it booked and the day
 * a reopen undid it, so that bookings in any window are a binary search and a short loop.
 *
 * <p>A fact recorded on day {@code d} is known to a forecast as of the start of day {@code T} iff
 * {@code d < T}.
 */
final class DealColumns {
  static final byte OPEN = 0;
  static final byte WON = 1;
  static final byte LOST = 2;
  static final int NEVER = Integer.MAX_VALUE;

  final int deals;

  /** The number of stages of the pipeline; stage indexes are below it, or -1 when unknown. */
  final int stages;

  final int[] created;

  /** The day the first life of the deal ended (first win or loss), or {@link #NEVER}. */
  final int[] firstClose;

  /** Whether that first end was a win. */
  final boolean[] firstWon;

  final int[] statusOffset;
  final int[] statusDay;
  final byte[] statusKind;

  final int[] amountOffset;
  final int[] amountDay;
  final long[] amountMinor;

  final int[] stageOffset;
  final int[] stageDay;
  final int[] stageIndex;

  final int[] closeDateOffset;
  final int[] closeDateDay;
  final int[] closeDateValue;

  /** Wins sorted by day. */
  final int[] winDay;

  final int[] winDeal;
  final long[] winAmount;
  final int[] winCreated;

  /** The day a reopen undid the win, or {@link #NEVER}. */
  final int[] winUndone;

  final int firstDay;
  final int lastDay;

  /** The first day any deal closed (won or lost), or {@link #NEVER}. */
  final int firstCloseDay;

  DealColumns(
      int stages,
      int[] created,
      int[] statusOffset,
      int[] statusDay,
      byte[] statusKind,
      int[] amountOffset,
      int[] amountDay,
      long[] amountMinor,
      int[] stageOffset,
      int[] stageDay,
      int[] stageIndex,
      int[] closeDateOffset,
      int[] closeDateDay,
      int[] closeDateValue) {
    this.deals = created.length;
    this.stages = stages;
    this.created = created;
    this.statusOffset = statusOffset;
    this.statusDay = statusDay;
    this.statusKind = statusKind;
    this.amountOffset = amountOffset;
    this.amountDay = amountDay;
    this.amountMinor = amountMinor;
    this.stageOffset = stageOffset;
    this.stageDay = stageDay;
    this.stageIndex = stageIndex;
    this.closeDateOffset = closeDateOffset;
    this.closeDateDay = closeDateDay;
    this.closeDateValue = closeDateValue;
    this.firstClose = new int[deals];
    this.firstWon = new boolean[deals];
    int wins = 0;
    int first = NEVER;
    int last = Integer.MIN_VALUE;
    for (int i = 0; i < deals; i++) {
      firstClose[i] = NEVER;
      first = Math.min(first, created[i]);
      last = Math.max(last, created[i]);
      for (int k = statusOffset[i]; k < statusOffset[i + 1]; k++) {
        last = Math.max(last, statusDay[k]);
        if (statusKind[k] == WON) {
          wins++;
        }
        if (statusKind[k] != OPEN && firstClose[i] == NEVER) {
          firstClose[i] = statusDay[k];
          firstWon[i] = statusKind[k] == WON;
        }
      }
    }
    int firstCloseAny = NEVER;
    for (int i = 0; i < deals; i++) {
      firstCloseAny = Math.min(firstCloseAny, firstClose[i]);
    }
    this.firstCloseDay = firstCloseAny;
    this.firstDay = deals == 0 ? 0 : first;
    this.lastDay = deals == 0 ? 0 : last;
    long[] keys = new long[wins];
    int w = 0;
    for (int i = 0; i < deals; i++) {
      for (int k = statusOffset[i]; k < statusOffset[i + 1]; k++) {
        if (statusKind[k] == WON) {
          // why: sort (day, event index) pairs in one primitive sort instead of boxing
          keys[w++] = ((long) statusDay[k] << 32) | k;
        }
      }
    }
    Arrays.sort(keys);
    winDay = new int[wins];
    winDeal = new int[wins];
    winAmount = new long[wins];
    winCreated = new int[wins];
    winUndone = new int[wins];
    int[] dealOfStatus = new int[statusDay.length];
    for (int i = 0; i < deals; i++) {
      for (int k = statusOffset[i]; k < statusOffset[i + 1]; k++) {
        dealOfStatus[k] = i;
      }
    }
    for (int j = 0; j < wins; j++) {
      int k = (int) (keys[j] & 0xffffffffL);
      int i = dealOfStatus[k];
      winDay[j] = statusDay[k];
      winDeal[j] = i;
      winCreated[j] = created[i];
      winAmount[j] = amountOn(i, statusDay[k]);
      int undone = NEVER;
      for (int m = k + 1; m < statusOffset[i + 1]; m++) {
        if (statusKind[m] == OPEN) {
          undone = statusDay[m];
          break;
        }
      }
      winUndone[j] = undone;
    }
  }

  /** The amount recorded on or before {@code day} (the creation amount if none before). */
  long amountOn(int deal, int day) {
    long a = amountMinor[amountOffset[deal]];
    for (int k = amountOffset[deal] + 1; k < amountOffset[deal + 1]; k++) {
      if (amountDay[k] > day) {
        break;
      }
      a = amountMinor[k];
    }
    return a;
  }

  /** The amount known at the start of {@code day}. */
  long amountKnownAt(int deal, int day) {
    return amountOn(deal, day - 1);
  }

  /** The status known at the start of {@code day}; only for deals created before it. */
  byte statusAt(int deal, int day) {
    byte s = OPEN;
    for (int k = statusOffset[deal]; k < statusOffset[deal + 1]; k++) {
      if (statusDay[k] >= day) {
        break;
      }
      s = statusKind[k];
    }
    return s;
  }

  /** The stage index known at the start of {@code day}, and the day it was entered. */
  long stageAt(int deal, int day) {
    int idx = stageIndex[stageOffset[deal]];
    int since = stageDay[stageOffset[deal]];
    for (int k = stageOffset[deal] + 1; k < stageOffset[deal + 1]; k++) {
      if (stageDay[k] >= day) {
        break;
      }
      if (stageIndex[k] != idx) {
        idx = stageIndex[k];
        since = stageDay[k];
      }
    }
    return ((long) idx << 32) | (since & 0xffffffffL);
  }

  /** Whether the deal won on a day in {@code [from, to)}. */
  boolean wonBetween(int deal, int from, int to) {
    for (int k = statusOffset[deal]; k < statusOffset[deal + 1]; k++) {
      if (statusKind[k] == WON && statusDay[k] >= from && statusDay[k] < to) {
        return true;
      }
    }
    return false;
  }

  /**
   * Bookings: wins on days in {@code [from, to)} that are known at the start of {@code knownAt}
   * (won before it and not reopened before it), of deals created on or after {@code createdFrom}.
   */
  long bookings(int from, int to, int knownAt, int createdFrom) {
    int end = Math.min(to, knownAt);
    long sum = 0;
    for (int j = firstWinOnOrAfter(from); j < winDay.length && winDay[j] < end; j++) {
      if (winUndone[j] >= knownAt && winCreated[j] >= createdFrom) {
        sum += winAmount[j];
      }
    }
    return sum;
  }

  private int firstWinOnOrAfter(int day) {
    int lo = 0;
    int hi = winDay.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (winDay[mid] < day) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
