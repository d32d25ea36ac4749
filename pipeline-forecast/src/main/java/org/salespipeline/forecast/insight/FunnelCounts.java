package org.salespipeline.forecast.insight;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.salespipeline.core.DealSource;
import org.salespipeline.core.PipelineId;
import org.salespipeline.core.UserId;
import org.salespipeline.forecast.ForecastPeriod;

/**
 * The funnel section: counts every stage move of the pass per cohort, owner, source and period of
 * the move, derives the funnel cells from them at the end, and answers the {@link Funnel} and the
 * flow figures the bottlenecks read.
 *
 * <p>Move counts hold one row per cohort / owner / source / period of the move: cell {@code from *
 * K} + the local index of the target stage (K = {@code layout.maxStages}), where from == to counts
 * the deals created in a stage; then one cell per stage for the value dropped from it. One counter
 * per move and breakdown: the exit's kind and the entry are both derived from it.
 */
final class FunnelCounts {
  // funnel cells per stage
  static final int DIRECT = 0;
  static final int SKIP = 1;
  static final int BACK = 2;
  static final int DROP = 3;
  static final int DROP_VALUE = 4;
  static final int ENTERED = 5;
  static final int KINDS = 6;

  private static final int SOURCES = DealSource.values().length;

  private final InsightSettings settings;
  private final Layout layout;
  private final Owners owners;
  private final int movesPerStage;
  private final int dropValueCell;
  private final Columns.Grid movesCohort;
  private final Columns.Grid movesOwner;
  private final Columns.Grid movesSource;
  private final Columns.Grid movesPeriod;
  // funnel cells per stage (ENTERED, DIRECT, ... by KINDS), derived in finish()
  private final Columns.Grid funnelAll;
  private final Columns.Grid funnelCohort;
  private final Columns.Grid funnelOwner;
  private final Columns.Grid funnelSource;
  private final Columns.Grid funnelMovePeriod;

  FunnelCounts(InsightSettings settings, Owners owners) {
    this.settings = settings;
    this.layout = settings.layout;
    this.owners = owners;
    int s = layout.stageCount;
    int p = settings.periods.size();
    funnelAll = new Columns.Grid(1, s * KINDS);
    funnelCohort = new Columns.Grid(p, s * KINDS);
    funnelOwner = new Columns.Grid(64, s * KINDS);
    funnelSource = new Columns.Grid(SOURCES, s * KINDS);
    funnelMovePeriod = new Columns.Grid(p, s * KINDS);
    movesPerStage = layout.maxStages;
    dropValueCell = s * movesPerStage;
    int moveWidth = dropValueCell + s;
    movesCohort = new Columns.Grid(p, moveWidth);
    movesOwner = new Columns.Grid(64, moveWidth);
    movesSource = new Columns.Grid(SOURCES, moveWidth);
    movesPeriod = new Columns.Grid(p, moveWidth);
    owners.growWith(movesOwner);
  }

  // ---- the pass ----

  /** The deal was created in open stage {@code g}: its first move, in its cohort's period. */
  void created(CurrentDeal deal, int g) {
    count(deal, g * movesPerStage + layout.local[g], 1, deal.cohort);
  }

  /** The deal (still in {@code from}) moves to {@code to}; {@code mp} is the move's period. */
  void moved(CurrentDeal deal, int from, int to, int mp) {
    if (layout.position[to] < 0 && layout.isOpen(from)) {
      count(deal, dropValueCell + from, deal.amount, mp);
    }
    // the one counter of this move: the exit's kind and the entry are derived from it in finish()
    count(deal, from * movesPerStage + layout.local[to], 1, mp);
  }

  /** Counts into every breakdown of the moves; {@code mp} is the period of the move (or -1). */
  private void count(CurrentDeal deal, int cell, long v, int mp) {
    int cohort = deal.cohort;
    if (cohort >= 0) {
      movesCohort.add(cohort, cell, v);
    }
    movesOwner.add(deal.owner, cell, v);
    movesSource.add(deal.source, cell, v);
    if (mp >= 0) {
      movesPeriod.add(mp, cell, v);
    }
  }

