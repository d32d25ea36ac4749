package org.salespipeline.forecast.insight;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.salespipeline.core.CurrencyConverter;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealId;
import org.salespipeline.core.DealSource;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.Money;
import org.salespipeline.core.PipelineId;
import org.salespipeline.core.ProgressListener;
import org.salespipeline.core.UserId;
import org.salespipeline.core.ValidationException;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.qualification.QualificationResult;
import org.salespipeline.core.stage.StageOutcome;
import org.salespipeline.forecast.ForecastPeriod;

/**
 * The single pass over the history: folds each deal's events (grouped by deal, in sequence order)
 * into primitive state, and at the end of each deal into counters indexed by stage, owner, period
 * and source (a won deal into columns, whose outcome cells are summed in {@link #finish()}). Holds
 * one deal's events at a time, never the whole history.
 */
final class HistoryFold implements Consumer<DealEvent> {
  // funnel cells per stage
  static final int DIRECT = 0;
  static final int SKIP = 1;
  static final int BACK = 2;
  static final int DROP = 3;
  static final int DROP_VALUE = 4;
  static final int ENTERED = 5;
  static final int FUNNEL_KINDS = 6;
  // outcome cells
  static final int WON = 0;
  static final int LOST = 1;
  static final int DQ = 2;
  static final int WON_VALUE = 3;
  static final int CYCLE_SECONDS = 4;
  static final int CREATED = 5;
  static final int OUTCOME_KINDS = 6;
  // deal status
  static final byte OPEN = 0;
  static final byte S_WON = 1;
  static final byte S_LOST = 2;
  static final byte S_DQ = 3;
  static final int SOURCES = DealSource.values().length;
  static final int HOUR_BUCKETS = 1 << 16;
  private static final long NONE = Long.MIN_VALUE;

  final Layout layout;
  private final Currency currency;
  private final CurrencyConverter converter;
  private final LocalDate rateDate;
  final long nowSec;
  private final long offsetSec;
  final List<ForecastPeriod> periods;
  private final int[] periodStart;
  private final int[] periodEnd;
  final long wfFrom;
  final long wfTo;
  private final int windowStart;
  private final int windowEnd;
  final int listLimit;
  private final ProgressListener progress;

  final Map<UserId, Integer> ownerIndex = new HashMap<>();
  final List<UserId> owners = new ArrayList<>();
  private static final int OWNER_CACHE = 4096;
  private final UserId[] ownerCacheKey = new UserId[OWNER_CACHE];
  private final int[] ownerCacheIdx = new int[OWNER_CACHE];
  private PipelineId lastPipelineKey;
  private int lastPipelineIdx;
  private static final int STAGE_CACHE = 16;
  private int stageCached;
  private int stageNext;
  private static final int PROBES = 8;
  private final String[] stageCacheKey = new String[STAGE_CACHE];
  private final int[] stageCachePipe = new int[STAGE_CACHE];
  private final int[] stageCacheIdx = new int[STAGE_CACHE];

  // Funnel cells per stage (ENTERED, DIRECT, ... by FUNNEL_KINDS), derived in finish() from the
  // move counts below.
  final Columns.Grid funnelAll;
  final Columns.Grid funnelCohort;
  final Columns.Grid funnelOwner;
  final Columns.Grid funnelSource;
  final Columns.Grid funnelMovePeriod;
  // Move counts, one row per cohort / owner / source / period of the move: cell from * K + the
  // local index of the target stage (K = layout.maxStages), where from == to counts the deals
  // created in a stage; then one cell per stage for the value dropped from it (DROP_VALUE). One
  // counter per move and breakdown: the exit's kind and the entry are both derived from it.
  private final int movesPerStage;
  private final int dropValueCell;
  private final Columns.Grid movesCohort;
  private final Columns.Grid movesOwner;
  private final Columns.Grid movesSource;
  private final Columns.Grid movesPeriod;
  final Columns.Grid outAll = new Columns.Grid(1, OUTCOME_KINDS);
  final Columns.Grid outCohort;
  final Columns.Grid outOwner = new Columns.Grid(64, OUTCOME_KINDS);
  final Columns.Grid outPipeline;
  final Columns.Grid outSource = new Columns.Grid(SOURCES, OUTCOME_KINDS);
  final Columns.Grid outClosePeriod;
  final long[] staySum;
  final long[] stayCount;
  final int[][] stayHours;
  final long[] closedFrom;
  final long[] wonFrom;
  final long[] wonValueFrom;
  final long[] wonCycleFrom;

