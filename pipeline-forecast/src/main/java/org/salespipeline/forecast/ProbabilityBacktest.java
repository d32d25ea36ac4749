package org.salespipeline.forecast;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.salespipeline.core.CurrencyConverter;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.ProgressListener;
import org.salespipeline.core.ValidationException;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.stage.PipelineDefinition;
import org.salespipeline.forecast.model.ProbabilityModel;

/**
 * Rolling-origin backtest of win-probability models: for every period and every origin the rule
 * places in it (any dates: the 1st of each month, weeks before the period's end, every Monday...),
 * the pipeline is rebuilt as it stood at the origin from the history alone (no look-ahead), a model
 * fitted by the caller on what was known then gives the forecast (won so far in the period plus the
 * weighted open deals due in it), and the forecast is compared with what actually closed won in the
 * period. {@link #compare} runs several models over the same origins, so their figures are directly
 * comparable; {@link #run} is the one-model case. (The period forecast of a whole workspace, with
 * deals not yet created and a calibrated band, is another class's job: this one scores the
 * probabilities.)
 *
 * <p>An origin date D means "as known at the start of D": the snapshot holds the events before D's
 * first instant in the backtest's zone. Each origin carries a lead, the label results are grouped
 * by ({@link Result#byLead()}, {@link Result#calibrationByLead()}).
 *
 * <p>Accuracy: WAPE, bias and MAPE ({@link ForecastAccuracy}) over all forecasts, per period and
 * per lead. Calibration ({@link Calibration}, Brier score with Murphy's 1973 decomposition and the
 * reliability table): at every origin, every deal open then gives one pair, its in-period
 * probability against whether it closed won within the period. The in-period probability is the
 * model's probability when the deal's expected close date lies in the period and 0 otherwise, which
 * is exactly what the forecast sums ({@code sum a_i p_i} over deals due in the period); a deal that
 * wins in the period while not due in it therefore counts as a miss. Deals created after the origin
 * give no pair (they only show in the actual). Compare the Brier score with {@link
 * Calibration#uncertainty()}, the score of always forecasting the base rate.
 *
 * <p>Documented answers rather than errors: an origin before any history sees an empty pipeline
 * (forecast = closed so far = 0, no calibration pairs); a period without actuals has an empty MAPE,
 * WAPE and bias (never NaN); no pairs at all give {@link Calibration} with count 0 and Brier 0.
 *
 * <p>Stateless and thread-safe if the history supplier is; each call reads the history once per
 * origin plus once per period for the actuals, whatever the number of models.
 */
public final class ProbabilityBacktest {
  /** Equal-width bins of the reliability table. */
  public static final int CALIBRATION_BINS = 10;

  private ProbabilityBacktest() {}

  /**
   * Fits a model on the history known at an origin. Implementations must use only events at or
   * before the origin (for example {@code DealSnapshots.transitions(events, pipeline, origin)}).
   */
  @FunctionalInterface
  public interface ModelFit {
    /** The model to forecast with at {@code origin}. */
    ProbabilityModel fit(Instant origin);
  }

  /**
   * One origin of a period's forecast.
   *
   * @param date the forecast sees what was known at the start of this day; not after the period's
   *     end date (the first day after it)
   * @param lead the label results are grouped by (for example "period start"), not blank
   */
  public record Origin(LocalDate date, String lead) {
    /**
     * @throws ValidationException if the date is null or the lead null or blank
     */
    public Origin {
      if (date == null) {
        throw new ValidationException(FieldProblem.of("origin.date", null, "is required"));
      }
      if (lead == null || lead.isBlank()) {
        throw new ValidationException(FieldProblem.of("origin.lead", lead, "must not be blank"));
      }
    }
  }

  /** Where the forecasts of a period are made. Implementations must be deterministic. */
  @FunctionalInterface
  public interface OriginRule {
    /**
     * The origins of the period's forecasts, each lead at most once.
     *
     * @param period a period of the backtest
     */
    List<Origin> origins(ForecastPeriod period);

    /** One origin on the period's first day ("as of the 1st of the month"), lead "period start". */
    static OriginRule periodStart() {
      return period -> List.of(new Origin(period.start(), PERIOD_START));
    }

