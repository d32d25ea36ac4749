package org.salespipeline.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.ProgressListener;
import org.salespipeline.core.ValidationException;
import org.salespipeline.core.event.PipelineObserver;
import org.salespipeline.forecast.distribution.RevenueDistribution;
import org.salespipeline.forecast.distribution.RevenueDistributions;
import org.salespipeline.forecast.model.ProbabilityModel;

/**
 * The forecasting facade over one {@link PipelineSnapshot} and one probability per row.
 *
 * <p>Weighted amounts are exact: each open deal contributes {@code a_i p_i} rounded to the nearest
 * 1/256 of a minor unit, and those terms are added as integers, so every total is independent of
 * order and equals the sum of its parts over any partition (owner totals add up to the team total).
 * {@code *Scaled} methods return these integers; the others divide by 256.
 *
 * <p>Run-rate (opt-in, {@link #withRunRate(List, double[], int)}): revenue from deals that do not
 * exist yet is never mixed into the weighted pipeline. It is reported on its own line, {@link
 * #runRate(ForecastPeriod)}, and added only where a method says so ({@link
 * #expected(ForecastPeriod)}, {@link ForecastTable#periodTotal(int)}). Without it, {@link
 * #runRate(ForecastPeriod)} is 0.
 *
 * <p>Immutable and thread-safe.
 */
public final class Forecaster {
  /** Fixed-point scale of weighted amounts: 1/256 of a minor unit. */
  public static final double SCALE = 256.0;

  private static final int CATEGORIES = ForecastCategory.values().length;
  private static final int MAX_PERIOD_DAYS = 1 << 20;
  private static final int PACKED_AMOUNT_BITS = 44;
  private static final long PACKED_COUNT_ONE = 1L << PACKED_AMOUNT_BITS;
  private static final long PACKED_AMOUNT_LIMIT = 1L << PACKED_AMOUNT_BITS;
  private static final int PACKED_COUNT_LIMIT = 1 << (64 - PACKED_AMOUNT_BITS);

  private final PipelineSnapshot s;
  private final double[] p;
  private final String modelName;
  private final RunRate runRate;
  private final PipelineObserver observer;

  private Forecaster(PipelineSnapshot s, double[] p, String modelName, RunRate runRate) {
    this(s, p, modelName, runRate, PipelineObserver.none());
  }

  private Forecaster(
      PipelineSnapshot s,
      double[] p,
      String modelName,
      RunRate runRate,
      PipelineObserver observer) {
    this.s = s;
    this.p = p;
    this.modelName = modelName;
    this.runRate = runRate;
    this.observer = observer;
  }

  /**
   * A forecaster using the snapshot's own probability column.
   *
   * @param snapshot not null
   */
  public static Forecaster of(PipelineSnapshot snapshot) {
    if (snapshot == null) {
      throw new ValidationException(FieldProblem.of("snapshot", null, "must not be null"));
    }
    return new Forecaster(
        snapshot, ProbabilityModel.stageDefault().probabilities(snapshot), "stage-default", null);
  }

  /**
   * A forecaster with probabilities from a model.
   *
   * @throws ValidationException if the model returns a wrong length, NaN or values outside [0, 1]
   */
  public Forecaster withModel(ProbabilityModel model) {
    return new Forecaster(s, checked(model.probabilities(s)), model.name(), runRate, observer);
  }

  /**
   * A forecaster with the given probabilities, one per snapshot row (copied).
   *
   * @throws ValidationException if the length differs, or a value is NaN or outside [0, 1]
   */
  public Forecaster withProbabilities(double[] probabilities) {
    return new Forecaster(s, checked(probabilities.clone()), "custom", runRate, observer);
  }

