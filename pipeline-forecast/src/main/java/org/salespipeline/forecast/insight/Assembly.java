package org.salespipeline.forecast.insight;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.RandomAccess;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntToLongFunction;
import org.salespipeline.core.DealId;
import org.salespipeline.core.DealSource;
import org.salespipeline.core.PipelineId;
import org.salespipeline.core.Quota;
import org.salespipeline.core.Team;
import org.salespipeline.core.TeamId;
import org.salespipeline.core.UserId;
import org.salespipeline.forecast.ForecastPeriod;

/** Turns the fold's counters and columns into the report; sweeps the open deals a few times. */
final class Assembly {
  private static final long NONE = Long.MIN_VALUE;
  private static final int PRIOR_WEIGHT = 5;
  private static final int MIN_CLOSES = 10;
  private static final byte STUCK = 1;
  private static final byte IDLE = 2;
  private static final byte OVERDUE = 4;

  private final PipelineInsight config;
  private final HistoryFold f;
  private final Layout layout;
  private final OpenDealTable open;
  private final Instant now;
  private final long nowSec;
  private final int today;
  private final int current;
  private final Instant wfFrom;
  private final Instant wfTo;
  private final ForecastPeriod window;
  private final int stages;
  private final long[] medianSec;
  private final long[] p90Sec;
  private final double[] stageProbability;
  private byte[] flags;

  Assembly(
      PipelineInsight config,
      HistoryFold fold,
      Instant now,
      LocalDate today,
      int current,
      Instant wfFrom,
      Instant wfTo,
      ForecastPeriod window) {
    this.config = config;
    this.f = fold;
    this.layout = fold.layout;
    this.open = fold.open;
    this.now = now;
    this.nowSec = now.getEpochSecond();
    this.today = (int) today.toEpochDay();
    this.current = current;
    this.wfFrom = wfFrom;
    this.wfTo = wfTo;
    this.window = window;
    this.stages = layout.stageCount;
    medianSec = new long[stages];
    p90Sec = new long[stages];
    stageProbability = new double[stages];
    for (int g = 0; g < stages; g++) {
      if (layout.isOpen(g) && f.stayCount[g] > 0) {
        medianSec[g] = quantileHours(f.stayHours[g], f.stayCount[g], 0.5) * 3600;
        p90Sec[g] = quantileHours(f.stayHours[g], f.stayCount[g], 0.9) * 3600;
      }
      stageProbability[g] =
          (f.wonFrom[g] + PRIOR_WEIGHT * layout.defaultProbability[g])
              / (f.closedFrom[g] + PRIOR_WEIGHT);
    }
  }

  int openCount() {
    return open.size;
  }

  private static long quantileHours(int[] hist, long n, double q) {
    long rank = Math.max(1, (long) Math.ceil(q * n));
    long cum = 0;
    for (int h = 0; h < hist.length; h++) {
      cum += hist[h];
      if (cum >= rank) {
        return h;
      }
    }
    return hist.length - 1;
  }