  final Columns.Longs wonAmount = new Columns.Longs();
  final Columns.Longs wonCycle = new Columns.Longs();
  final Columns.Ints wonOwner = new Columns.Ints();
  final Columns.Ints wonCohort = new Columns.Ints();
  final Columns.Ints wonPipeline = new Columns.Ints();
  final Columns.Ints wonSource = new Columns.Ints();
  final Columns.Ints wonClosePeriod = new Columns.Ints();
  final Columns.Ints wonCloseDay = new Columns.Ints();

  final OpenDealTable open = new OpenDealTable();

  final long[] bar = new long[WaterfallStep.values().length];
  final long[] barCount = new long[bar.length];
  final List<List<DealId>> barDeals = new ArrayList<>();
  long forwardMoves;
  long backwardMoves;
  long movedValue;
  final List<DealId> movedDeals = new ArrayList<>();

  long events;
  long deals;

  // ---- the current deal ----
  private DealId dealId;
  private long expectedSequence;
  private boolean created;
  private int pipe;
  private int stage;
  private long stageEntered;
  private int owner;
  private int source;
  private long createdSec;
  private int cohort;
  private long amount;
  private int closeDay;
  private int pushes;
  // Activity instants only matter for deals still open at the end, so the fold keeps references
  // (the created deal and its activity changes) and reads the instants in finishDeal for open
  // deals only, saving two dependent loads (Optional, Instant) per activity event otherwise.
  private Deal createdDeal;
  private Change.ActivityLogged[] activities = new Change.ActivityLogged[16];
  private int activityCount;
  private byte qualification;
  private byte status;
  private long closedSec;
  private long visitedMask;
  private final int[] visitedStage = new int[64];
  private final long[] visitedAt = new long[64];
  private int visitedCount;
  // waterfall snapshots: [from, to]
  private final boolean[] snapTaken = new boolean[2];
  // the instant after which the next snapshot not yet taken is due (wfFrom <= wfTo), so that an
  // event costs one comparison for both
  private long nextSnapshotSec;
  private final boolean[] snapExists = new boolean[2];
  private final byte[] snapStatus = new byte[2];
  private final boolean[] snapIn = new boolean[2];
  private final long[] snapAmount = new long[2];
  private final int[] snapStage = new int[2];

  HistoryFold(
      Layout layout,
      Currency currency,
      CurrencyConverter converter,
      LocalDate rateDate,
      long nowSec,
      long offsetSec,
      List<ForecastPeriod> periods,
      long wfFrom,
      long wfTo,
      ForecastPeriod window,
      int listLimit,
      ProgressListener progress) {
    this.layout = layout;
    this.currency = currency;
    this.converter = converter;
    this.rateDate = rateDate;
    this.nowSec = nowSec;
    this.offsetSec = offsetSec;
    this.periods = periods;
    this.periodStart = new int[periods.size()];
    this.periodEnd = new int[periods.size()];
    for (int i = 0; i < periods.size(); i++) {
      periodStart[i] = periods.get(i).startDay();
      periodEnd[i] = periods.get(i).endDay();
    }
    this.wfFrom = wfFrom;
    this.wfTo = wfTo;
    this.windowStart = window.startDay();
    this.windowEnd = window.endDay();
    this.listLimit = listLimit;
    this.progress = progress;
    int s = layout.stageCount;
    int p = periods.size();
    funnelAll = new Columns.Grid(1, s * FUNNEL_KINDS);
    funnelCohort = new Columns.Grid(p, s * FUNNEL_KINDS);
    funnelOwner = new Columns.Grid(64, s * FUNNEL_KINDS);
    funnelSource = new Columns.Grid(SOURCES, s * FUNNEL_KINDS);
    funnelMovePeriod = new Columns.Grid(p, s * FUNNEL_KINDS);
    movesPerStage = layout.maxStages;
    dropValueCell = s * movesPerStage;
    int moveWidth = dropValueCell + s;
    movesCohort = new Columns.Grid(p, moveWidth);
    movesOwner = new Columns.Grid(64, moveWidth);
    movesSource = new Columns.Grid(SOURCES, moveWidth);
    movesPeriod = new Columns.Grid(p, moveWidth);
    outCohort = new Columns.Grid(p, OUTCOME_KINDS);
    outPipeline = new Columns.Grid(layout.pipelines.size(), OUTCOME_KINDS);
    outClosePeriod = new Columns.Grid(p, OUTCOME_KINDS);
    staySum = new long[s];
    stayCount = new long[s];
    stayHours = new int[s][];
    for (int g = 0; g < s; g++) {
      if (layout.isOpen(g)) {
        stayHours[g] = new int[HOUR_BUCKETS];
      }
    }
    closedFrom = new long[s];
    wonFrom = new long[s];
    wonValueFrom = new long[s];
    wonCycleFrom = new long[s];
    for (int i = 0; i < bar.length; i++) {
      barDeals.add(new ArrayList<>());
    }
  }

