package org.salespipeline.forecast.insight;

import java.time.Duration;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.IntToLongFunction;
import org.salespipeline.core.DealId;

/**
 * The open-deal statuses section: each open deal measured against its stage ({@link
 * OpenDealStatus}, built when read), the stuck, idle and most-pushed lists, the push counts, and
 * the stuck deals per stage that the bottlenecks name.
 */
final class OpenDealStatuses {
  private final InsightSettings settings;
  private final Layout layout;
  private final Owners owners;
  private final OpenDealTable open;
  private final StageDwell dwell;
  private final DealFlags flags;
  private final long nowSec;
  private final long[] stuckCount;
  private final long[] stuckValue;
  private final List<List<DealId>> stuckIds = new ArrayList<>();
  private final Columns.Ints stuckRows = new Columns.Ints();
  private final Columns.Ints idleRows = new Columns.Ints();
  private final Columns.Ints pushedRows = new Columns.Ints();
  private long[] pushHistogram = new long[64];

  OpenDealStatuses(
      InsightSettings settings,
      Owners owners,
      OpenDealTable open,
      StageDwell dwell,
      DealFlags flags) {
    this.settings = settings;
    this.layout = settings.layout;
    this.owners = owners;
    this.open = open;
    this.dwell = dwell;
    this.flags = flags;
    this.nowSec = settings.nowSec;
    int stages = layout.stageCount;
    stuckCount = new long[stages];
    stuckValue = new long[stages];
    for (int g = 0; g < stages; g++) {
      stuckIds.add(new ArrayList<>());
    }
    for (int r = 0; r < open.size; r++) {
      int pc = open.pushes.a[r];
      if (pc >= pushHistogram.length) {
        pushHistogram = Arrays.copyOf(pushHistogram, pc * 2);
      }
      pushHistogram[pc]++;
      if (pc > 0) {
        pushedRows.add(r);
      }
      if (flags.stuck(r)) {
        int g = open.stage.a[r];
        stuckCount[g]++;
        stuckValue[g] += open.amount.a[r];
        stuckRows.add(r);
        if (stuckIds.get(g).size() < settings.listLimit) {
          stuckIds.get(g).add(open.id(r));
        }
      }
      if (flags.idle(r)) {
        idleRows.add(r);
      }
    }
  }

  /** The number of open deals. */
  int count() {
    return open.size;
  }

  /** The status of the open deal in row {@code r}. */
  OpenDealStatus status(int r) {
    int g = open.stage.a[r];
    long idleSec = layout.idleSeconds[g];
    return new OpenDealStatus(
        open.id(r),
        owners.get(open.owner.a[r]),
        layout.pipelineId(g),
        layout.key[g],
        open.amount.a[r],
        LocalDate.ofEpochDay(open.closeDay.a[r]),
        open.pushes.a[r],
        Duration.ofSeconds(nowSec - open.stageEntered.a[r]),
        Duration.ofSeconds(dwell.medianSeconds(g)),
        Duration.ofSeconds(dwell.p90Seconds(g)),
        idleSec > 0 ? Optional.of(Duration.ofSeconds(idleSec)) : Optional.empty(),
        Duration.ofSeconds(nowSec - open.engagedAt(r)),
        flags.stuck(r),
        flags.idle(r),
        flags.overdue(r),
        open.qualification.a[r] == 2);
  }

  /** The status of an open deal; empty if the deal is not open. */
  Optional<OpenDealStatus> status(DealId id) {
    int r = open.find(id);
    return r < 0 ? Optional.empty() : Optional.of(status(r));
  }

  /** Stuck deals, longest in stage relative to its p90 (or idle threshold) first. */
  List<OpenDealStatus> stuckDeals() {
    return top(
        stuckRows, r -> Double.doubleToLongBits((nowSec - open.stageEntered.a[r]) / threshold(r)));
  }

  /** Idle deals, longest idle first. */
  List<OpenDealStatus> idleDeals() {
    return top(idleRows, r -> -open.engagedAt(r));
  }

  /** Deals whose close date was pushed, most pushes first. */
  List<OpenDealStatus> mostPushed() {
    return top(pushedRows, r -> open.pushes.a[r]);
  }

  /** Push count to the number of open deals with it. */
  SortedMap<Integer, Long> pushCounts() {
    TreeMap<Integer, Long> pushes = new TreeMap<>();
    for (int i = 0; i < pushHistogram.length; i++) {
      if (pushHistogram[i] > 0) {
        pushes.put(i, pushHistogram[i]);
      }
    }
    return Collections.unmodifiableSortedMap(pushes);
  }

  /** The stuck deals in stage {@code g}. */
  long stuckIn(int g) {
    return stuckCount[g];
  }

  /** The value of the stuck deals in stage {@code g}. */
  long stuckValueIn(int g) {
    return stuckValue[g];
  }

  /** The ids of the stuck deals in stage {@code g}, in history order, at most the list limit. */
  List<DealId> stuckIdsIn(int g) {
    return stuckIds.get(g);
  }

  private double threshold(int r) {
    int g = open.stage.a[r];
    long t = dwell.measured(g) ? dwell.p90Seconds(g) : layout.idleSeconds[g];
    return Math.max(1, t);
  }

  /**
   * The rows with the largest keys (at most the list limit), largest first, ties in row order;
   * selects before sorting so that only the kept rows are sorted.
   */
  private List<OpenDealStatus> top(Columns.Ints rows, IntToLongFunction key) {
    int n = rows.size;
    int limit = settings.listLimit;
    if (n == 0 || limit == 0) {
      return List.of();
    }
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      keys[i] = key.applyAsLong(rows.a[i]);
    }
    long threshold = Long.MIN_VALUE;
    if (n > limit) {
      long[] copy = keys.clone();
      threshold = Columns.select(copy, 0, n - 1, n - limit);
    }
    // keys above the threshold, then ties at it in row order, never more than the limit: a pool
    // of equal keys (a common value such as 0) must not turn the selection into a full copy
    int above = 0;
    for (int i = 0; i < n; i++) {
      if (keys[i] > threshold) {
        above++;
      }
    }
    int ties = Math.max(0, Math.min(n, limit) - above);
    List<long[]> kept = new ArrayList<>(Math.min(n, limit));
    for (int i = 0; i < n; i++) {
      if (keys[i] > threshold || (keys[i] == threshold && ties-- > 0)) {
        kept.add(new long[] {keys[i], rows.a[i]});
      }
    }
    kept.sort((a, b) -> a[0] != b[0] ? Long.compare(b[0], a[0]) : Long.compare(a[1], b[1]));
    int[] picked = new int[Math.min(kept.size(), limit)];
    for (int i = 0; i < picked.length; i++) {
      picked[i] = (int) kept.get(i)[1];
    }
    return new StatusList(this, picked);
  }

  /**
   * An unmodifiable list of open-deal statuses backed by rows of the open-deal table: a status is
   * built when it is read, so a report with long lists (up to the list limit of 10,000 each by
   * default) costs nothing for the entries nobody looks at. Equal to any list of the same statuses.
   */
  private static final class StatusList extends AbstractList<OpenDealStatus>
      implements RandomAccess {
    private final OpenDealStatuses source;
    private final int[] rows;

    StatusList(OpenDealStatuses source, int[] rows) {
      this.source = source;
      this.rows = rows;
    }

    @Override
    public OpenDealStatus get(int index) {
      return source.status(rows[index]);
    }

    @Override
    public int size() {
      return rows.length;
    }
  }
}