  /**
   * A forecaster that also reports the run-rate: the expected bookings of deals not created yet,
   * from additive Holt-Winters ({@link HoltWinters#fit(double[], int)}) on a history of
   * new-business bookings.
   *
   * <p>The rule. The open pipeline already holds every deal that exists at the snapshot date; what
   * it cannot hold is the deals created later. Their bookings are modelled from history as, for
   * each past period, the amount won in that period by deals created in that same period (the
   * bookings no pipeline at the period's start could have shown). That series is smoothed by
   * additive Holt-Winters (Hyndman and Athanasopoulos, Forecasting: Principles and Practice, 3rd
   * ed., 8.3) and forecast for the periods after the history, each forecast clamped to at least 0
   * ({@link HoltWinters#forecastNonNegative(int)}). {@link #runRate(ForecastPeriod)} then counts,
   * for every day of the asked period after the snapshot date, its share of the forecast period it
   * falls in; days up to the snapshot date count nothing (those deals exist and are in the pipeline
   * or closed). The share assumes deals are created evenly over a period, which slightly overstates
   * the part of a period already under way (deals created late have less time to close in it), and
   * deals created in one future period and won in a later one are not counted (they belong to
   * neither the pipeline nor the series).
   *
   * <p>Opt-in, because it needs a bookings history the snapshot does not hold, and because a user
   * asking for the weighted pipeline expects exactly the pipeline. Probabilities, models and
   * scenarios ({@link Scenario}) keep the run-rate as it is.
   *
   * @param history the past periods of the series, oldest first, consecutive and of one length (the
   *     same number of calendar months, or of days); the run-rate continues in periods of that
   *     length after the last one
   * @param newBusinessBookings per history period, the amount won in it by deals created in it, in
   *     minor units of the snapshot's currency; finite and not negative, at least one value (its
   *     length picks the method: {@link HoltWinters.Method})
   * @param season the season length in periods (12 for months in a year, 4 for quarters, 1 for
   *     none), at least 1
   * @throws ValidationException if the lengths differ, the periods are not consecutive or not of
   *     one length, a value is NaN, infinite or negative, or the series is empty
   */
  public Forecaster withRunRate(
      List<ForecastPeriod> history, double[] newBusinessBookings, int season) {
    if (newBusinessBookings == null) {
      throw new ValidationException(
          FieldProblem.of("newBusinessBookings", null, "must not be null"));
    }
    for (int i = 0; i < newBusinessBookings.length; i++) {
      if (!(newBusinessBookings[i] >= 0) || Double.isInfinite(newBusinessBookings[i])) {
        throw new ValidationException(
            FieldProblem.of(
                "newBusinessBookings[" + i + "]",
                newBusinessBookings[i],
                "must be finite and not negative"));
      }
    }
    return withRunRate(history, HoltWinters.fit(newBusinessBookings, season));
  }

  /**
   * A forecaster that reports the run-rate from a Holt-Winters model already fitted (for example
   * with chosen smoothing parameters) on new-business bookings, one value per history period; the
   * rule is that of {@link #withRunRate(List, double[], int)}.
   *
   * @throws ValidationException if the history has not one period per value of the model, or its
   *     periods are not consecutive or not of one length
   */
  public Forecaster withRunRate(List<ForecastPeriod> history, HoltWinters model) {
    return new Forecaster(s, p, modelName, RunRate.of(history, model), observer);
  }

  /** This forecaster with the run-rate of another (or none); for {@link Scenario}. */
  Forecaster withRunRateOf(Forecaster other) {
    return new Forecaster(s, p, modelName, other.runRate, observer);
  }

  /**
   * This forecaster with an observer that times {@link #distribution(ForecastPeriod)} and {@link
   * #monteCarlo} as the analysis {@code forecast}, for example {@code PipelineMetrics}
   * (pipeline-micrometer). The sums ({@link #weighted(ForecastPeriod)}, {@link #rollup}) take
   * microseconds and are not observed. Default {@link PipelineObserver#none()}.
   *
   * @param observer not null
   * @throws ValidationException if null
   */
  public Forecaster withObserver(PipelineObserver observer) {
    if (observer == null) {
      throw new ValidationException(FieldProblem.of("observer", null, "must not be null"));
    }
    return new Forecaster(s, p, modelName, runRate, observer);
  }