  /**
   * The owner's index. Histories usually share a few owner instances, so a small open-addressing
   * identity cache answers most lookups without hashing the id (the map stays authoritative for
   * equal but distinct instances). A lookup probes up to {@value #PROBES} slots, so that a few
   * hundred owners do not evict each other; when all are taken the home slot is replaced.
   */
  int owner(UserId user) {
    int home = System.identityHashCode(user);
    for (int k = 0; k < PROBES; k++) {
      int slot = (home + k) & (OWNER_CACHE - 1);
      UserId cached = ownerCacheKey[slot];
      if (cached == user) {
        return ownerCacheIdx[slot];
      }
      if (cached == null) {
        return ownerMiss(user, slot);
      }
    }
    return ownerMiss(user, home & (OWNER_CACHE - 1));
  }

  private int ownerMiss(UserId user, int slot) {
    Integer i = ownerIndex.get(user);
    if (i == null) {
      i = owners.size();
      ownerIndex.put(user, i);
      owners.add(user);
      movesOwner.ensureRows(i + 1);
      outOwner.ensureRows(i + 1);
    }
    ownerCacheKey[slot] = user;
    ownerCacheIdx[slot] = i;
    return i;
  }

  /**
   * The global index of a stage key of a pipeline. Histories share a few key instances, so the last
   * {@value #STAGE_CACHE} distinct instances are remembered and compared by identity, a few
   * reference comparisons instead of hashing the string (the layout stays authoritative, and raises
   * the error for unknown keys).
   */
  private int stage(int pipeline, String key) {
    for (int k = 0; k < stageCached; k++) {
      if (stageCacheKey[k] == key && stageCachePipe[k] == pipeline) {
        return stageCacheIdx[k];
      }
    }
    int g = layout.stage(pipeline, key);
    int slot = stageCached < STAGE_CACHE ? stageCached++ : stageNext++ & (STAGE_CACHE - 1);
    stageCacheKey[slot] = key;
    stageCachePipe[slot] = pipeline;
    stageCacheIdx[slot] = g;
    return g;
  }

  /** The pipeline's index, remembering the last instance (deals mostly share one). */
  private int pipeline(PipelineId id) {
    if (id != lastPipelineKey) {
      lastPipelineIdx = layout.pipeline(id);
      lastPipelineKey = id;
    }
    return lastPipelineIdx;
  }

  int day(long epochSecond) {
    return (int) Math.floorDiv(epochSecond + offsetSec, 86_400L);
  }

  private int[] periodTable;
  private int tableStart;

  int period(int epochDay) {
    if (periodTable == null) {
      buildTable();
    }
    if (tableStart == Integer.MAX_VALUE) {
      return search(epochDay);
    }
    int i = epochDay - tableStart;
    return i >= 0 && i < periodTable.length ? periodTable[i] : -1;
  }

  private void buildTable() {
    if (periodStart.length == 0) {
      periodTable = new int[0];
      return;
    }
    tableStart = periodStart[0];
    int days = periodEnd[periodEnd.length - 1] - tableStart;
    if (days > 100_000) {
      periodTable = new int[0];
      tableStart = Integer.MAX_VALUE;
      return;
    }
    periodTable = new int[days];
    for (int d = 0; d < days; d++) {
      periodTable[d] = search(tableStart + d);
    }
  }