  InsightReport report() {
    sweepFlags();
    Funnel funnel = funnel();
    OutcomeBreakdown outcomes = outcomes();
    List<StageTime> times = new ArrayList<>();
    long[] stuckCount = new long[stages];
    long[] stuckValue = new long[stages];
    List<List<DealId>> stuckIds = new ArrayList<>();
    for (int g = 0; g < stages; g++) {
      stuckIds.add(new ArrayList<>());
    }
    long[] openCount = new long[stages];
    long[] openValue = new long[stages];
    long[] ageSum = new long[stages];
    long[] beyondMedian = new long[stages];
    long[] beyondP90 = new long[stages];
    int owners = f.owners.size();
    long[] ownerOpen = new long[owners];
    long[] ownerValue = new long[owners];
    double[] ownerWeighted = new double[owners];
    long[] ownerOverdue = new long[owners];
    long[] ownerIdle = new long[owners];
    long[] ownerStuck = new long[owners];
    double[] ownerMaxEv = new double[owners];
    long[] pushHistogram = new long[64];
    long idle = 0;
    long stuck = 0;
    double weighted = 0;
    long openTotal = 0;
    Columns.Ints stuckRows = new Columns.Ints();
    Columns.Ints idleRows = new Columns.Ints();
    Columns.Ints pushedRows = new Columns.Ints();
    for (int r = 0; r < open.size; r++) {
      int g = open.stage.a[r];
      int o = open.owner.a[r];
      long amount = open.amount.a[r];
      long age = nowSec - open.stageEntered.a[r];
      openCount[g]++;
      openValue[g] += amount;
      ageSum[g] += age;
      if (f.stayCount[g] > 0 && age > medianSec[g]) {
        beyondMedian[g]++;
      }
      if (f.stayCount[g] > 0 && age > p90Sec[g]) {
        beyondP90[g]++;
      }
      double ev = amount * stageProbability[g];
      weighted += ev;
      openTotal += amount;
      ownerOpen[o]++;
      ownerValue[o] += amount;
      ownerWeighted[o] += ev;
      ownerMaxEv[o] = Math.max(ownerMaxEv[o], ev);
      int pc = open.pushes.a[r];
      if (pc >= pushHistogram.length) {
        pushHistogram = Arrays.copyOf(pushHistogram, pc * 2);
      }
      pushHistogram[pc]++;
      if (open.pushes.a[r] > 0) {
        pushedRows.add(r);
      }
      byte fl = flags[r];
      if ((fl & STUCK) != 0) {
        stuck++;
        ownerStuck[o]++;
        stuckCount[g]++;
        stuckValue[g] += amount;
        stuckRows.add(r);
        if (stuckIds.get(g).size() < config.listLimit) {
          stuckIds.get(g).add(open.id(r));
        }
      }
      if ((fl & IDLE) != 0) {
        idle++;
        ownerIdle[o]++;
        idleRows.add(r);
      }
      if ((fl & OVERDUE) != 0) {
        ownerOverdue[o]++;
      }
    }
    for (int g = 0; g < stages; g++) {
      if (!layout.isOpen(g)) {
        continue;
      }
      long n = f.stayCount[g];
      times.add(
          new StageTime(
              layout.pipelineId(g),
              layout.key[g],
              n,
              Duration.ofSeconds(n == 0 ? 0 : f.staySum[g] / n),
              Duration.ofSeconds(medianSec[g]),
              Duration.ofSeconds(p90Sec[g]),
              openCount[g],
              openValue[g],
              Duration.ofSeconds(openCount[g] == 0 ? 0 : ageSum[g] / openCount[g]),
              beyondMedian[g],
              beyondP90[g]));
    }
    TreeMap<Integer, Long> pushes = new TreeMap<>();
    for (int i = 0; i < pushHistogram.length; i++) {
      if (pushHistogram[i] > 0) {
        pushes.put(i, pushHistogram[i]);
      }
    }
    List<Bottleneck> bottlenecks = bottlenecks(stuckCount, stuckValue, stuckIds);
    SalesVelocity velocity = velocity(outcomes, openCount, ownerOpen);
    List<QuotaCoverage> coverage = new ArrayList<>();
    double[] healthQuota = coverage(outcomes, coverage);
    Map<UserId, List<WorkItem>> work = workLists(ownerMaxEv);
    List<OwnerLoad> loads = new ArrayList<>();
    for (int o = 0; o < owners; o++) {
      if (ownerOpen[o] > 0) {
        loads.add(
            new OwnerLoad(
                f.owners.get(o),
                ownerOpen[o],
                ownerValue[o],
                ownerWeighted[o],
                ownerOverdue[o],
                ownerIdle[o],
                ownerStuck[o]));
      }
    }
    loads.sort(
        Comparator.comparingLong(OwnerLoad::openDeals).reversed().thenComparing(OwnerLoad::owner));
    List<SuggestedMove> moves = moves(ownerOpen, ownerIdle, ownerStuck, outcomes);
    List<String> falling = new ArrayList<>();
    for (Bottleneck b : bottlenecks) {
      if (b.conversionFalling()) {
        falling.add(b.stage());
      }
    }
    Set<HealthFlag> healthFlags = EnumSet.noneOf(HealthFlag.class);
    OptionalDouble cov = OptionalDouble.empty();
    if (healthQuota[0] > 0) {
      cov = OptionalDouble.of(healthQuota[2] / healthQuota[1]);
      if (cov.getAsDouble() < config.coverageTarget) {
        healthFlags.add(HealthFlag.COVERAGE_BELOW_TARGET);
      }
      if (healthQuota[3] + healthQuota[4] < healthQuota[0]) {
        healthFlags.add(HealthFlag.FORECAST_AT_RISK);
      }
    }
    if (!falling.isEmpty()) {
      healthFlags.add(HealthFlag.FALLING_CONVERSION);
    }
    double idleShare = open.size == 0 ? 0 : (double) idle / open.size;
    if (idleShare > config.idleAlertShare) {
      healthFlags.add(HealthFlag.MANY_IDLE_DEALS);
    }
    ForecastPeriod cur = f.periods.get(current);
    HealthSummary health =
        new HealthSummary(
            now,
            cur.start() + ".." + cur.end(),
            open.size,
            openTotal,
            weighted,
            outcomes.overall().winRate(),
            cov,
            config.coverageTarget,
            idleShare,
            open.size == 0 ? 0 : (double) stuck / open.size,
            velocity.overall().perDay(),
            List.copyOf(falling),
            Collections.unmodifiableSet(healthFlags));
    return new InsightReport(
        this,
        config.currency,
        f.deals,
        f.events,
        funnel,
        outcomes,
        List.copyOf(times),
        top(
            stuckRows,
            r -> Double.doubleToLongBits((nowSec - open.stageEntered.a[r]) / threshold(r))),
        top(idleRows, r -> -engagedAt(r)),
        Collections.unmodifiableSortedMap(pushes),
        top(pushedRows, r -> open.pushes.a[r]),
        bottlenecks,
        velocity,
        List.copyOf(coverage),
        waterfall(),
        work,
        List.copyOf(loads),
        moves,
        health);
  }

  private long engagedAt(int r) {
    return Math.max(open.lastActivity.a[r], open.stageEntered.a[r]);
  }

  private double threshold(int r) {
    int g = open.stage.a[r];
    long t = f.stayCount[g] > 0 ? p90Sec[g] : layout.idleSeconds[g];
    return Math.max(1, t);
  }

