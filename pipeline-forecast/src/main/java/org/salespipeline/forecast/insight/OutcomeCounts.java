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
 * The outcomes section: deals created, won, lost and disqualified with won value and cycle, overall
 * and per cohort, owner, pipeline, source and close period; won deals also as columns, for the
 * medians of size and cycle. Produces the {@link OutcomeBreakdown} and the velocity trend by close
 * period.
 */
final class OutcomeCounts {
  static final int WON = 0;
  static final int LOST = 1;
  static final int DQ = 2;
  static final int WON_VALUE = 3;
  static final int CYCLE_SECONDS = 4;
  static final int CREATED = 5;
  static final int KINDS = 6;

  private static final int SOURCES = DealSource.values().length;

  private final InsightSettings settings;
  private final Layout layout;
  private final Owners owners;
  private final Columns.Grid outAll = new Columns.Grid(1, KINDS);
  private final Columns.Grid outCohort;
  private final Columns.Grid outOwner = new Columns.Grid(64, KINDS);
  private final Columns.Grid outPipeline;
  private final Columns.Grid outSource = new Columns.Grid(SOURCES, KINDS);
  private final Columns.Grid outClosePeriod;
  // won deals, one row each; their outcome cells are summed from these in finish()
  private final Columns.Longs wonAmount = new Columns.Longs();
  private final Columns.Longs wonCycle = new Columns.Longs();
  private final Columns.Ints wonOwner = new Columns.Ints();
  private final Columns.Ints wonCohort = new Columns.Ints();
  private final Columns.Ints wonPipeline = new Columns.Ints();
  private final Columns.Ints wonSource = new Columns.Ints();
  private final Columns.Ints wonClosePeriod = new Columns.Ints();

  OutcomeCounts(InsightSettings settings, Owners owners) {
    this.settings = settings;
    this.layout = settings.layout;
    this.owners = owners;
    int p = settings.periods.size();
    outCohort = new Columns.Grid(p, KINDS);
    outPipeline = new Columns.Grid(layout.pipelines.size(), KINDS);
    outClosePeriod = new Columns.Grid(p, KINDS);
    owners.growWith(outOwner);
  }

  // ---- the pass ----

  /** The deal ended open: counts its creation. */
  void endedOpen(CurrentDeal deal) {
    outcome(deal, CREATED, 1);
  }

  /** The deal ended closed in period {@code closePeriod} (or -1): counts creation and close. */
  void endedClosed(CurrentDeal deal, int closePeriod) {
    outcome(deal, CREATED, 1);
    if (deal.status == CurrentDeal.WON) {
      // a won deal's outcome cells (WON, WON_VALUE, CYCLE_SECONDS) are summed from these
      // columns in finish(): the same additions, made in one tight loop over the columns rather
      // than here in the branchy per-deal code (measured slightly faster)
      wonAmount.add(deal.amount);
      wonCycle.add(Math.max(0, deal.closedSec - deal.createdSec));
      wonOwner.add(deal.owner);
      wonCohort.add(deal.cohort);
      wonPipeline.add(deal.pipe);
      wonSource.add(deal.source);
      wonClosePeriod.add(closePeriod);
    } else {
      int kind = deal.status == CurrentDeal.LOST ? LOST : DQ;
      outcome(deal, kind, 1);
      if (closePeriod >= 0) {
        outClosePeriod.add(closePeriod, kind, 1);
      }
    }
  }

  private void outcome(CurrentDeal deal, int kind, long v) {
    if (deal.cohort >= 0) {
      outCohort.add(deal.cohort, kind, v);
    }
    outOwner.add(deal.owner, kind, v);
    outPipeline.add(deal.pipe, kind, v);
    outSource.add(deal.source, kind, v);
  }

  /** Adds the won deals to their cells and sums the overall row; call once after the pass. */
  void finish() {
    for (int r = 0; r < wonAmount.size; r++) {
      long value = wonAmount.a[r];
      long cycle = wonCycle.a[r];
      wonOutcome(outOwner, wonOwner.a[r], value, cycle);
      wonOutcome(outPipeline, wonPipeline.a[r], value, cycle);
      wonOutcome(outSource, wonSource.a[r], value, cycle);
      wonOutcome(outCohort, wonCohort.a[r], value, cycle);
      wonOutcome(outClosePeriod, wonClosePeriod.a[r], value, cycle);
    }
    // every count goes to its owner's row too, so the overall row is the owner rows' sum
    for (int o = 0; o < owners.size(); o++) {
      for (int c = 0; c < outAll.width; c++) {
        outAll.add(0, c, outOwner.get(o, c));
      }
    }
  }

