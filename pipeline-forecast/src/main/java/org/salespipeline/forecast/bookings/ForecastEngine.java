package org.salespipeline.forecast.bookings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.salespipeline.core.ProgressListener;
import org.salespipeline.core.calendar.FiscalCalendar;
import org.salespipeline.forecast.ForecastPeriod;

/**
 * The forecaster's work below its facade: the full model's parts at an origin, the naive methods,
 * the rolling-origin evaluation of every candidate before the origin, the choice and the band.
 * Thread-safe: the columns are immutable and fitted models are cached in concurrent maps.
 */
final class ForecastEngine {
  static final String PIPELINE = "pipeline";
  static final String PERSISTENCE = "persistence";
  static final String SEASONAL = "seasonal-naive";
  static final String TRAILING = "trailing-mean";
  static final List<String> METHODS = List.of(PIPELINE, PERSISTENCE, SEASONAL, TRAILING);

  /** Past origins each forecast is evaluated on (the last year of months). A generic default. */
  static final int INNER_MAX = 12;

  /** Scored periods a method needs before it can replace the pipeline model. A generic default. */
  static final int MIN_CHOICE = 3;

  private final DealColumns c;
  private final CreationOrder order;
  private final Calendar calendar;

  /** The host's fiscal calendar, or null for calendar months and quarters. */
  private final FiscalCalendar fiscal;

  private final Currency currency;
  private final ProgressListener progress;
  private final ConcurrentHashMap<Integer, InPeriodModel> fits = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Key, Point> points = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Key, Raw> rawOpen = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Integer, OpenDeals> openDeals = new ConcurrentHashMap<>();

  /** Weight of the prior (no correction) in the open-pipeline factors, in periods. Generic. */
  static final double FACTOR_PRIOR = 1.0;

  private record Key(int start, int end, int origin) {}

  /** The full model's parts at one origin, with the variances that seed the band. */
  record Point(long won, long open, long newBusiness, double openVariance, double nbVariance) {
    long remaining() {
      return open + newBusiness;
    }
  }

  ForecastEngine(
      DealColumns columns, Currency currency, ProgressListener progress, FiscalCalendar fiscal) {
    this.c = columns;
    this.fiscal = fiscal;
    this.currency = currency;
    this.progress = progress;
    this.order = new CreationOrder(columns);
    this.calendar = new Calendar(columns.firstDay, columns.lastDay + 800, fiscal);
  }

  InPeriodModel fit(int t) {
    return fits.computeIfAbsent(t, day -> InPeriodModel.fit(c, order, calendar, day));
  }

  long wonSoFar(ForecastPeriod p, int t) {
    return t <= p.startDay() ? 0 : c.bookings(p.startDay(), Math.min(t, p.endDay()), t, 0x80000000);
  }

  long actual(ForecastPeriod p, int knownAt) {
    return c.bookings(p.startDay(), p.endDay(), knownAt, 0x80000000);
  }

  Point point(ForecastPeriod p, int t) {
    return points.computeIfAbsent(new Key(p.startDay(), p.endDay(), t), k -> computePoint(p, t));
  }

  private Point computePoint(ForecastPeriod p, int t) {
    long won = wonSoFar(p, t);
    Calibration cal = calibration(p, t);
    double[] open =
        cal.neutral()
            ? new double[] {rawOpen(p, t).open(), rawOpen(p, t).variance()}
            : adjustedOpen(p, t, cal.stage());
    double[] nb = NewBusiness.estimate(c, p, t, fiscal);
    double f = cal.level();
    return new Point(won, Math.round(open[0] * f), Math.round(nb[0]), open[1] * f * f, nb[1]);
  }

  /**
   * The age model's forecast of the open pipeline's wins in the period, with per-group sums of
   * expected and actual wins that later origins learn stage factors from (the actual wins are read
   * only by origins after the period's end).
   */
  record Raw(double open, double variance, double[] expected, double[] wins) {}

  Raw rawOpen(ForecastPeriod p, int t) {
    return rawOpen.computeIfAbsent(new Key(p.startDay(), p.endDay(), t), k -> computeRawOpen(p, t));
  }