  private void sweepFlags() {
    flags = new byte[open.size];
    for (int r = 0; r < open.size; r++) {
      int g = open.stage.a[r];
      long age = nowSec - open.stageEntered.a[r];
      long idleSec = layout.idleSeconds[g];
      byte fl = 0;
      if ((f.stayCount[g] > 0 && age > p90Sec[g]) || (idleSec > 0 && age > idleSec)) {
        fl |= STUCK;
      }
      if (idleSec > 0 && nowSec - engagedAt(r) > idleSec && !(open.followUp.a[r] > nowSec)) {
        fl |= IDLE;
      }
      long due = open.followUp.a[r];
      if (due != NONE && due <= nowSec && open.lastActivity.a[r] < due) {
        fl |= OVERDUE;
      }
      flags[r] = fl;
    }
  }

  OpenDealStatus status(int r) {
    int g = open.stage.a[r];
    long idleSec = layout.idleSeconds[g];
    return new OpenDealStatus(
        open.id(r),
        f.owners.get(open.owner.a[r]),
        layout.pipelineId(g),
        layout.key[g],
        open.amount.a[r],
        LocalDate.ofEpochDay(open.closeDay.a[r]),
        open.pushes.a[r],
        Duration.ofSeconds(nowSec - open.stageEntered.a[r]),
        Duration.ofSeconds(medianSec[g]),
        Duration.ofSeconds(p90Sec[g]),
        idleSec > 0 ? Optional.of(Duration.ofSeconds(idleSec)) : Optional.empty(),
        Duration.ofSeconds(nowSec - engagedAt(r)),
        (flags[r] & STUCK) != 0,
        (flags[r] & IDLE) != 0,
        (flags[r] & OVERDUE) != 0,
        open.qualification.a[r] == 2);
  }

  Optional<OpenDealStatus> status(DealId id) {
    int r = open.find(id);
    return r < 0 ? Optional.empty() : Optional.of(status(r));
  }