  /** Whether a run-rate was given ({@link #withRunRate(List, double[], int)}). */
  public boolean hasRunRate() {
    return runRate != null;
  }

  /**
   * The run-rate of the period: expected bookings, in minor units, from deals not yet created at
   * the snapshot date (see {@link #withRunRate(List, double[], int)} for the rule). Not part of
   * {@link #weighted(ForecastPeriod)}. 0 without a run-rate, for periods that end by the day after
   * the snapshot date, and where the forecast is clamped to 0; never negative, never NaN.
   *
   * @throws ValidationException if the period lies more than 10,000 history periods after the
   *     history
   */
  public double runRate(ForecastPeriod period) {
    if (runRate == null) {
      return 0;
    }
    return runRate.over(period, Math.toIntExact(s.asOf().toEpochDay() + 1));
  }

  /**
   * The expected revenue still to come in the period: {@link #weighted(ForecastPeriod)} (open
   * deals) plus {@link #runRate(ForecastPeriod)} (deals not created yet), in minor units. Closed
   * amounts ({@link #closed(ForecastPeriod)}) are not included.
   */
  public double expected(ForecastPeriod period) {
    return weighted(period) + runRate(period);
  }

  private double[] checked(double[] q) {
    if (q.length != s.size) {
      throw new ValidationException(
          FieldProblem.of(
              "probabilities", q.length, "must have one entry per row (" + s.size + ")"));
    }
    for (int i = 0; i < q.length; i++) {
      if (!(q[i] >= 0 && q[i] <= 1)) {
        throw new ValidationException(
            FieldProblem.of("probabilities[" + i + "]", q[i], "must be in [0, 1]"));
      }
    }
    return q;
  }

  /** The snapshot. */
  public PipelineSnapshot snapshot() {
    return s;
  }

  /** The name of the probability source. */
  public String modelName() {
    return modelName;
  }

  /** The probability of a row used by this forecaster. */
  public double probability(int row) {
    return p[row];
  }

  /** A copy of the probabilities used, one per row. */
  public double[] probabilities() {
    return p.clone();
  }

  // why: adding 2^52 to x in [0, 2^52] rounds it half-even to an integer that the low mantissa
  // bits then hold; the same result as Math.rint, without the slower double-to-long conversion.
  // Amounts of at most 2^44 minor units keep x = a p 256 within range.
  private static final double ROUNDER = 0x1p52;
  private static final long ROUNDER_BITS = 0x4330000000000000L;

  /** One deal's exact weighted term in 1/256 minor units. */
  static long term(long amount, double probability) {
    return Double.doubleToRawLongBits(amount * probability * SCALE + ROUNDER) - ROUNDER_BITS;
  }

  /** The weighted open pipeline {@code sum a_i p_i} over every open deal, in 1/256 minor units. */
  public long weightedScaled() {
    long[] a = s.amount;
    double[] q = p;
    int n = s.openCount;
    long sum = 0;
    for (int i = 0; i < n; i++) {
      sum += Double.doubleToRawLongBits(a[i] * q[i] * SCALE + ROUNDER) - ROUNDER_BITS;
    }
    return sum;
  }

  /** The weighted open pipeline over every open deal, in minor units. */
  public double weighted() {
    return weightedScaled() / SCALE;
  }

  /** The weighted open pipeline expected to close in the period, in minor units. */
  public double weighted(ForecastPeriod period) {
    int from = period.startDay();
    int to = period.endDay();
    long[] a = s.amount;
    int[] d = s.closeDay;
    long sum = 0;
    for (int i = 0; i < s.openCount; i++) {
      int day = d[i];
      if (day >= from && day < to) {
        sum += term(a[i], p[i]);
      }
    }
    return sum / SCALE;
  }