    /**
     * Origins whole weeks before each period's end (its exclusive end date), led by {@link
     * ProbabilityBacktest#weeksBeforeEnd(int)}.
     *
     * @param weeks each 0 to 52, distinct, not empty
     * @throws ValidationException for an empty list, a value out of range or given twice
     */
    static OriginRule weeksBeforeEnd(List<Integer> weeks) {
      if (weeks == null || weeks.isEmpty()) {
        throw new ValidationException(FieldProblem.of("weeksBefore", "[]", "must not be empty"));
      }
      Set<Integer> seen = new HashSet<>();
      for (Integer w : weeks) {
        if (w == null || w < 0 || w > 52) {
          throw new ValidationException(
              FieldProblem.of("weeksBefore", w, "must be within [0, 52]"));
        }
        if (!seen.add(w)) {
          throw new ValidationException(FieldProblem.of("weeksBefore", w, "appears twice"));
        }
      }
      List<Integer> copy = List.copyOf(weeks);
      return period ->
          copy.stream()
              .map(
                  w ->
                      new Origin(period.end().minusWeeks(w), ProbabilityBacktest.weeksBeforeEnd(w)))
              .toList();
    }
  }

  /** The lead of {@link OriginRule#periodStart()}. */
  public static final String PERIOD_START = "period start";

  /** The lead of an origin w weeks before the period's end: "w weeks before end". */
  public static String weeksBeforeEnd(int weeks) {
    return weeks + " weeks before end";
  }

  /**
   * One forecast against its actual.
   *
   * @param period the forecast period
   * @param lead the origin's lead
   * @param origin the instant the forecast was made (the last instant before the origin's date)
   * @param wonSoFar closed-won amount in the period up to the origin, minor units (part of the
   *     forecast; 0 for origins at or before the period's start)
   * @param forecast won so far in the period plus the weighted open deals due in it, minor units
   * @param actual closed-won amount in the period, minor units
   */
  public record Row(
      ForecastPeriod period,
      String lead,
      Instant origin,
      long wonSoFar,
      double forecast,
      long actual) {}

  /**
   * What a backtest found for one model. Immutable.
   *
   * @param model the model's name
   * @param rows every forecast, by period then origin
   * @param byPeriod accuracy per period over its origins, in period order
   * @param byLead accuracy per lead, in the order the leads first appear
   * @param overall accuracy over all rows
   * @param calibration in-period probability of every deal open at an origin against whether it
   *     closed won in the period, over all origins
   * @param calibrationByLead the same per lead, in the order of {@code byLead}
   */
  public record Result(
      String model,
      List<Row> rows,
      Map<ForecastPeriod, ForecastAccuracy> byPeriod,
      Map<String, ForecastAccuracy> byLead,
      ForecastAccuracy overall,
      Calibration calibration,
      Map<String, Calibration> calibrationByLead) {
    public Result {
      rows = List.copyOf(rows);
      byPeriod = Collections.unmodifiableMap(new LinkedHashMap<>(byPeriod));
      byLead = Collections.unmodifiableMap(new LinkedHashMap<>(byLead));
      calibrationByLead = Collections.unmodifiableMap(new LinkedHashMap<>(calibrationByLead));
    }
  }

  /**
   * Several models backtested over the same origins. Immutable.
   *
   * @param results one per model, in the order the fits were given
   */
  public record Comparison(List<Result> results) {
    public Comparison {
      results = List.copyOf(results);
    }