  private static void wonOutcome(Columns.Grid grid, int row, long value, long cycle) {
    if (row >= 0) {
      grid.add(row, WON, 1);
      grid.add(row, WON_VALUE, value);
      grid.add(row, CYCLE_SECONDS, cycle);
    }
  }

  // ---- the report ----

  /** Outcomes overall and per cohort, owner, pipeline and source, with medians. */
  OutcomeBreakdown breakdown() {
    int n = wonAmount.size;
    long[] amounts = wonAmount.a;
    long[] cycles = wonCycle.a;
    int periods = settings.periods.size();
    int ownerCount = owners.size();
    int pipes = layout.pipelines.size();
    double size = Columns.median(amounts, n);
    double cycle = Columns.median(cycles, n);
    double[] sizeCohort = Columns.groupedMedians(amounts, wonCohort.a, n, periods, size);
    double[] cycleCohort = Columns.groupedMedians(cycles, wonCohort.a, n, periods, cycle);
    double[] sizeOwner = Columns.groupedMedians(amounts, wonOwner.a, n, ownerCount, size);
    double[] cycleOwner = Columns.groupedMedians(cycles, wonOwner.a, n, ownerCount, cycle);
    double[] sizePipe = Columns.groupedMedians(amounts, wonPipeline.a, n, pipes, size);
    double[] cyclePipe = Columns.groupedMedians(cycles, wonPipeline.a, n, pipes, cycle);
    double[] sizeSource = Columns.groupedMedians(amounts, wonSource.a, n, SOURCES, size);
    double[] cycleSource = Columns.groupedMedians(cycles, wonSource.a, n, SOURCES, cycle);
    Map<ForecastPeriod, Outcomes> byCohort = new LinkedHashMap<>();
    for (int p = 0; p < periods; p++) {
      byCohort.put(
          settings.periods.get(p), outcome(outCohort, p, sizeCohort[p], cycleCohort[p] / 86_400.0));
    }
    Map<UserId, Outcomes> byOwner = new LinkedHashMap<>();
    for (int o = 0; o < ownerCount; o++) {
      byOwner.put(owners.get(o), outcome(outOwner, o, sizeOwner[o], cycleOwner[o] / 86_400.0));
    }
    Map<PipelineId, Outcomes> byPipeline = new LinkedHashMap<>();
    for (int p = 0; p < pipes; p++) {
      byPipeline.put(
          layout.pipelines.get(p).id(),
          outcome(outPipeline, p, sizePipe[p], cyclePipe[p] / 86_400.0));
    }
    Map<DealSource, Outcomes> bySource = new EnumMap<>(DealSource.class);
    for (DealSource s : DealSource.values()) {
      int i = s.ordinal();
      bySource.put(s, outcome(outSource, i, sizeSource[i], cycleSource[i] / 86_400.0));
    }
    return new OutcomeBreakdown(
        outcome(outAll, 0, sizeOwner[ownerCount], cycleOwner[ownerCount] / 86_400.0),
        Collections.unmodifiableMap(byCohort),
        Collections.unmodifiableMap(byOwner),
        Collections.unmodifiableMap(byPipeline),
        Collections.unmodifiableMap(bySource));
  }

  private static Outcomes outcome(Columns.Grid g, int row, double medianSize, double medianCycle) {
    long won = g.get(row, WON);
    long value = g.get(row, WON_VALUE);
    long cycle = g.get(row, CYCLE_SECONDS);
    return new Outcomes(
        g.get(row, CREATED),
        won,
        g.get(row, LOST),
        g.get(row, DQ),
        value,
        won == 0 ? 0 : (double) value / won,
        medianSize,
        won == 0 ? 0 : cycle / 86_400.0 / won,
        medianCycle);
  }

  /** Velocity per reporting period: deals created in it, and the deals closed in it. */
  List<VelocityPoint> trend() {
    List<VelocityPoint> trend = new ArrayList<>();
    for (int p = 0; p < settings.periods.size(); p++) {
      long won = outClosePeriod.get(p, WON);
      long lost = outClosePeriod.get(p, LOST);
      trend.add(
          new VelocityPoint(
              settings.periods.get(p),
              Velocity.of(
                  outCohort.get(p, CREATED),
                  won == 0 ? 0 : (double) outClosePeriod.get(p, WON_VALUE) / won,
                  Figures.rate(won, won + lost),
                  won == 0 ? 0 : outClosePeriod.get(p, CYCLE_SECONDS) / 86_400.0 / won)));
    }
    return List.copyOf(trend);
  }
}