  /**
   * The rows with the largest keys (at most the list limit), largest first, ties in row order;
   * selects before sorting so that only the kept rows are sorted.
   */
  private List<OpenDealStatus> top(Columns.Ints rows, IntToLongFunction key) {
    int n = rows.size;
    int limit = config.listLimit;
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
    private final Assembly source;
    private final int[] rows;

    StatusList(Assembly source, int[] rows) {
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

  // ---- funnel and outcomes ----

  private List<StageConversion> conversions(Columns.Grid grid, int row, int pipeline) {
    List<StageConversion> out = new ArrayList<>();
    for (int g = 0; g < stages; g++) {
      if (!layout.isOpen(g) || (pipeline >= 0 && layout.pipelineOf[g] != pipeline)) {
        continue;
      }
      int c = g * HistoryFold.FUNNEL_KINDS;
      out.add(
          new StageConversion(
              layout.pipelineId(g),
              layout.key[g],
              grid.get(row, c + HistoryFold.ENTERED),
              grid.get(row, c + HistoryFold.DIRECT),
              grid.get(row, c + HistoryFold.SKIP),
              grid.get(row, c + HistoryFold.BACK),
              grid.get(row, c + HistoryFold.DROP),
              grid.get(row, c + HistoryFold.DROP_VALUE)));
    }
    return List.copyOf(out);
  }

  private Funnel funnel() {
    Map<ForecastPeriod, List<StageConversion>> cohorts = new LinkedHashMap<>();
    for (int p = 0; p < f.periods.size(); p++) {
      cohorts.put(f.periods.get(p), conversions(f.funnelCohort, p, -1));
    }
    Map<UserId, List<StageConversion>> owners = new LinkedHashMap<>();
    for (int o = 0; o < f.owners.size(); o++) {
      owners.put(f.owners.get(o), conversions(f.funnelOwner, o, -1));
    }
    Map<PipelineId, List<StageConversion>> pipelines = new LinkedHashMap<>();
    for (int p = 0; p < layout.pipelines.size(); p++) {
      pipelines.put(layout.pipelines.get(p).id(), conversions(f.funnelAll, 0, p));
    }
    Map<DealSource, List<StageConversion>> sources = new EnumMap<>(DealSource.class);
    for (DealSource s : DealSource.values()) {
      sources.put(s, conversions(f.funnelSource, s.ordinal(), -1));
    }
    return new Funnel(
        conversions(f.funnelAll, 0, -1),
        Collections.unmodifiableMap(cohorts),
        Collections.unmodifiableMap(owners),
        Collections.unmodifiableMap(pipelines),
        Collections.unmodifiableMap(sources));
  }

  private static Outcomes outcome(Columns.Grid g, int row, double medianSize, double medianCycle) {
    long won = g.get(row, HistoryFold.WON);
    long value = g.get(row, HistoryFold.WON_VALUE);
    long cycle = g.get(row, HistoryFold.CYCLE_SECONDS);
    return new Outcomes(
        g.get(row, HistoryFold.CREATED),
        won,
        g.get(row, HistoryFold.LOST),
        g.get(row, HistoryFold.DQ),
        value,
        won == 0 ? 0 : (double) value / won,
        medianSize,
        won == 0 ? 0 : cycle / 86_400.0 / won,
        medianCycle);
  }

  private OutcomeBreakdown outcomes() {
    int n = f.wonAmount.size;
    long[] amounts = f.wonAmount.a;
    long[] cycles = f.wonCycle.a;
    int periods = f.periods.size();
    int owners = f.owners.size();
    int pipes = layout.pipelines.size();
    int sources = HistoryFold.SOURCES;
    double size = Columns.median(amounts, n);
    double cycle = Columns.median(cycles, n);
    double[] sizeCohort = Columns.groupedMedians(amounts, f.wonCohort.a, n, periods, size);
    double[] cycleCohort = Columns.groupedMedians(cycles, f.wonCohort.a, n, periods, cycle);
    double[] sizeOwner = Columns.groupedMedians(amounts, f.wonOwner.a, n, owners, size);
    double[] cycleOwner = Columns.groupedMedians(cycles, f.wonOwner.a, n, owners, cycle);
    double[] sizePipe = Columns.groupedMedians(amounts, f.wonPipeline.a, n, pipes, size);
    double[] cyclePipe = Columns.groupedMedians(cycles, f.wonPipeline.a, n, pipes, cycle);
    double[] sizeSource = Columns.groupedMedians(amounts, f.wonSource.a, n, sources, size);
    double[] cycleSource = Columns.groupedMedians(cycles, f.wonSource.a, n, sources, cycle);
    Map<ForecastPeriod, Outcomes> byCohort = new LinkedHashMap<>();
    for (int p = 0; p < periods; p++) {
      byCohort.put(
          f.periods.get(p), outcome(f.outCohort, p, sizeCohort[p], cycleCohort[p] / 86_400.0));
    }
    Map<UserId, Outcomes> byOwner = new LinkedHashMap<>();
    for (int o = 0; o < owners; o++) {
      byOwner.put(f.owners.get(o), outcome(f.outOwner, o, sizeOwner[o], cycleOwner[o] / 86_400.0));
    }
    Map<PipelineId, Outcomes> byPipeline = new LinkedHashMap<>();
    for (int p = 0; p < pipes; p++) {
      byPipeline.put(
          layout.pipelines.get(p).id(),
          outcome(f.outPipeline, p, sizePipe[p], cyclePipe[p] / 86_400.0));
    }
    Map<DealSource, Outcomes> bySource = new EnumMap<>(DealSource.class);
    for (DealSource s : DealSource.values()) {
      int i = s.ordinal();
      bySource.put(s, outcome(f.outSource, i, sizeSource[i], cycleSource[i] / 86_400.0));
    }
    return new OutcomeBreakdown(
        outcome(f.outAll, 0, sizeOwner[owners], cycleOwner[owners] / 86_400.0),
        Collections.unmodifiableMap(byCohort),
        Collections.unmodifiableMap(byOwner),
        Collections.unmodifiableMap(byPipeline),
        Collections.unmodifiableMap(bySource));
  }

  // ---- bottlenecks ----

  private long left(Columns.Grid grid, int row, int g) {
    int c = g * HistoryFold.FUNNEL_KINDS;
    return grid.get(row, c + HistoryFold.DIRECT)
        + grid.get(row, c + HistoryFold.SKIP)
        + grid.get(row, c + HistoryFold.BACK)
        + grid.get(row, c + HistoryFold.DROP);
  }

  private long cell(Columns.Grid grid, int row, int g, int kind) {
    return grid.get(row, g * HistoryFold.FUNNEL_KINDS + kind);
  }

  private static double rate(long direct, long left) {
    return left == 0 ? 0 : (double) direct / left;
  }

  private List<Bottleneck> bottlenecks(
      long[] stuckCount, long[] stuckValue, List<List<DealId>> stuckIds) {
    record Candidate(long value, Bottleneck b) {}
    List<Candidate> found = new ArrayList<>();
    int prev = current - 1;
    for (int g = 0; g < stages; g++) {
      if (!layout.isOpen(g)) {
        continue;
      }
      long exits = left(f.funnelMovePeriod, current, g);
      double rateNow = rate(cell(f.funnelMovePeriod, current, g, HistoryFold.DIRECT), exits);
      long prevExits = prev >= 0 ? left(f.funnelMovePeriod, prev, g) : 0;
      OptionalDouble prevRate =
          prevExits == 0
              ? OptionalDouble.empty()
              : OptionalDouble.of(
                  rate(cell(f.funnelMovePeriod, prev, g, HistoryFold.DIRECT), prevExits));
      long allLeft = left(f.funnelAll, 0, g);
      long allDirect = cell(f.funnelAll, 0, g, HistoryFold.DIRECT);
      double overall = rate(allDirect, allLeft);
      List<UserId> low = new ArrayList<>();
      for (int o = 0; o < f.owners.size(); o++) {
        long ol = left(f.funnelOwner, o, g);
        long od = cell(f.funnelOwner, o, g, HistoryFold.DIRECT);
        if (ol >= 5
            && allLeft - ol >= 5
            && rate(od, ol) < rate(allDirect - od, allLeft - ol) - 0.1) {
          low.add(f.owners.get(o));
        }
      }
      long dropped = cell(f.funnelMovePeriod, current, g, HistoryFold.DROP_VALUE);
      boolean falling =
          prevRate.isPresent()
              && exits >= 5
              && prevExits >= 5
              && prevRate.getAsDouble() - rateNow > 0.05;
      List<String> reasons = new ArrayList<>();
      String name = layout.key[g];
      if (falling) {
        reasons.add(
            String.format(
                Locale.ROOT,
                "conversion out of %s fell from %.0f%% to %.0f%% (%d departures against %d)",
                name,
                100 * prevRate.getAsDouble(),
                100 * rateNow,
                exits,
                prevExits));
      }
      if (stuckCount[g] > 0) {
        reasons.add(
            String.format(
                Locale.ROOT,
                "%d deals worth %d are stuck in %s beyond %s",
                stuckCount[g],
                stuckValue[g],
                name,
                f.stayCount[g] > 0
                    ? "its p90 of " + days(p90Sec[g])
                    : "its idle threshold of " + days(layout.idleSeconds[g])));
      }
      if (dropped > 0) {
        reasons.add(
            String.format(
                Locale.ROOT, "%d lost or disqualified from %s this period", dropped, name));
      }
      if (!low.isEmpty()) {
        reasons.add(
            String.format(
                Locale.ROOT,
                "%s convert at least 10 points below their peers in %s (%.0f%% overall)",
                low,
                name,
                100 * overall));
      }
      if (reasons.isEmpty()) {
        continue;
      }
      long atRisk = dropped + stuckValue[g];
      found.add(
          new Candidate(
              atRisk,
              new Bottleneck(
                  0,
                  layout.pipelineId(g),
                  name,
                  atRisk,
                  rateNow,
                  exits,
                  prevRate,
                  overall,
                  falling,
                  List.copyOf(low),
                  Duration.ofSeconds(medianSec[g]),
                  Duration.ofSeconds(p90Sec[g]),
                  stuckCount[g],
                  stuckValue[g],
                  dropped,
                  List.copyOf(reasons),
                  List.copyOf(stuckIds.get(g)))));
    }
    found.sort(
        Comparator.comparingLong(Candidate::value)
            .reversed()
            .thenComparing(c -> !c.b().conversionFalling()));
    List<Bottleneck> out = new ArrayList<>();
    for (Candidate c : found) {
      Bottleneck b = c.b();
      out.add(
          new Bottleneck(
              out.size() + 1,
              b.pipeline(),
              b.stage(),
              b.valueAtRisk(),
              b.conversionRate(),
              b.exits(),
              b.previousConversionRate(),
              b.overallConversionRate(),
              b.conversionFalling(),
              b.lowOwners(),
              b.medianDwell(),
              b.p90Dwell(),
              b.stuckDeals(),
              b.stuckValue(),
              b.droppedValue(),
              b.reasons(),
              b.deals()));
    }
    return List.copyOf(out);
  }

  private static String days(long seconds) {
    return fixed(seconds / 86_400.0, 1) + " days";
  }

  /**
   * {@code v} with {@code decimals} digits after the point, exactly as {@code String.format(
   * Locale.ROOT, "%.<decimals>f", v)} writes it (the shortest decimal that round-trips, rounded
   * half up), but several times faster: work lists format a few numbers per item.
   */
  static String fixed(double v, int decimals) {
    if (!(v > 0)) {
      // zero's sign, negatives rounding to "-0" and NaN: the formatter's own rules
      return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
    if (Double.isInfinite(v)) {
      return "Infinity";
    }
    return new BigDecimal(Double.toString(v))
        .setScale(decimals, RoundingMode.HALF_UP)
        .toPlainString();
  }

  // ---- velocity ----

  private SalesVelocity velocity(OutcomeBreakdown outcomes, long[] stageOpen, long[] ownerOpen) {
    Outcomes all = outcomes.overall();
    Velocity overall =
        Velocity.of(open.size, all.averageDealSize(), all.winRate(), all.averageCycleDays());
    Map<UserId, Velocity> byOwner = new LinkedHashMap<>();
    for (int o = 0; o < f.owners.size(); o++) {
      Outcomes oc = outcomes.byOwner().get(f.owners.get(o));
      byOwner.put(
          f.owners.get(o),
          Velocity.of(ownerOpen[o], oc.averageDealSize(), oc.winRate(), oc.averageCycleDays()));
    }
    List<StageVelocity> byStage = new ArrayList<>();
    for (int g = 0; g < stages; g++) {
      if (!layout.isOpen(g)) {
        continue;
      }
      long won = f.wonFrom[g];
      byStage.add(
          new StageVelocity(
              layout.pipelineId(g),
              layout.key[g],
              Velocity.of(
                  stageOpen[g],
                  won == 0 ? 0 : (double) f.wonValueFrom[g] / won,
                  rate(won, f.closedFrom[g]),
                  won == 0 ? 0 : f.wonCycleFrom[g] / 86_400.0 / won)));
    }
    List<VelocityPoint> trend = new ArrayList<>();
    for (int p = 0; p < f.periods.size(); p++) {
      long won = f.outClosePeriod.get(p, HistoryFold.WON);
      long lost = f.outClosePeriod.get(p, HistoryFold.LOST);
      trend.add(
          new VelocityPoint(
              f.periods.get(p),
              Velocity.of(
                  f.outCohort.get(p, HistoryFold.CREATED),
                  won == 0 ? 0 : (double) f.outClosePeriod.get(p, HistoryFold.WON_VALUE) / won,
                  rate(won, won + lost),
                  won == 0
                      ? 0
                      : f.outClosePeriod.get(p, HistoryFold.CYCLE_SECONDS) / 86_400.0 / won)));
    }
    return new SalesVelocity(
        overall, Collections.unmodifiableMap(byOwner), List.copyOf(byStage), List.copyOf(trend));
  }

  // ---- coverage ----

  /** Fills the coverage list; returns the health totals {quota, remaining, open, won, weighted}. */
  private double[] coverage(OutcomeBreakdown outcomes, List<QuotaCoverage> out) {
    List<Quota> quotas = config.quotas;
    int q = quotas.size();
    Map<TeamId, Team> teams = new HashMap<>();
    Map<TeamId, List<TeamId>> children = new HashMap<>();
    for (Team t : config.teams) {
      teams.put(t.id(), t);
      t.parent().ifPresent(p -> children.computeIfAbsent(p, k -> new ArrayList<>()).add(t.id()));
    }
    List<Set<UserId>> members = new ArrayList<>();
    Map<UserId, List<Integer>> quotasOf = new HashMap<>();
    for (int i = 0; i < q; i++) {
      Quota quota = quotas.get(i);
      Set<UserId> m = new HashSet<>();
      if (quota.owner().isPresent()) {
        m.add(quota.owner().get());
      } else {
        collect(quota.team().get(), teams, children, m, new HashSet<>());
      }
      members.add(m);
      for (UserId u : m) {
        quotasOf.computeIfAbsent(u, k -> new ArrayList<>()).add(i);
      }
    }
    int[][] ownerQuotas = new int[f.owners.size()][];
    for (int o = 0; o < f.owners.size(); o++) {
      List<Integer> l = quotasOf.getOrDefault(f.owners.get(o), List.of());
      ownerQuotas[o] = l.stream().mapToInt(Integer::intValue).toArray();
    }
    int[] start = new int[q];
    int[] end = new int[q];
    for (int i = 0; i < q; i++) {
      start[i] = (int) quotas.get(i).periodStart().toEpochDay();
      end[i] = (int) quotas.get(i).periodEnd().toEpochDay();
    }
    long[] won = new long[q];
    long[] openValue = new long[q];
    double[] weightedOpen = new double[q];
    for (int r = 0; r < f.wonAmount.size; r++) {
      int day = f.wonCloseDay.a[r];
      for (int i : ownerQuotas[f.wonOwner.a[r]]) {
        if (day >= start[i] && day <= end[i]) {
          won[i] += f.wonAmount.a[r];
        }
      }
    }
    for (int r = 0; r < open.size; r++) {
      int day = open.closeDay.a[r];
      for (int i : ownerQuotas[open.owner.a[r]]) {
        if (day >= start[i] && day <= end[i]) {
          openValue[i] += open.amount.a[r];
          weightedOpen[i] += open.amount.a[r] * stageProbability[open.stage.a[r]];
        }
      }
    }
    double overallRate = outcomes.overall().winRate();
    boolean anyOwnerActive = false;
    for (Quota quota : quotas) {
      anyOwnerActive |= quota.owner().isPresent() && active(quota);
    }
    double[] health = new double[5];
    LocalDate rateDate = LocalDate.ofEpochDay(today);
    for (int i = 0; i < q; i++) {
      Quota quota = quotas.get(i);
      long amount = config.toMinor(quota.amount(), rateDate);
      long remaining = Math.max(0, amount - won[i]);
      long wins = 0;
      long losses = 0;
      for (UserId u : members.get(i)) {
        Outcomes oc = outcomes.byOwner().get(u);
        if (oc != null) {
          wins += oc.won();
          losses += oc.lost();
        }
      }
      double winRate = wins + losses >= MIN_CLOSES ? rate(wins, wins + losses) : overallRate;
      long needed = winRate > 0 ? (long) Math.ceil(remaining / winRate) : remaining;
      out.add(
          new QuotaCoverage(
              quota,
              quota.owner().map(UserId::value).orElseGet(() -> quota.team().get().value()),
              amount,
              won[i],
              remaining,
              openValue[i],
              remaining > 0
                  ? OptionalDouble.of((double) openValue[i] / remaining)
                  : OptionalDouble.empty(),
              winRate,
              needed,
              Math.max(0, needed - openValue[i])));
      boolean counts =
          active(quota)
              && (anyOwnerActive
                  ? quota.owner().isPresent()
                  : quota.team().isPresent()
                      && teams.get(quota.team().get()) != null
                      && teams.get(quota.team().get()).parent().isEmpty());
      if (counts && remaining > 0) {
        health[0] += amount;
        health[1] += remaining;
        health[2] += openValue[i];
        health[3] += won[i];
        health[4] += weightedOpen[i];
      }
    }
    return health;
  }

  private boolean active(Quota quota) {
    long s = quota.periodStart().toEpochDay();
    long e = quota.periodEnd().toEpochDay();
    return today >= s && today <= e;
  }

  private static void collect(
      TeamId id,
      Map<TeamId, Team> teams,
      Map<TeamId, List<TeamId>> children,
      Set<UserId> into,
      Set<TeamId> seen) {
    if (!seen.add(id)) {
      return;
    }
    Team t = teams.get(id);
    if (t != null) {
      into.addAll(t.members());
      into.add(t.manager());
    }
    for (TeamId child : children.getOrDefault(id, List.of())) {
      collect(child, teams, children, into, seen);
    }
  }

  // ---- waterfall ----

  private Waterfall waterfall() {
    List<WaterfallBar> bars = new ArrayList<>();
    for (WaterfallStep s : WaterfallStep.values()) {
      int i = s.ordinal();
      bars.add(new WaterfallBar(s, f.bar[i], f.barCount[i], List.copyOf(f.barDeals.get(i))));
    }
    return new Waterfall(
        wfFrom,
        wfTo,
        window,
        List.copyOf(bars),
        f.forwardMoves,
        f.backwardMoves,
        f.movedValue,
        List.copyOf(f.movedDeals));
  }

  // ---- work lists ----

  private Map<UserId, List<WorkItem>> workLists(double[] ownerMaxEv) {
    int owners = f.owners.size();
    int n = config.workListSize;
    double[][] best = new double[owners][];
    int[][] rows = new int[owners][];
    int[] fill = new int[owners];
    // the position of each full list's smallest score (the first of equal ones), kept current so
    // that a deal that does not make the list costs one comparison
    int[] min = new int[owners];
    int periodEnd = f.periods.get(current).endDay();
    for (int r = 0; r < open.size; r++) {
      int o = open.owner.a[r];
      double score = scoreOnly(r, ownerMaxEv[o], periodEnd);
      if (best[o] == null) {
        best[o] = new double[n];
        rows[o] = new int[n];
      }
      if (fill[o] < n) {
        best[o][fill[o]] = score;
        rows[o][fill[o]++] = r;
        if (fill[o] == n) {
          min[o] = smallest(best[o]);
        }
      } else if (score > best[o][min[o]]) {
        best[o][min[o]] = score;
        rows[o][min[o]] = r;
        min[o] = smallest(best[o]);
      }
    }
    Map<UserId, List<WorkItem>> out = new LinkedHashMap<>();
    for (int o = 0; o < owners; o++) {
      if (fill[o] == 0) {
        continue;
      }
      List<WorkItem> items = new ArrayList<>();
      for (int i = 0; i < fill[o]; i++) {
        items.add(item(rows[o][i], ownerMaxEv[o], periodEnd));
      }
      items.sort(Comparator.comparingDouble(WorkItem::score).reversed());
      out.put(f.owners.get(o), List.copyOf(items));
    }
    return Collections.unmodifiableMap(out);
  }

  /** The first position of the smallest value. */
  private static int smallest(double[] v) {
    int m = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] < v[m]) {
        m = i;
      }
    }
    return m;
  }

