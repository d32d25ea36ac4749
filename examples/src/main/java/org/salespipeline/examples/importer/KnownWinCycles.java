package org.salespipeline.examples.importer;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sales cycles (days from opening to winning) of the deals won before a given day: what a rep
 * could have known that day. The importers estimate an expected close date from it where the data
 * has none, because a deal's real close date is not known while it is open (issue 13, defect 2).
 *
 * <p>Immutable once built; not thread-safe for concurrent first use of a day (the cache).
 */
final class KnownWinCycles {
  /** The cycle assumed before any deal has been won, in days. */
  static final int DEFAULT_DAYS = 90;

  private final long[] closeDays;
  private final int[] cycles;
  private final Map<Integer, Integer> medianOfFirst = new HashMap<>();

  private KnownWinCycles(long[] closeDays, int[] cycles) {
    this.closeDays = closeDays;
    this.cycles = cycles;
  }

  /** One won deal: opened and won on these days. */
  record Win(LocalDate opened, LocalDate won) {}

  /** The cycles of these wins. */
  static KnownWinCycles of(List<Win> wins) {
    List<Win> sorted = new ArrayList<>(wins);
    sorted.sort((a, b) -> a.won().compareTo(b.won()));
    long[] days = new long[sorted.size()];
    int[] cycles = new int[sorted.size()];
    for (int i = 0; i < days.length; i++) {
      days[i] = sorted.get(i).won().toEpochDay();
      cycles[i] = (int) ChronoUnit.DAYS.between(sorted.get(i).opened(), sorted.get(i).won());
    }
    return new KnownWinCycles(days, cycles);
  }

  /**
   * The median cycle of the deals won strictly before {@code day} (the lower middle of an even
   * count), at least one day; {@value #DEFAULT_DAYS} days before any win.
   */
  int medianBefore(LocalDate day) {
    long epochDay = day.toEpochDay();
    int known = 0;
    int high = closeDays.length;
    while (known < high) {
      int mid = (known + high) >>> 1;
      if (closeDays[mid] < epochDay) {
        known = mid + 1;
      } else {
        high = mid;
      }
    }
    if (known == 0) {
      return DEFAULT_DAYS;
    }
    return medianOfFirst.computeIfAbsent(
        known,
        k -> {
          int[] first = Arrays.copyOf(cycles, k);
          Arrays.sort(first);
          return Math.max(1, first[(k - 1) / 2]);
        });
  }

  /**
   * The expected close dates an open deal carries: the estimate made when it opened, then one push
   * at the end of each day its estimate passes while it is still open, each by the median known
   * then. The first element is the estimate at opening.
   *
   * @param opened the day the deal opened
   * @param openUntil the first day the deal is no longer open at the end of (its close day, or the
   *     day after the data ends)
   */
  List<LocalDate> estimates(LocalDate opened, LocalDate openUntil) {
    List<LocalDate> dates = new ArrayList<>();
    LocalDate expected = opened.plusDays(medianBefore(opened));
    dates.add(expected);
    while (expected.isBefore(openUntil)) {
      expected = expected.plusDays(medianBefore(expected.plusDays(1)));
      dates.add(expected);
    }
    return dates;
  }
}