  private Raw computeRawOpen(ForecastPeriod p, int t) {
    InPeriodModel model = fit(t);
    double open = 0;
    double openVar = 0;
    double[] expected = new double[StageMix.groups(c)];
    double[] wins = new double[expected.length];
    if (!model.empty()) {
      int ws = Math.max(t, p.startDay());
      double[] probs = model.windowProbabilities(t, ws, p.endDay(), Math.max(0, t - c.firstDay));
      OpenDeals o = openAt(t);
      for (int j = 0; j < o.deal.length; j++) {
        double a = o.amount[j];
        double q = probs[o.age[j]];
        open += a * q;
        openVar += a * a * q * (1 - q);
        int g = o.group[j];
        expected[g] += q;
        if (c.wonBetween(o.deal[j], ws, p.endDay())) {
          wins[g]++;
        }
      }
    }
    return new Raw(open, openVar, expected, wins);
  }

  /**
   * The deals open at the start of an origin, in creation order, with their age at it, the amount
   * and stage group known then: read once per origin by every pass over its open pipeline.
   */
  private static final class OpenDeals {
    final int[] deal;
    final int[] age;
    final double[] amount;
    final int[] group;

    OpenDeals(int[] deal, int[] age, double[] amount, int[] group) {
      this.deal = deal;
      this.age = age;
      this.amount = amount;
      this.group = group;
    }
  }

  // why: the age model's pass and the stage-adjusted pass at an origin read the same open deals;
  // scanning each deal's status, amount and stage rows once per origin keeps both passes linear
  // over short primitive arrays (same deals in the same order, so the sums are unchanged)
  private OpenDeals openAt(int t) {
    return openDeals.computeIfAbsent(t, this::computeOpenDeals);
  }

  private OpenDeals computeOpenDeals(int t) {
    int end = order.endBefore(t);
    GrowableInts deal = new GrowableInts(1024);
    GrowableInts age = new GrowableInts(1024);
    GrowableInts group = new GrowableInts(1024);
    GrowableLongs amount = new GrowableLongs(1024);
    for (int j = 0; j < end; j++) {
      int i = order.deal(j);
      if (c.statusAt(i, t) != DealColumns.OPEN) {
        continue;
      }
      deal.add(i);
      age.add(t - c.created[i]);
      amount.add(c.amountKnownAt(i, t));
      group.add(StageMix.group(c, i, t));
    }
    long[] minor = amount.toArray();
    double[] amounts = new double[minor.length];
    for (int k = 0; k < minor.length; k++) {
      amounts[k] = minor[k];
    }
    return new OpenDeals(deal.toArray(), age.toArray(), amounts, group.toArray());
  }

  /** {expected, variance} of the open pipeline's wins with the stage factors applied. */
  private double[] adjustedOpen(ForecastPeriod p, int t, double[] stage) {
    InPeriodModel model = fit(t);
    if (model.empty()) {
      return new double[] {0, 0};
    }
    double[] probs =
        model.windowProbabilities(
            t, Math.max(t, p.startDay()), p.endDay(), Math.max(0, t - c.firstDay));
    double open = 0;
    double openVar = 0;
    OpenDeals o = openAt(t);
    for (int j = 0; j < o.deal.length; j++) {
      double a = o.amount[j];
      double q = Math.min(1, probs[o.age[j]] * stage[o.group[j]]);
      open += a * q;
      openVar += a * a * q * (1 - q);
    }
    return new double[] {open, openVar};
  }