  /** The score alone, as {@link #score} computes it, without allocating. */
  private double scoreOnly(int r, double maxEv, int periodEnd) {
    return score(r, maxEv, periodEnd, null);
  }

  /** {score, ev, inPeriod, urgency, risk, closeUrgency}. */
  private double[] score(int r, double maxEv, int periodEnd) {
    double[] parts = new double[6];
    score(r, maxEv, periodEnd, parts);
    return parts;
  }

  /** The score; its parts {score, ev, inPeriod, urgency, risk, closeUrgency} when asked. */
  private double score(int r, double maxEv, int periodEnd, double[] parts) {
    int g = open.stage.a[r];
    double p = stageProbability[g];
    double ev = open.amount.a[r] * p;
    double evShare = maxEv > 0 ? ev / maxEv : 0;
    double inPeriod = open.closeDay.a[r] < periodEnd ? p : 0;
    int toClose = open.closeDay.a[r] - today;
    double closeUrgency = toClose <= 0 ? 1 : toClose <= 7 ? 0.8 : toClose <= 30 ? 0.4 : 0;
    byte fl = flags[r];
    double urgency =
        Math.min(
            1, 0.5 * closeUrgency + ((fl & IDLE) != 0 ? 0.3 : 0) + ((fl & STUCK) != 0 ? 0.2 : 0));
    double risk =
        Math.min(1, 0.2 * Math.min(3, open.pushes.a[r]) + (open.qualification.a[r] == 2 ? 0 : 0.4));
    double score = 100 * (0.35 * evShare + 0.2 * inPeriod + 0.3 * urgency + 0.15 * risk);
    if (parts != null) {
      parts[0] = score;
      parts[1] = ev;
      parts[2] = inPeriod;
      parts[3] = urgency;
      parts[4] = risk;
      parts[5] = toClose;
    }
    return score;
  }