  /**
   * The rep's view, reported beside the model's {@link #weighted(ForecastPeriod)} and never mixed
   * into it: the weighted open pipeline of the period where each deal with a rep's probability
   * override counts at the override and the others at this forecaster's probability, in minor
   * units.
   */
  public double weightedWithOverrides(ForecastPeriod period) {
    int from = period.startDay();
    int to = period.endDay();
    long sum = 0;
    for (int i = 0; i < s.openCount; i++) {
      int day = s.closeDay[i];
      if (day >= from && day < to) {
        double o = s.override[i];
        sum += term(s.amount[i], Double.isNaN(o) ? p[i] : o);
      }
    }
    return sum / SCALE;
  }

  /** Closed-won amount with a close date in the period ("closed to date"), in minor units. */
  public long closed(ForecastPeriod period) {
    int from = period.startDay();
    int to = period.endDay();
    long sum = 0;
    for (int i = s.openCount; i < s.size; i++) {
      if (s.status[i] == 1 && s.closeDay[i] >= from && s.closeDay[i] < to) {
        sum += s.amount[i];
      }
    }
    return sum;
  }

  /**
   * Weighted open pipeline by period and a dimension, with the run-rate of each period on its own
   * line ({@link ForecastTable#runRate(int)}, 0 without a run-rate).
   *
   * @param periods non-overlapping periods in ascending order, not empty, spanning at most 2^20
   *     days
   * @param dimension the column breakdown
   * @throws ValidationException if the periods overlap, are unordered, or span too long
   */
  public ForecastTable weightedBy(List<ForecastPeriod> periods, Dimension dimension) {
    if (periods.isEmpty()) {
      throw new ValidationException(FieldProblem.of("periods", periods, "must not be empty"));
    }
    int base = periods.get(0).startDay();
    int end = periods.get(periods.size() - 1).endDay();
    for (int k = 1; k < periods.size(); k++) {
      if (periods.get(k).startDay() < periods.get(k - 1).endDay()) {
        throw new ValidationException(
            FieldProblem.of("periods", periods.get(k), "overlaps or precedes the one before"));
      }
    }
    if ((long) end - base > MAX_PERIOD_DAYS) {
      throw new ValidationException(
          FieldProblem.of("periods", periods, "span more than " + MAX_PERIOD_DAYS + " days"));
    }
    int span = end - base;
    int[] lut = new int[span];
    java.util.Arrays.fill(lut, -1);
    for (int k = 0; k < periods.size(); k++) {
      java.util.Arrays.fill(
          lut, periods.get(k).startDay() - base, periods.get(k).endDay() - base, k);
    }
    List<String> columns;
    int[] col;
    switch (dimension) {
      case OWNER -> {
        columns = s.ownerNames;
        col = s.owner;
      }
      case STAGE -> {
        columns = s.stageNames;
        col = s.stage;
      }
      case CATEGORY -> {
        columns = new ArrayList<>();
        for (ForecastCategory c : ForecastCategory.values()) {
          columns.add(c.name());
        }
        col = new int[s.openCount];
        for (int i = 0; i < s.openCount; i++) {
          col[i] = s.category[i];
        }
      }
      default -> {
        columns = List.of("total");
        col = null;
      }
    }
    int nc = Math.max(1, columns.size());
    int cells = periods.size() * nc;
    long[] a = s.amount;
    int[] d = s.closeDay;
    double[] q = p;
    int n = s.openCount;
    long[] w = new long[cells];
    long[] amt = new long[cells];
    int[] cnt = new int[cells];
    // why: one interleaved accumulator per cell so that a deal touches one cache line; when every
    // cell's amount fits in 44 bits and its count in the 20 above them (always, for fewer than
    // 2^20 open deals worth under 2^44 minor units in all), amount and count share one long,
    // saving a read-modify-write per deal
    if (n < PACKED_COUNT_LIMIT && s.openAmount < PACKED_AMOUNT_LIMIT) {
      long[] acc = new long[cells * 2];
      // the table holds each day's first cell offset (period row x columns x 2) or -1
      int[] rowAt = new int[span];
      for (int off = 0; off < span; off++) {
        rowAt[off] = lut[off] < 0 ? -1 : 2 * lut[off] * nc;
      }
      accumulatePacked(a, q, d, col, n, rowAt, base, acc);
      for (int c = 0; c < cells; c++) {
        w[c] = acc[2 * c];
        amt[c] = acc[2 * c + 1] & (PACKED_COUNT_ONE - 1);
        cnt[c] = (int) (acc[2 * c + 1] >>> PACKED_AMOUNT_BITS);
      }
    } else {
      long[] acc = new long[cells * 3];
      accumulate(a, q, d, col, n, lut, base, nc, acc);
      for (int c = 0; c < cells; c++) {
        w[c] = acc[3 * c];
        amt[c] = acc[3 * c + 1];
        cnt[c] = (int) acc[3 * c + 2];
      }
    }
    double[] rr = new double[periods.size()];
    for (int k = 0; k < rr.length; k++) {
      rr[k] = runRate(periods.get(k));
    }
    return new ForecastTable(periods, columns, w, amt, cnt, rr);
  }