  /** The level factor of the open pipeline and the relative stage factors. */
  record Calibration(double level, double[] stage) {
    boolean neutral() {
      for (double f : stage) {
        if (f != 1) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * The calibration of the open-pipeline part, learned from past periods of the grid (origin at the
   * same place, each forecast from its own past).
   *
   * <p>Level: actual wins of the deals open at the origin over the age model's forecast of them.
   * Overall g = (sum actual + N0 mean forecast) / (sum forecast + N0 mean forecast), shrunk towards
   * 1; per position in the seasonal cycle f = (sum actual + N0 g mean forecast) / (sum forecast +
   * N0 mean forecast) over the past periods at the period's position, shrunk towards g (N0 = {@link
   * #FACTOR_PRIOR}). This is where the calendar's pull on the timing of closes (the end of a
   * quarter pulls them in) meets the age-based hazard. Stage: see {@link StageMix}.
   */
  Calibration calibration(ForecastPeriod p, int t) {
    PeriodGrid grid = new PeriodGrid(p, fiscal);
    int position = grid.positionInCycle(p);
    double sumA = 0;
    double sumF = 0;
    int n = 0;
    double posA = 0;
    double posF = 0;
    int posN = 0;
    double[] expected = new double[StageMix.groups(c)];
    double[] wins = new double[expected.length];
    for (int k = 1; k <= 2 * INNER_MAX && n < INNER_MAX; k++) {
      ForecastPeriod past = grid.back(k);
      if (past.endDay() > t) {
        continue;
      }
      int origin = grid.originIn(past, t);
      if (c.firstCloseDay >= Math.min(past.startDay(), origin)) {
        break;
      }
      Raw raw = rawOpen(past, origin);
      for (int g = 0; g < expected.length; g++) {
        expected[g] += raw.expected()[g];
        wins[g] += raw.wins()[g];
      }
      double forecast = raw.open();
      long won = wonSoFar(past, origin);
      long fresh = c.bookings(Math.max(origin, past.startDay()), past.endDay(), t, origin);
      double act = Math.max(0, actual(past, t) - won - fresh);
      sumA += act;
      sumF += forecast;
      n++;
      if (grid.cycle() > 0 && grid.positionInCycle(past) == position) {
        posA += act;
        posF += forecast;
        posN++;
      }
    }
    double[] stage = StageMix.factors(expected, wins);
    if (n == 0 || sumF <= 0) {
      return new Calibration(1, stage);
    }
    double meanF = sumF / n;
    double g = (sumA + FACTOR_PRIOR * meanF) / (sumF + FACTOR_PRIOR * meanF);
    if (posN == 0 || posF <= 0) {
      return new Calibration(g, stage);
    }
    double meanPosF = posF / posN;
    return new Calibration(
        (posA + FACTOR_PRIOR * g * meanPosF) / (posF + FACTOR_PRIOR * meanPosF), stage);
  }

  /** {persistence, seasonal naive, trailing mean} of the whole period; NaN when unavailable. */
  double[] naive(ForecastPeriod p, int t) {
    double[] out = {Double.NaN, Double.NaN, Double.NaN};
    if (c.firstCloseDay >= t) {
      return out;
    }
    PeriodGrid grid = new PeriodGrid(p, fiscal);
    int cycle = grid.cycle();
    double trailing = 0;
    int trailingN = 0;
    for (int k = 1; k <= Math.max(2 * cycle, 3) + 3; k++) {
      ForecastPeriod past = grid.back(k);
      if (past.endDay() > t) {
        continue;
      }
      if (past.endDay() <= c.firstCloseDay) {
        break;
      }
      double a = actual(past, t);
      if (Double.isNaN(out[0])) {
        out[0] = a;
      }
      if (cycle > 0 && k % cycle == 0 && Double.isNaN(out[1])) {
        out[1] = a;
      }
      if (trailingN < 3) {
        trailing += a;
        trailingN++;
      }
    }
    if (trailingN == 3) {
      out[2] = trailing / 3;
    }
    return out;
  }

  /** The still-to-win part of each method at an origin: NaN when the method has no value. */
  private static double[] remaining(Point pt, double[] naive) {
    double[] r = new double[METHODS.size()];
    r[0] = pt.remaining();
    for (int m = 1; m < r.length; m++) {
      r[m] = Double.isNaN(naive[m - 1]) ? Double.NaN : Math.max(0, naive[m - 1] - pt.won());
    }
    return r;
  }

  /** Everything known about one (period, origin): candidates, their bands, the choice. */
  Evaluation evaluate(ForecastPeriod period, int t) {
    PeriodGrid grid = new PeriodGrid(period, fiscal);
    List<Inner> inner = new ArrayList<>();
    for (int k = 1; k <= 2 * INNER_MAX && inner.size() < INNER_MAX; k++) {
      ForecastPeriod past = grid.back(k);
      if (past.endDay() > t) {
        continue;
      }
      int origin = grid.originIn(past, t);
      // why: an origin is scored once a whole period of recorded closes lies before its period,
      // so that the model there had outcomes to fit and to calibrate its calendar factors on
      if (c.firstCloseDay >= Math.min(grid.back(k + 1).startDay(), origin)) {
        break;
      }
      Point pt = point(past, origin);
      double prior = Band.priorSpread(pt.remaining(), pt.openVariance() + pt.nbVariance());
      inner.add(
          new Inner(
              past, origin, actual(past, t), pt.won(), remaining(pt, naive(past, origin)), prior));
      progress.progress(inner.size(), -1);
    }
    java.util.Collections.reverse(inner);
    Point now = point(period, t);
    double[] rNow = remaining(now, naive(period, t));
    double priorNow = Band.priorSpread(now.remaining(), now.openVariance() + now.nbVariance());
    return Evaluation.of(now, rNow, priorNow, inner);
  }

  /** One past origin of the rolling evaluation. */
  record Inner(
      ForecastPeriod period, int origin, long actual, long won, double[] remaining, double prior) {}

  BookingsForecast forecast(ForecastPeriod period, LocalDate asOf) {
    Evaluation e = evaluate(period, (int) asOf.toEpochDay());
    int m = e.chosen();
    Point pt = e.now();
    long rem = Math.round(e.expected(m)) - pt.won();
    long open;
    long nb;
    if (m == 0) {
      open = pt.open();
      nb = pt.newBusiness();
    } else if (pt.remaining() > 0) {
      open = Math.round((double) rem * pt.open() / pt.remaining());
      nb = rem - open;
    } else {
      open = 0;
      nb = rem;
    }
    double[] band = e.band(m);
    return new BookingsForecast(
        period,
        asOf,
        new ForecastAmounts(
            currency,
            pt.won(),
            open,
            nb,
            Math.round(band[0]),
            Math.round(band[1]),
            Math.round(band[2])),
        METHODS.get(m),
        e.accuracy(m),
        e.accuracies());
  }

  BookingsBacktest backtest(BacktestPlan plan) {
    List<BacktestRow> rows = new ArrayList<>();
    double[][] base = new double[METHODS.size()][6];
    double brierSum = 0;
    double outcomes = 0;
    long deals = 0;
    int done = 0;
    for (LocalDate origin : plan.origins()) {
      ForecastPeriod p = plan.horizon().containing(origin, fiscal);
      int t = (int) origin.toEpochDay();
      BookingsForecast f = forecast(p, origin);
      Evaluation e = evaluate(p, t);
      long actual = actual(p, Integer.MAX_VALUE);
      ForecastAmounts amounts = f.amounts();
      long w = plan.includeWonSoFar() ? 0 : amounts.wonSoFar;
      rows.add(
          new BacktestRow(
              origin,
              p,
              f.method(),
              amounts.bandLess(w),
              amounts.expected() - w,
              actual - w,
              plan.includeWonSoFar()));
      for (int m = 1; m < METHODS.size(); m++) {
        if (Double.isNaN(e.expected(m))) {
          continue;
        }
        double[] band = e.band(m);
        double exp = e.expected(m) - w;
        double act = actual - w;
        base[m][0]++;
        base[m][1] += Math.abs(act - exp);
        base[m][2] += exp - act;
        base[m][3] += act;
        base[m][4] += band[0] - w <= act && act <= band[2] - w ? 1 : 0;
        base[m][5] += act > 0 ? (band[2] - band[0]) / act : 0;
      }
      double[] b = brier(p, t);
      brierSum += b[0];
      outcomes += b[1];
      deals += (long) b[2];
      plan.progress().progress(++done, plan.origins().size());
    }
    List<BookingsAccuracy> baselines = new ArrayList<>();
    for (int m = 1; m < METHODS.size(); m++) {
      double[] s = base[m];
      baselines.add(
          s[0] == 0
              ? BookingsAccuracy.none(METHODS.get(m))
              : BookingsAccuracy.of(
                  METHODS.get(m), (int) s[0], s[1] / s[3], s[2] / s[3], s[4] / s[0], s[5] / s[0]));
    }
    double brier = deals > 0 ? brierSum / deals : Double.NaN;
    double rate = deals > 0 ? outcomes / deals : Double.NaN;
    return new BookingsBacktest(rows, brier, rate * (1 - rate), baselines);
  }

  /**
   * {sum of squared errors, wins, deals} of the full model's per-deal probabilities: the age
   * hazard's, times the deal's stage factor and the period's level factor, at most 1.
   */
  private double[] brier(ForecastPeriod p, int t) {
    InPeriodModel model = fit(t);
    int ws = Math.max(t, p.startDay());
    int maxAge = Math.max(0, t - c.firstDay);
    double[] probs = model.windowProbabilities(t, ws, p.endDay(), maxAge);
    Calibration cal = calibration(p, t);
    int end = order.endBefore(t);
    double sq = 0;
    double wins = 0;
    double n = 0;
    for (int j = 0; j < end; j++) {
      int i = order.deal(j);
      if (c.statusAt(i, t) != DealColumns.OPEN) {
        continue;
      }
      double y = 0;
      for (int k = c.statusOffset[i]; k < c.statusOffset[i + 1]; k++) {
        if (c.statusKind[k] == DealColumns.WON
            && c.statusDay[k] >= ws
            && c.statusDay[k] < p.endDay()) {
          y = 1;
        }
      }
      double q =
          Math.min(1, probs[t - c.created[i]] * cal.stage()[StageMix.group(c, i, t)] * cal.level());
      sq += (q - y) * (q - y);
      wins += y;
      n++;
    }
    return new double[] {sq, wins, n};
  }
}