  private WorkItem item(int r, double maxEv, int periodEnd) {
    double[] s = score(r, maxEv, periodEnd);
    int g = open.stage.a[r];
    List<String> reasons = new ArrayList<>();
    int toClose = (int) s[5];
    if (toClose < 0) {
      reasons.add("close date passed " + (-toClose) + " days ago");
    } else if (toClose <= 7) {
      reasons.add("closes in " + toClose + " days");
    }
    if ((flags[r] & STUCK) != 0) {
      reasons.add(
          "in "
              + layout.key[g]
              + " for "
              + days(nowSec - open.stageEntered.a[r])
              + ", beyond "
              + (f.stayCount[g] > 0 ? "the stage's p90 of " + days(p90Sec[g]) : "its threshold"));
    }
    if ((flags[r] & IDLE) != 0) {
      reasons.add("no activity for " + days(nowSec - engagedAt(r)));
    }
    if ((flags[r] & OVERDUE) != 0) {
      reasons.add("a follow-up is overdue");
    }
    if (open.pushes.a[r] > 0) {
      reasons.add("close date pushed " + open.pushes.a[r] + " times");
    }
    if (open.qualification.a[r] != 2) {
      reasons.add(open.qualification.a[r] == 0 ? "never qualified" : "qualification not passed");
    }
    reasons.add(
        "expected value "
            + fixed(s[1], 0)
            + " ("
            + open.amount.a[r]
            + " at "
            + fixed(100 * stageProbability[g], 0)
            + "%)");
    return new WorkItem(
        open.id(r),
        f.owners.get(open.owner.a[r]),
        layout.pipelineId(g),
        layout.key[g],
        open.amount.a[r],
        LocalDate.ofEpochDay(open.closeDay.a[r]),
        s[0],
        s[1],
        s[2],
        s[3],
        s[4],
        List.copyOf(reasons));
  }