    /**
     * A Markdown table, one line per model: WAPE, bias, MAPE (percent, "n/a" when undefined), and
     * Brier score with reliability, resolution and uncertainty.
     */
    public String table() {
      StringBuilder md =
          new StringBuilder(
              "| model | WAPE | bias | MAPE | Brier | reliability | resolution | uncertainty |"
                  + " pairs |\n|---|---|---|---|---|---|---|---|---|\n");
      for (Result r : results) {
        Calibration c = r.calibration();
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %s | %s | %.4f | %.4f | %.4f | %.4f | %d |%n",
                r.model(),
                percent(r.overall().wape(), false),
                percent(r.overall().bias(), true),
                percent(r.overall().mape(), false),
                c.brier(),
                c.reliability(),
                c.resolution(),
                c.uncertainty(),
                c.count()));
      }
      return md.toString();
    }

    private static String percent(OptionalDouble v, boolean signed) {
      if (v.isEmpty()) {
        return "n/a";
      }
      return String.format(Locale.ROOT, signed ? "%+.1f%%" : "%.1f%%", 100 * v.getAsDouble());
    }
  }

  /**
   * Runs the backtest for one model with origins whole weeks before each period's end: {@link
   * #run(Supplier, PipelineDefinition, Currency, CurrencyConverter, ZoneId, List, OriginRule,
   * ModelFit, ProgressListener)} with {@link OriginRule#weeksBeforeEnd(List)}.
   *
   * @param weeksBefore lead times in weeks before each period's end, each 0 to 52, not empty
   * @throws ValidationException for empty periods or lead times, or a lead time out of range or
   *     given twice
   */
  public static Result run(
      Supplier<Stream<DealEvent>> history,
      PipelineDefinition pipeline,
      Currency currency,
      CurrencyConverter converter,
      ZoneId zone,
      List<ForecastPeriod> periods,
      List<Integer> weeksBefore,
      ModelFit fit,
      ProgressListener progress) {
    return run(
        history,
        pipeline,
        currency,
        converter,
        zone,
        periods,
        OriginRule.weeksBeforeEnd(weeksBefore),
        fit,
        progress);
  }

  /**
   * Runs the backtest for one model.
   *
   * @param history opens a fresh stream of the history, grouped by deal in sequence order (as
   *     {@code WorkspaceStore.streamEvents} gives it); each stream is closed after use
   * @param pipeline the pipeline to forecast
   * @param currency the reporting currency
   * @param converter converts other currencies at each snapshot's date
   * @param zone the zone that turns instants into dates
   * @param periods the periods to forecast, not empty
   * @param origins places each period's origins (for example {@link OriginRule#periodStart()})
   * @param fit fits the model at each origin
   * @param progress hears (steps done, steps in all): one step per period's actual and one per
   *     origin
   * @throws ValidationException for empty periods, a period without origins, an origin after its
   *     period's end or a lead given twice in a period
   */
  public static Result run(
      Supplier<Stream<DealEvent>> history,
      PipelineDefinition pipeline,
      Currency currency,
      CurrencyConverter converter,
      ZoneId zone,
      List<ForecastPeriod> periods,
      OriginRule origins,
      ModelFit fit,
      ProgressListener progress) {
    Objects.requireNonNull(fit, "fit");
    return compare(
            history, pipeline, currency, converter, zone, periods, origins, List.of(fit), progress)
        .results()
        .get(0);
  }

  /**
   * Runs the backtest for one model over {@code count} consecutive fiscal periods of the calendar
   * (fiscal months, 4-4-5 quarters, ...), the first holding {@code first}: {@link #run(Supplier,
   * PipelineDefinition, Currency, CurrencyConverter, ZoneId, List, OriginRule, ModelFit,
   * ProgressListener)} with {@link
   * ForecastPeriod#of(org.salespipeline.core.calendar.FiscalCalendar,
   * org.salespipeline.core.calendar.PeriodKind, LocalDate, int)}.
   *
   * @param calendar the fiscal calendar, not null
   * @param kind the kind of period, not null
   * @param first a date in the first period, not null
   * @param count the number of periods
   * @throws ValidationException if the calendar, kind or date is null, the count is below 1, or as
   *     the list-taking run
   */
  public static Result run(
      Supplier<Stream<DealEvent>> history,
      PipelineDefinition pipeline,
      Currency currency,
      CurrencyConverter converter,
      ZoneId zone,
      org.salespipeline.core.calendar.FiscalCalendar calendar,
      org.salespipeline.core.calendar.PeriodKind kind,
      LocalDate first,
      int count,
      OriginRule origins,
      ModelFit fit,
      ProgressListener progress) {
    if (count < 1) {
      throw new ValidationException(FieldProblem.of("count", count, "must be at least 1"));
    }
    return run(
        history,
        pipeline,
        currency,
        converter,
        zone,
        ForecastPeriod.of(calendar, kind, first, count),
        origins,
        fit,
        progress);
  }

  /**
   * Runs several models with origins whole weeks before each period's end ({@link
   * OriginRule#weeksBeforeEnd(List)}).
   *
   * @param weeksBefore lead times in weeks before each period's end, each 0 to 52, not empty
   * @throws ValidationException for empty periods, lead times or fits, or a lead time out of range
   *     or given twice
   * @see #compare(Supplier, PipelineDefinition, Currency, CurrencyConverter, ZoneId, List,
   *     OriginRule, List, ProgressListener)
   */
  public static Comparison compare(
      Supplier<Stream<DealEvent>> history,
      PipelineDefinition pipeline,
      Currency currency,
      CurrencyConverter converter,
      ZoneId zone,
      List<ForecastPeriod> periods,
      List<Integer> weeksBefore,
      List<ModelFit> fits,
      ProgressListener progress) {
    return compare(
        history,
        pipeline,
        currency,
        converter,
        zone,
        periods,
        OriginRule.weeksBeforeEnd(weeksBefore),
        fits,
        progress);
  }

  /**
   * Runs the backtest for several models over the same origins and snapshots.
   *
   * @param fits one per model, not empty; each is asked at every origin
   * @return one result per fit, in order
   * @throws ValidationException for empty periods or fits, a period without origins, an origin
   *     after its period's end or a lead given twice in a period
   * @see #run(Supplier, PipelineDefinition, Currency, CurrencyConverter, ZoneId, List, OriginRule,
   *     ModelFit, ProgressListener)
   */
  public static Comparison compare(
      Supplier<Stream<DealEvent>> history,
      PipelineDefinition pipeline,
      Currency currency,
      CurrencyConverter converter,
      ZoneId zone,
      List<ForecastPeriod> periods,
      OriginRule origins,
      List<ModelFit> fits,
      ProgressListener progress) {
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(origins, "origins");
    Objects.requireNonNull(fits, "fits");
    Objects.requireNonNull(progress, "progress");
    if (periods.isEmpty()) {
      throw new ValidationException(FieldProblem.of("periods", "[]", "must not be empty"));
    }
    if (fits.isEmpty()) {
      throw new ValidationException(FieldProblem.of("fits", "[]", "must not be empty"));
    }
    List<List<Origin>> placed = new ArrayList<>();
    long total = periods.size();
    for (ForecastPeriod period : periods) {
      List<Origin> os = List.copyOf(origins.origins(period));
      if (os.isEmpty()) {
        throw new ValidationException(FieldProblem.of("origins", period, "none for the period"));
      }
      Set<String> leads = new HashSet<>();
      for (Origin o : os) {
        if (o.date().isAfter(period.end())) {
          throw new ValidationException(
              FieldProblem.of(
                  "origins",
                  o.date(),
                  "is after the end of " + period + " (" + period.end() + ")"));
        }
        if (!leads.add(o.lead())) {
          throw new ValidationException(
              FieldProblem.of("origins", o.lead(), "lead appears twice for " + period));
        }
      }
      placed.add(os);
      total += os.size();
    }
    int m = fits.size();
    List<List<Row>> rows = new ArrayList<>();
    List<Map<String, Pairs>> pairs = new ArrayList<>();
    String[] names = new String[m];
    for (int k = 0; k < m; k++) {
      rows.add(new ArrayList<>());
      pairs.add(new LinkedHashMap<>());
    }
    long done = 0;
    progress.progress(0, total);
    for (int pi = 0; pi < periods.size(); pi++) {
      ForecastPeriod period = periods.get(pi);
      // why: the actual is what the history says closed won in the period, seen at its end
      Instant end = period.end().atStartOfDay(zone).toInstant().minusNanos(1);
      PipelineSnapshot atEnd = snapshot(history, pipeline, currency, converter, zone, end);
      long actual = Forecaster.of(atEnd).closed(period);
      Set<String> wonInPeriod = wonIn(atEnd, period);
      progress.progress(++done, total);
      for (Origin o : placed.get(pi)) {
        Instant origin = o.date().atStartOfDay(zone).toInstant().minusNanos(1);
        PipelineSnapshot then = snapshot(history, pipeline, currency, converter, zone, origin);
        for (int k = 0; k < m; k++) {
          ProbabilityModel model = fits.get(k).fit(origin);
          names[k] = model.name();
          Forecaster forecaster = Forecaster.of(then).withModel(model);
          long wonSoFar = forecaster.closed(period);
          double forecast = wonSoFar + forecaster.weighted(period);
          rows.get(k).add(new Row(period, o.lead(), origin, wonSoFar, forecast, actual));
          Pairs p = pairs.get(k).computeIfAbsent(o.lead(), x -> new Pairs());
          for (int i = 0; i < then.openCount(); i++) {
            int day = then.closeDay(i);
            boolean due = day >= period.startDay() && day < period.endDay();
            p.add(due ? forecaster.probability(i) : 0, wonInPeriod.contains(then.id(i)));
          }
        }
        progress.progress(++done, total);
      }
    }
    List<Result> results = new ArrayList<>(m);
    for (int k = 0; k < m; k++) {
      results.add(result(names[k], rows.get(k), periods, pairs.get(k)));
    }
    return new Comparison(results);
  }

  private static Result result(
      String name, List<Row> rows, List<ForecastPeriod> periods, Map<String, Pairs> pairs) {
    Map<ForecastPeriod, ForecastAccuracy> byPeriod = new LinkedHashMap<>();
    for (ForecastPeriod period : periods) {
      byPeriod.putIfAbsent(
          period, accuracy(rows.stream().filter(r -> r.period().equals(period)).toList()));
    }
    Map<String, ForecastAccuracy> byLead = new LinkedHashMap<>();
    Map<String, Calibration> calibrationByLead = new LinkedHashMap<>();
    Pairs all = new Pairs();
    for (Map.Entry<String, Pairs> e : pairs.entrySet()) {
      String lead = e.getKey();
      byLead.put(lead, accuracy(rows.stream().filter(r -> r.lead().equals(lead)).toList()));
      calibrationByLead.put(lead, e.getValue().calibration());
      all.addAll(e.getValue());
    }
    return new Result(
        name, rows, byPeriod, byLead, accuracy(rows), all.calibration(), calibrationByLead);
  }

  /** Ids of the deals that closed won with a close date in the period. */
  private static Set<String> wonIn(PipelineSnapshot s, ForecastPeriod period) {
    Set<String> won = new HashSet<>();
    for (int i = s.openCount(); i < s.size(); i++) {
      int day = s.closeDay(i);
      if (s.status(i) == DealStatus.WON && day >= period.startDay() && day < period.endDay()) {
        won.add(s.id(i));
      }
    }
    return won;
  }

  private static PipelineSnapshot snapshot(
      Supplier<Stream<DealEvent>> history,
      PipelineDefinition pipeline,
      Currency currency,
      CurrencyConverter converter,
      ZoneId zone,
      Instant asOf) {
    try (Stream<DealEvent> events = history.get()) {
      return DealSnapshots.fromHistory(events, pipeline, currency, asOf, zone, converter);
    }
  }

  private static ForecastAccuracy accuracy(List<Row> rows) {
    double[] f = new double[rows.size()];
    double[] a = new double[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      f[i] = rows.get(i).forecast();
      a[i] = rows.get(i).actual();
    }
    return ForecastAccuracy.of(f, a);
  }

  /** Growable (probability, outcome) pairs in primitive arrays. */
  private static final class Pairs {
    private double[] p = new double[256];
    private boolean[] o = new boolean[256];
    private int n;

    void add(double probability, boolean outcome) {
      if (n == p.length) {
        p = Arrays.copyOf(p, 2 * n);
        o = Arrays.copyOf(o, 2 * n);
      }
      p[n] = probability;
      o[n++] = outcome;
    }

    void addAll(Pairs other) {
      for (int i = 0; i < other.n; i++) {
        add(other.p[i], other.o[i]);
      }
    }

    Calibration calibration() {
      return Calibration.of(Arrays.copyOf(p, n), Arrays.copyOf(o, n), CALIBRATION_BINS);
    }
  }
}