  // the two accumulation loops are small static methods so that the JIT compiles each on its own

  /**
   * Per cell: weighted at 2c, amount plus count << 44 at 2c + 1; {@code rowAt} maps a day (from
   * {@code base}) to its period row's first offset, or -1 outside every period.
   */
  private static void accumulatePacked(
      long[] a, double[] q, int[] d, int[] col, int n, int[] rowAt, int base, long[] acc) {
    int span = rowAt.length;
    for (int i = 0; i < n; i++) {
      int off = d[i] - base;
      if (off >= 0 && off < span) {
        int row = rowAt[off];
        if (row >= 0) {
          int at = row + (col == null ? 0 : 2 * col[i]);
          long ai = a[i];
          acc[at] += Double.doubleToRawLongBits(ai * q[i] * SCALE + ROUNDER) - ROUNDER_BITS;
          acc[at + 1] += ai + PACKED_COUNT_ONE;
        }
      }
    }
  }

  /** Per cell: weighted at 3c, amount at 3c + 1, count at 3c + 2. */
  private static void accumulate(
      long[] a, double[] q, int[] d, int[] col, int n, int[] lut, int base, int nc, long[] acc) {
    int span = lut.length;
    for (int i = 0; i < n; i++) {
      int off = d[i] - base;
      if (off >= 0 && off < span) {
        int k = lut[off];
        if (k >= 0) {
          int at = 3 * (k * nc + (col == null ? 0 : col[i]));
          long ai = a[i];
          acc[at] += Double.doubleToRawLongBits(ai * q[i] * SCALE + ROUNDER) - ROUNDER_BITS;
          acc[at + 1] += ai;
          acc[at + 2]++;
        }
      }
    }
  }

  /** The cumulative category rollup of the whole snapshot for the period. */
  public CategoryRollup rollup(ForecastPeriod period) {
    CategoryRollup total = new CategoryRollup(0, 0, 0, 0, 0);
    for (CategoryRollup r : ownerRollups(period, new long[s.ownerNames.size()])) {
      total = total.plus(r);
    }
    return total;
  }

  /** The cumulative category rollup per owner for the period, in owner index order. */
  public Map<String, CategoryRollup> rollupByOwner(ForecastPeriod period) {
    CategoryRollup[] r = ownerRollups(period, new long[s.ownerNames.size()]);
    Map<String, CategoryRollup> out = new LinkedHashMap<>();
    for (int o = 0; o < r.length; o++) {
      out.put(s.ownerNames.get(o), r[o]);
    }
    return out;
  }