  private int search(int epochDay) {
    int lo = 0;
    int hi = periodStart.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (epochDay < periodStart[mid]) {
        hi = mid - 1;
      } else if (epochDay >= periodEnd[mid]) {
        lo = mid + 1;
      } else {
        return mid;
      }
    }
    return -1;
  }

  private long minor(Money money) {
    if (money.currency() == currency) {
      // Money normalises its scale to the currency's digits, so this only moves the point:
      // no BigInteger is allocated, unlike BigDecimal.unscaledValue()
      return money.toMinorUnits();
    }
    return converter.convert(money, currency, rateDate).toMinorUnits();
  }

  /**
   * Folds one event. Kept small (the header checks and the most common change, an activity, here;
   * every other change in {@link #apply}) so that the JIT can inline it into the read loop.
   */
  @Override
  public void accept(DealEvent e) {
    DealId id = e.dealId();
    if (id != dealId && !id.equals(dealId)) {
      nextDeal(id);
    }
    long seq = e.sequence();
    if (seq != expectedSequence) {
      throw outOfOrder(id, seq);
    }
    expectedSequence = seq + 1;
    if ((++events & 0xFFFFF) == 0) {
      progress.progress(events, -1);
    }
    long sec = e.at().getEpochSecond();
    if (sec > nextSnapshotSec) {
      snapshotsBefore(sec);
    }
    Change change = e.change();
    if (sec > nowSec) {
      if (seq == 1 && !(change instanceof Change.Created)) {
        throw mustStartWithCreated(id);
      }
      return;
    }
    if (change instanceof Change.ActivityLogged a) {
      addActivity(a);
    } else {
      apply(id, seq, change, sec);
    }
    if (seq == 1 && !created) {
      throw mustStartWithCreated(id);
    }
  }

  private void nextDeal(DealId id) {
    finishDeal();
    startDeal(id);
  }

  private ValidationException outOfOrder(DealId id, long seq) {
    return new ValidationException(
        FieldProblem.of(
            "events",
            id + " #" + seq,
            "must arrive grouped by deal in sequence order; expected #" + expectedSequence));
  }

  /** Folds a change other than an activity, at or before the analysis instant. */
  private void apply(DealId id, long seq, Change change, long sec) {
    if (change instanceof Change.StageChanged s) {
      requireCreated(id);
      moveTo(stage(pipe, s.to()), sec);
    } else if (change instanceof Change.Created c) {
      if (seq != 1) {
        throw new ValidationException(
            FieldProblem.of("events", id + " #" + seq, "creates the deal twice"));
      }
      create(c.deal(), sec);
    } else if (change instanceof Change.CloseDateChanged c) {
      requireCreated(id);
      closeDay = (int) c.to().toEpochDay();
      pushes = c.pushCount();
    } else if (change instanceof Change.AmountChanged a) {
      requireCreated(id);
      amount = minor(a.to());
    } else if (change instanceof Change.OwnerChanged o) {
      requireCreated(id);
      owner = owner(o.to());
    } else if (change instanceof Change.QualificationRecorded q) {
      qualification = q.result().isQualified() ? (byte) 2 : (byte) 1;
    } else if (change instanceof Change.Won) {
      status = S_WON;
      closedSec = sec;
    } else if (change instanceof Change.Lost) {
      status = S_LOST;
      closedSec = sec;
    } else if (change instanceof Change.Disqualified) {
      status = S_DQ;
      closedSec = sec;
    } else if (change instanceof Change.Reopened) {
      status = OPEN;
      closedSec = NONE;
    } else if (change instanceof Change.DetailsChanged d && d.fields().contains("source")) {
      source = d.deal().source().ordinal();
    }
  }

  /** Remembers the activity; its instants are read in finishDeal if the deal ends open. */
  private void addActivity(Change.ActivityLogged a) {
    if (activityCount == activities.length) {
      activities = Arrays.copyOf(activities, activityCount * 2);
    }
    activities[activityCount++] = a;
  }

  private static ValidationException mustStartWithCreated(DealId id) {
    return new ValidationException(
        FieldProblem.of("events", id + " #1", "a deal's history must start with Created"));
  }

  private void requireCreated(DealId id) {
    if (!created) {
      throw mustStartWithCreated(id);
    }
  }

  private void startDeal(DealId id) {
    dealId = id;
    expectedSequence = 1;
    created = false;
    visitedMask = 0;
    visitedCount = 0;
    clearActivities();
    snapTaken[0] = false;
    snapTaken[1] = false;
    nextSnapshotSec = wfFrom;
  }

  /**
   * Forgets the remembered activities. The stale references are not cleared: nulling them cost
   * about 4% of the pass, and they pin at most one deal's changes, which the caller holds anyway.
   */
  private void clearActivities() {
    activityCount = 0;
  }

  // create() is split into small pieces so that each inlines within the JIT's budget
  private void create(Deal d, long sec) {
    created = true;
    deals++;
    createdDeal = d;
    clearActivities();
    createdSec = sec;
    cohort = period(day(sec));
    createKeys(d);
    createValues(d);
    status = (byte) d.status().ordinal();
    closedSec = status == OPEN ? NONE : sec;
    stage = stage(pipe, d.stage());
    stageEntered = sec;
    // the creation is the deal's first move, in its cohort's period
    enter(stage, sec, cohort);
  }

  private void createKeys(Deal d) {
    pipe = pipeline(d.pipeline());
    owner = owner(d.owner());
    source = d.source().ordinal();
  }

  private void createValues(Deal d) {
    amount = minor(d.amount());
    closeDay = (int) d.expectedCloseDate().toEpochDay();
    pushes = d.closeDatePushCount();
    Optional<QualificationResult> q = d.qualification();
    qualification = q.isEmpty() ? 0 : q.get().isQualified() ? (byte) 2 : 1;
  }

  /** The latest activity of the current deal (created value or logged), or NONE. */
  private long lastActivity() {
    long last = seconds(createdDeal.lastActivityAt());
    for (int i = 0; i < activityCount; i++) {
      Optional<Instant> at = activities[i].occurredAt();
      if (at.isPresent()) {
        last = Math.max(last, at.get().getEpochSecond());
      }
    }
    return last;
  }

  /** The latest follow-up due of the current deal (created value or logged), or NONE. */
  private long followUp() {
    long due = seconds(createdDeal.followUpDueAt());
    for (int i = 0; i < activityCount; i++) {
      Optional<Instant> at = activities[i].dueAt();
      if (at.isPresent()) {
        due = Math.max(due, at.get().getEpochSecond());
      }
    }
    return due;
  }

  private static long seconds(Optional<Instant> at) {
    return at.isPresent() ? at.get().getEpochSecond() : NONE;
  }

  private void enter(int g, long sec, int mp) {
    int pos = layout.position[g];
    if (layout.isOpen(g)) {
      count(g * movesPerStage + layout.local[g], 1, mp);
      visit(g, pos, sec);
    }
  }

  private void visit(int g, int pos, long sec) {
    if (pos < 64 && (visitedMask & (1L << pos)) == 0) {
      visitedMask |= 1L << pos;
      visitedStage[visitedCount] = g;
      visitedAt[visitedCount++] = sec;
    }
  }

  private void moveTo(int to, long sec) {
    int from = stage;
    if (from == to) {
      return;
    }
    int mp = period(day(sec));
    if (layout.isOpen(from)) {
      long stay = Math.max(0, sec - stageEntered);
      staySum[from] += stay;
      stayCount[from]++;
      stayHours[from][(int) Math.min(stay / 3600, HOUR_BUCKETS - 1)]++;
      if (layout.position[to] < 0) {
        count(dropValueCell + from, amount, mp);
      }
    }
    // the one counter of this move: the exit's kind and the entry are derived from it in finish()
    count(from * movesPerStage + layout.local[to], 1, mp);
    stage = to;
    stageEntered = sec;
    if (layout.isOpen(to)) {
      visit(to, layout.position[to], sec);
    }
  }

  /** Counts into every breakdown of the moves; {@code mp} is the period of the move (or -1). */
  private void count(int cell, long v, int mp) {
    if (cohort >= 0) {
      movesCohort.add(cohort, cell, v);
    }
    movesOwner.add(owner, cell, v);
    movesSource.add(source, cell, v);
    if (mp >= 0) {
      movesPeriod.add(mp, cell, v);
    }
  }

  /**
   * Turns move counts into funnel cells: for each open stage, the deals that entered it (created in
   * it or moved into it from any stage) and those that left it directly to the next stage, skipping
   * ahead, back, or out (lost or disqualified), with the value dropped.
   */
  private void deriveFunnel(Columns.Grid moves, Columns.Grid funnel, int rows) {
    funnel.ensureRows(rows);
    int k = movesPerStage;
    for (int r = 0; r < rows; r++) {
      for (int g = 0; g < layout.stageCount; g++) {
        if (!layout.isOpen(g)) {
          continue;
        }
        int pipeline = layout.pipelineOf[g];
        int first = layout.first[pipeline];
        int pos = layout.position[g];
        int cell = g * FUNNEL_KINDS;
        long entered = 0;
        for (int l = 0; l < layout.size[pipeline]; l++) {
          int other = first + l;
          // moves into g from another stage, and (other == g) deals created in g
          entered += moves.get(r, other * k + layout.local[g]);
          if (other == g) {
            continue;
          }
          long out = moves.get(r, g * k + l);
          if (out != 0) {
            int toPos = layout.position[other];
            int kind = toPos == pos + 1 ? DIRECT : toPos > pos ? SKIP : toPos >= 0 ? BACK : DROP;
            funnel.add(r, cell + kind, out);
          }
        }
        funnel.add(r, cell + ENTERED, entered);
        funnel.add(r, cell + DROP_VALUE, moves.get(r, dropValueCell + g));
      }
    }
  }

  private boolean inWindow(int epochDay) {
    return epochDay >= windowStart && epochDay < windowEnd;
  }

  /** Takes the snapshots due before an event at {@code sec}, in the deal's state before it. */
  private void snapshotsBefore(long sec) {
    if (sec > wfFrom && !snapTaken[0]) {
      snapshot(0);
    }
    if (sec > wfTo && !snapTaken[1]) {
      snapshot(1);
    }
    nextSnapshotSec = !snapTaken[0] ? wfFrom : !snapTaken[1] ? wfTo : Long.MAX_VALUE;
  }

  private void snapshot(int i) {
    snapTaken[i] = true;
    snapExists[i] = created;
    if (created) {
      snapStatus[i] = status;
      snapIn[i] = status == OPEN && inWindow(closeDay);
      snapAmount[i] = amount;
      snapStage[i] = stage;
    } else {
      snapIn[i] = false;
    }
  }

  /** Ends the last deal; call once after the last event. */
  void finish() {
    finishDeal();
    dealId = null;
    deriveFunnel(movesCohort, funnelCohort, periods.size());
    deriveFunnel(movesOwner, funnelOwner, owners.size());
    deriveFunnel(movesSource, funnelSource, SOURCES);
    deriveFunnel(movesPeriod, funnelMovePeriod, periods.size());
    sumWonOutcomes();
    // every count goes to its owner's row too, so the overall rows are the owner rows' sums
    sumRows(funnelOwner, funnelAll);
    sumRows(outOwner, outAll);
  }

  /** Adds each won deal's count, value and cycle to the outcome cells of its breakdowns. */
  private void sumWonOutcomes() {
    for (int r = 0; r < wonAmount.size; r++) {
      long value = wonAmount.a[r];
      long cycle = wonCycle.a[r];
      wonOutcome(outOwner, wonOwner.a[r], value, cycle);
      wonOutcome(outPipeline, wonPipeline.a[r], value, cycle);
      wonOutcome(outSource, wonSource.a[r], value, cycle);
      wonOutcome(outCohort, wonCohort.a[r], value, cycle);
      wonOutcome(outClosePeriod, wonClosePeriod.a[r], value, cycle);
    }
  }

  private static void wonOutcome(Columns.Grid grid, int row, long value, long cycle) {
    if (row >= 0) {
      grid.add(row, WON, 1);
      grid.add(row, WON_VALUE, value);
      grid.add(row, CYCLE_SECONDS, cycle);
    }
  }

  private void sumRows(Columns.Grid byOwner, Columns.Grid all) {
    for (int o = 0; o < owners.size(); o++) {
      for (int c = 0; c < all.width; c++) {
        all.add(0, c, byOwner.get(o, c));
      }
    }
  }

  private void finishDeal() {
    if (dealId == null || !created) {
      return;
    }
    if (!snapTaken[0]) {
      snapshot(0);
    }
    if (!snapTaken[1]) {
      snapshot(1);
    }
    waterfall();
    outcome(CREATED, 1);
    if (status == OPEN) {
      open.add(
          dealId,
          pipe,
          stage,
          owner,
          amount,
          closeDay,
          pushes,
          stageEntered,
          lastActivity(),
          followUp(),
          qualification,
          createdSec);
      return;
    }
    int closeDayOf = day(closedSec);
    int closePeriod = period(closeDayOf);
    if (status == S_WON) {
      // a won deal's outcome cells (WON, WON_VALUE, CYCLE_SECONDS) are summed from these
      // columns in finish(): the same additions, made in one tight loop over the columns rather
      // than here in the branchy per-deal code (measured slightly faster)
      long cycle = Math.max(0, closedSec - createdSec);
      wonAmount.add(amount);
      wonCycle.add(cycle);
      wonOwner.add(owner);
      wonCohort.add(cohort);
      wonPipeline.add(pipe);
      wonSource.add(source);
      wonClosePeriod.add(closePeriod);
      wonCloseDay.add(closeDayOf);
    } else {
      int kind = status == S_LOST ? LOST : DQ;
      outcome(kind, 1);
      if (closePeriod >= 0) {
        outClosePeriod.add(closePeriod, kind, 1);
      }
    }
    if (status != S_DQ) {
      for (int i = 0; i < visitedCount; i++) {
        int g = visitedStage[i];
        closedFrom[g]++;
        if (status == S_WON) {
          wonFrom[g]++;
          wonValueFrom[g] += amount;
          wonCycleFrom[g] += Math.max(0, closedSec - visitedAt[i]);
        }
      }
    }
  }

  private void outcome(int kind, long v) {
    if (cohort >= 0) {
      outCohort.add(cohort, kind, v);
    }
    outOwner.add(owner, kind, v);
    outPipeline.add(pipe, kind, v);
    outSource.add(source, kind, v);
  }

  private void waterfall() {
    boolean inF = snapIn[0];
    boolean inT = snapIn[1];
    long amtF = snapAmount[0];
    long amtT = snapAmount[1];
    if (inF) {
      addBar(WaterfallStep.START, amtF);
    }
    if (inT) {
      addBar(WaterfallStep.END, amtT);
    }
    boolean openAtFrom = snapExists[0] && snapStatus[0] == OPEN;
    if (inF) {
      amountChange(amtT - amtF);
      if (!inT) {
        addBar(outflow(), amtT);
      }
    } else if (inT) {
      addBar(openAtFrom ? WaterfallStep.PULLED_IN : WaterfallStep.NEW, amtT);
    } else if (snapExists[1]
        && snapStatus[1] != OPEN
        && closedSec > wfFrom
        && closedSec <= wfTo
        && inWindow(day(closedSec))) {
      addBar(openAtFrom ? WaterfallStep.PULLED_IN : WaterfallStep.NEW, amtT);
      addBar(outflow(), amtT);
    }
    if ((inF || inT) && openAtFrom && snapStage[0] != snapStage[1]) {
      int a = layout.position[snapStage[0]];
      int b = layout.position[snapStage[1]];
      if (b > a) {
        forwardMoves++;
      } else if (b >= 0) {
        backwardMoves++;
      } else {
        return;
      }
      movedValue += amtT;
      if (movedDeals.size() < listLimit) {
        movedDeals.add(dealId);
      }
    }
  }

  private WaterfallStep outflow() {
    byte s = snapStatus[1];
    return s == S_WON
        ? WaterfallStep.WON
        : s == OPEN ? WaterfallStep.PUSHED_OUT : WaterfallStep.LOST;
  }

  private void amountChange(long delta) {
    if (delta > 0) {
      addBar(WaterfallStep.AMOUNT_UP, delta);
    } else if (delta < 0) {
      addBar(WaterfallStep.AMOUNT_DOWN, -delta);
    }
  }

  private void addBar(WaterfallStep step, long value) {
    int i = step.ordinal();
    bar[i] += value;
    barCount[i]++;
    List<DealId> list = barDeals.get(i);
    if (list.size() < listLimit) {
      list.add(dealId);
    }
  }

  StageOutcome outcomeOf(int g) {
    return layout.outcome[g];
  }
}