  /** Derives the funnel cells; call once after the pass. */
  void finish() {
    int periods = settings.periods.size();
    deriveFunnel(movesCohort, funnelCohort, periods);
    deriveFunnel(movesOwner, funnelOwner, owners.size());
    deriveFunnel(movesSource, funnelSource, SOURCES);
    deriveFunnel(movesPeriod, funnelMovePeriod, periods);
    // every count goes to its owner's row too, so the overall row is the owner rows' sum
    for (int o = 0; o < owners.size(); o++) {
      for (int c = 0; c < funnelAll.width; c++) {
        funnelAll.add(0, c, funnelOwner.get(o, c));
      }
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
        int cell = g * KINDS;
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

  // ---- the report ----

  /** The funnel overall and per cohort, owner, pipeline and source. */
  Funnel funnel() {
    Map<ForecastPeriod, List<StageConversion>> cohorts = new LinkedHashMap<>();
    for (int p = 0; p < settings.periods.size(); p++) {
      cohorts.put(settings.periods.get(p), conversions(funnelCohort, p, -1));
    }
    Map<UserId, List<StageConversion>> byOwner = new LinkedHashMap<>();
    for (int o = 0; o < owners.size(); o++) {
      byOwner.put(owners.get(o), conversions(funnelOwner, o, -1));
    }
    Map<PipelineId, List<StageConversion>> pipelines = new LinkedHashMap<>();
    for (int p = 0; p < layout.pipelines.size(); p++) {
      pipelines.put(layout.pipelines.get(p).id(), conversions(funnelAll, 0, p));
    }
    Map<DealSource, List<StageConversion>> sources = new EnumMap<>(DealSource.class);
    for (DealSource s : DealSource.values()) {
      sources.put(s, conversions(funnelSource, s.ordinal(), -1));
    }
    return new Funnel(
        conversions(funnelAll, 0, -1),
        Collections.unmodifiableMap(cohorts),
        Collections.unmodifiableMap(byOwner),
        Collections.unmodifiableMap(pipelines),
        Collections.unmodifiableMap(sources));
  }

  private List<StageConversion> conversions(Columns.Grid grid, int row, int pipeline) {
    List<StageConversion> out = new ArrayList<>();
    for (int g = 0; g < layout.stageCount; g++) {
      if (!layout.isOpen(g) || (pipeline >= 0 && layout.pipelineOf[g] != pipeline)) {
        continue;
      }
      int c = g * KINDS;
      out.add(
          new StageConversion(
              layout.pipelineId(g),
              layout.key[g],
              grid.get(row, c + ENTERED),
              grid.get(row, c + DIRECT),
              grid.get(row, c + SKIP),
              grid.get(row, c + BACK),
              grid.get(row, c + DROP),
              grid.get(row, c + DROP_VALUE)));
    }
    return List.copyOf(out);
  }

  /** Deals that left open stage {@code g} in period {@code p}, by any exit. */
  long leftInPeriod(int p, int g) {
    return left(funnelMovePeriod, p, g);
  }

  /** Deals that left open stage {@code g} in period {@code p} directly to the next stage. */
  long directInPeriod(int p, int g) {
    return funnelMovePeriod.get(p, g * KINDS + DIRECT);
  }

  /** The value lost or disqualified from open stage {@code g} in period {@code p}. */
  long droppedInPeriod(int p, int g) {
    return funnelMovePeriod.get(p, g * KINDS + DROP_VALUE);
  }

  /** Deals lost or disqualified from open stage {@code g} in period {@code p}. */
  long droppedDealsInPeriod(int p, int g) {
    return funnelMovePeriod.get(p, g * KINDS + DROP);
  }

  /** Deals that ever left open stage {@code g}. */
  long leftOverall(int g) {
    return left(funnelAll, 0, g);
  }

  /** Deals that ever left open stage {@code g} directly to the next stage. */
  long directOverall(int g) {
    return funnelAll.get(0, g * KINDS + DIRECT);
  }

  /** Deals of owner {@code o} that left open stage {@code g}. */
  long leftByOwner(int o, int g) {
    return left(funnelOwner, o, g);
  }

  /** Deals of owner {@code o} that left open stage {@code g} directly to the next stage. */
  long directByOwner(int o, int g) {
    return funnelOwner.get(o, g * KINDS + DIRECT);
  }

  private static long left(Columns.Grid grid, int row, int g) {
    int c = g * KINDS;
    return grid.get(row, c + DIRECT)
        + grid.get(row, c + SKIP)
        + grid.get(row, c + BACK)
        + grid.get(row, c + DROP);
  }
}