  private CategoryRollup[] ownerRollups(ForecastPeriod period, long[] weightedOut) {
    int owners = s.ownerNames.size();
    long[] sums = new long[owners * CATEGORIES];
    long[] closed = new long[owners];
    int from = period.startDay();
    int to = period.endDay();
    for (int i = 0; i < s.openCount; i++) {
      int day = s.closeDay[i];
      if (day >= from && day < to) {
        sums[s.owner[i] * CATEGORIES + s.category[i]] += s.amount[i];
        weightedOut[s.owner[i]] += term(s.amount[i], p[i]);
      }
    }
    for (int i = s.openCount; i < s.size; i++) {
      int day = s.closeDay[i];
      if (s.status[i] == 1 && day >= from && day < to) {
        closed[s.owner[i]] += s.amount[i];
        // why: QuotaReport.weighted is closed plus the weighted open pipeline; won is p = 1
        weightedOut[s.owner[i]] += term(s.amount[i], 1);
      }
    }
    CategoryRollup[] out = new CategoryRollup[owners];
    for (int o = 0; o < owners; o++) {
      int b = o * CATEGORIES;
      long commit =
          closed[o]
              + sums[b + ForecastCategory.COMMIT.ordinal()]
              + sums[b + ForecastCategory.CLOSED.ordinal()];
      long likely = commit + sums[b + ForecastCategory.MOST_LIKELY.ordinal()];
      long best = likely + sums[b + ForecastCategory.BEST_CASE.ordinal()];
      long pipe = best + sums[b + ForecastCategory.PIPELINE.ordinal()];
      out[o] = new CategoryRollup(closed[o], commit, likely, best, pipe);
    }
    return out;
  }

  /**
   * Quota reports for the period: one per owner of the snapshot, then one per team of the hierarchy
   * (a team sums its members and its sub-teams). Subjects without a quota report quota 0, no
   * attainment and no coverage.
   *
   * @param period the period, not null
   * @param teams the hierarchy ({@link TeamHierarchy#none()} for owners only), not null
   * @param quotas quotas; those of other periods are ignored
   */
  public List<QuotaReport> quotaReports(
      ForecastPeriod period, TeamHierarchy teams, List<QuotaTarget> quotas) {
    Map<String, Long> quota = new HashMap<>();
    for (QuotaTarget q : quotas) {
      if (q.period().equals(period)) {
        quota.merge(q.subject(), q.amountMinor(), Long::sum);
      }
    }
    long[] weighted = new long[s.ownerNames.size()];
    CategoryRollup[] r = ownerRollups(period, weighted);
    List<QuotaReport> out = new ArrayList<>();
    Map<String, CategoryRollup> teamRollup = new LinkedHashMap<>();
    Map<String, Long> teamWeighted = new HashMap<>();
    for (String t : teams.teams()) {
      teamRollup.put(t, new CategoryRollup(0, 0, 0, 0, 0));
      teamWeighted.put(t, 0L);
    }
    for (int o = 0; o < r.length; o++) {
      String owner = s.ownerNames.get(o);
      long q = quota.getOrDefault(owner, 0L);
      boolean[] members = new boolean[r.length];
      members[o] = true;
      out.add(
          QuotaReport.of(
              owner, period, r[o], weighted[o] / SCALE, q, chanceOfQuota(period, members, q)));
      for (String t : teams.teamsAbove(owner)) {
        teamRollup.merge(t, r[o], CategoryRollup::plus);
        teamWeighted.merge(t, weighted[o], Long::sum);
      }
    }
    for (Map.Entry<String, CategoryRollup> e : teamRollup.entrySet()) {
      String t = e.getKey();
      long q = quota.getOrDefault(t, 0L);
      boolean[] members = new boolean[r.length];
      for (int o = 0; o < r.length; o++) {
        members[o] = teams.teamsAbove(s.ownerNames.get(o)).contains(t);
      }
      out.add(
          QuotaReport.of(
              t,
              period,
              e.getValue(),
              teamWeighted.get(t) / SCALE,
              q,
              chanceOfQuota(period, members, q)));
    }
    return List.copyOf(out);
  }