  // ---- load balancing ----

  private List<SuggestedMove> moves(
      long[] ownerOpen, long[] ownerIdle, long[] ownerStuck, OutcomeBreakdown outcomes) {
    int owners = f.owners.size();
    Set<UserId> teamMembers = new HashSet<>();
    Map<UserId, Set<String>> teamsOf = new HashMap<>();
    for (Team t : config.teams) {
      for (UserId u : t.members()) {
        teamMembers.add(u);
        teamsOf.computeIfAbsent(u, k -> new HashSet<>()).add(t.id().value());
      }
    }
    long[] load = Arrays.copyOf(ownerOpen, owners);
    List<Integer> active = new ArrayList<>();
    long total = 0;
    for (int o = 0; o < owners; o++) {
      if (ownerOpen[o] > 0 || teamMembers.contains(f.owners.get(o))) {
        active.add(o);
        total += ownerOpen[o];
      }
    }
    if (active.size() < 2 || config.maxSuggestedMoves == 0) {
      return List.of();
    }
    double mean = (double) total / active.size();
    List<Integer> donors = new ArrayList<>();
    for (int o : active) {
      if (ownerOpen[o] > 1.2 * mean && ownerIdle[o] + ownerStuck[o] > 0) {
        donors.add(o);
      }
    }
    if (donors.isEmpty()) {
      return List.of();
    }
    Map<Integer, List<Integer>> candidates = new HashMap<>();
    for (int o : donors) {
      candidates.put(o, new ArrayList<>());
    }
    for (int r = 0; r < open.size; r++) {
      List<Integer> c = candidates.get(open.owner.a[r]);
      if (c != null && (flags[r] & (IDLE | STUCK)) != 0 && c.size() < config.maxSuggestedMoves) {
        c.add(r);
      }
    }
    donors.sort(Comparator.comparingLong((Integer o) -> -ownerOpen[o]));
    List<SuggestedMove> out = new ArrayList<>();
    for (int donor : donors) {
      UserId from = f.owners.get(donor);
      for (int r : candidates.get(donor)) {
        if (out.size() >= config.maxSuggestedMoves || load[donor] <= mean) {
          break;
        }
        int to = -1;
        for (int o : active) {
          if (o == donor || load[o] + 1 > mean) {
            continue;
          }
          boolean sameTeam = sharesTeam(teamsOf, from, f.owners.get(o));
          boolean bestSameTeam = to >= 0 && sharesTeam(teamsOf, from, f.owners.get(to));
          if (to < 0
              || (sameTeam && !bestSameTeam)
              || (sameTeam == bestSameTeam && load[o] < load[to])) {
            to = o;
          }
        }
        if (to < 0) {
          break;
        }
        UserId toUser = f.owners.get(to);
        Outcomes oc = outcomes.byOwner().get(toUser);
        String state =
            (flags[r] & IDLE) != 0
                ? "idle for " + days(nowSec - engagedAt(r))
                : "stuck in "
                    + layout.key[open.stage.a[r]]
                    + " for "
                    + days(nowSec - open.stageEntered.a[r]);
        String reason =
            String.format(
                Locale.ROOT,
                "%s holds %d open deals against a mean of %.1f, %d of them idle or stuck; %s holds"
                    + " %d and wins %.0f%% of closes. This deal has been %s.",
                from,
                load[donor],
                mean,
                ownerIdle[donor] + ownerStuck[donor],
                toUser,
                load[to],
                100 * (oc == null ? 0 : oc.winRate()),
                state);
        out.add(new SuggestedMove(open.id(r), from, toUser, open.amount.a[r], reason));
        load[donor]--;
        load[to]++;
      }
    }
    return List.copyOf(out);
  }

  private static boolean sharesTeam(Map<UserId, Set<String>> teamsOf, UserId a, UserId b) {
    Set<String> ta = teamsOf.get(a);
    Set<String> tb = teamsOf.get(b);
    if (ta == null || tb == null) {
      return false;
    }
    for (String t : ta) {
      if (tb.contains(t)) {
        return true;
      }
    }
    return false;
  }
}