  /**
   * Quota reports for the fiscal period of {@code kind} that holds {@code date} in the calendar (a
   * 4-4-5 retail quarter, say): {@link #quotaReports(ForecastPeriod, TeamHierarchy, List)} for
   * {@link ForecastPeriod#of(org.salespipeline.core.calendar.FiscalPeriod)} of it. Quotas count
   * only if their period has the fiscal period's boundaries.
   *
   * @param calendar the fiscal calendar, not null
   * @param kind the kind of period (quarter, month, ...), not null
   * @param date a date in the period, not null
   * @param teams the hierarchy ({@link TeamHierarchy#none()} for owners only), not null
   * @param quotas quotas; those of other periods are ignored
   * @throws ValidationException if the calendar, kind or date is null, or the date is outside a
   *     table calendar
   */
  public List<QuotaReport> quotaReports(
      org.salespipeline.core.calendar.FiscalCalendar calendar,
      org.salespipeline.core.calendar.PeriodKind kind,
      LocalDate date,
      TeamHierarchy teams,
      List<QuotaTarget> quotas) {
    if (calendar == null) {
      throw new ValidationException(FieldProblem.of("calendar", null, "must not be null"));
    }
    return quotaReports(ForecastPeriod.of(calendar.periodOf(date, kind)), teams, quotas);
  }

  /**
   * The revenue distribution of the period: open deals expected to close in it with this
   * forecaster's probabilities, plus the deals already won in it (as certain). The engine is picked
   * by {@link RevenueDistributions#auto(long[], double[])}.
   */
  public RevenueDistribution distribution(ForecastPeriod period) {
    return observer.observeAnalysis("forecast", () -> allOwnersDistribution(period));
  }

  private RevenueDistribution allOwnersDistribution(ForecastPeriod period) {
    boolean[] all = new boolean[s.ownerNames.size()];
    java.util.Arrays.fill(all, true);
    return distribution(period, all);
  }

  /**
   * The revenue distribution of the period (the deals of {@link #distribution(ForecastPeriod)}) by
   * Monte Carlo, reporting progress as {@link RevenueDistributions#monteCarlo(long[], double[],
   * int, long, ProgressListener)} does; equal seeds give equal results.
   *
   * @param trials at least 1
   * @param progress hears (trials done, trials in all); not null
   * @throws ValidationException if trials is below 1 or the listener is null
   */
  public RevenueDistribution monteCarlo(
      ForecastPeriod period, int trials, long seed, ProgressListener progress) {
    return observer.observeAnalysis(
        "forecast",
        () -> {
          boolean[] all = new boolean[s.ownerNames.size()];
          java.util.Arrays.fill(all, true);
          PeriodDeals d = periodDeals(period, all);
          return RevenueDistributions.monteCarlo(
              d.amounts, d.probabilities, trials, seed, progress);
        });
  }

  private java.util.OptionalDouble chanceOfQuota(
      ForecastPeriod period, boolean[] owners, long quota) {
    if (quota <= 0) {
      return java.util.OptionalDouble.empty();
    }
    return java.util.OptionalDouble.of(distribution(period, owners).probabilityAtLeast(quota));
  }

  private RevenueDistribution distribution(ForecastPeriod period, boolean[] owners) {
    PeriodDeals d = periodDeals(period, owners);
    return RevenueDistributions.auto(d.amounts, d.probabilities);
  }

  private record PeriodDeals(long[] amounts, double[] probabilities) {}

  private PeriodDeals periodDeals(ForecastPeriod period, boolean[] owners) {
    int from = period.startDay();
    int to = period.endDay();
    int n = 0;
    for (int i = 0; i < s.size; i++) {
      if (counts(i, from, to, owners)) {
        n++;
      }
    }
    long[] a = new long[n];
    double[] q = new double[n];
    n = 0;
    for (int i = 0; i < s.size; i++) {
      if (counts(i, from, to, owners)) {
        a[n] = s.amount[i];
        q[n++] = i < s.openCount ? p[i] : 1.0;
      }
    }
    return new PeriodDeals(a, q);
  }

  private boolean counts(int i, int from, int to, boolean[] owners) {
    return s.closeDay[i] >= from
        && s.closeDay[i] < to
        && owners[s.owner[i]]
        && (i < s.openCount || s.status[i] == 1);
  }
}
