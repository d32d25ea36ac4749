package org.salespipeline.forecast.bookings;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.stream.Stream;
import org.salespipeline.core.ConfigurationException;
import org.salespipeline.core.CurrencyConverter;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.ProgressListener;
import org.salespipeline.core.ValidationException;
import org.salespipeline.core.calendar.FiscalCalendar;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.event.PipelineObserver;
import org.salespipeline.core.stage.PipelineDefinition;
import org.salespipeline.core.store.EventQuery;
import org.salespipeline.core.store.WorkspaceStore;
import org.salespipeline.forecast.ForecastPeriod;

/**
 * The bookings forecast of one pipeline: how much will be won in a period, as seen at the start of
 * a day, with a calibrated band, its parts, the method chosen by backtest and that method's
 * accuracy on the workspace's own past.
 *
 * <p>The builder reads the deal history once into primitive columns; every forecast as of day T
 * then uses only facts recorded before the start of T in the forecaster's zone, refitting its
 * models on that past (no look-ahead). Thread-safe: forecasts and backtests may run concurrently;
 * fitted models and parts are cached per origin and period for the forecaster's lifetime (a few
 * small arrays each). The events are read once: build a new forecaster to see later events.
 *
 * <p>How it works (see the package's README section): won so far is exact; the open pipeline is
 * each open deal's amount times its probability of winning within the rest of the period, from a
 * discrete-time hazard by deal age with a learned position-in-quarter factor, shrunk towards pooled
 * estimates when data is thin; new business is the bookings of deals created after T and won in the
 * period, estimated from the same quantity in past periods; candidates (this model and the naive
 * persistence, seasonal-naive and trailing-mean methods) are scored by a rolling-origin backtest
 * before T and the best by WAPE is used; the band comes from the chosen method's own rolling-origin
 * errors, widened by the model's spread while that history is short.
 */
public final class BookingsForecaster {
  private final ForecastEngine engine;
  private final Currency currency;
  private final PipelineObserver observer;

  private BookingsForecaster(ForecastEngine engine, Currency currency, PipelineObserver observer) {
    this.engine = engine;
    this.currency = currency;
    this.observer = observer;
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The forecast of bookings in {@code period} as seen at the start of {@code asOf}.
   *
   * <p>The period may have started (won so far is then exact and part of every quantile) or lie in
   * the future; it must not have ended: {@code asOf} must be before {@code period.end()}.
   *
   * @param period the period, not null
   * @param asOf the day at whose start the forecast is made, not null
   * @return the forecast
   *     <p>Runs through the builder's {@link Builder#observer observer} as the analysis {@code
   *     forecast}; bad arguments are refused before that.
   * @throws ValidationException if an argument is null or {@code asOf} is not before the period's
   *     end
   */
  public BookingsForecast forecast(ForecastPeriod period, LocalDate asOf) {
    if (period == null) {
      throw new ValidationException(FieldProblem.of("period", null, "must not be null"));
    }
    if (asOf == null) {
      throw new ValidationException(FieldProblem.of("asOf", null, "must not be null"));
    }
    if (!asOf.isBefore(period.end())) {
      throw new ValidationException(
          FieldProblem.of(
              "asOf",
              asOf,
              "must be before the end of the period "
                  + period.start()
                  + ".."
                  + period.end()
                  + " (a period that has ended is an actual, not a forecast)"));
    }
    return observer.observeAnalysis("forecast", () -> engine.forecast(period, asOf));
  }

  /**
   * Backtests the forecaster: at each origin of the plan, the forecast of the period that contains
   * it, made from the past before that origin only, beside what the period actually booked
   * according to the full history.
   *
   * @param plan the plan, not null
   * @return the rows and summary figures
   *     <p>Runs through the builder's {@link Builder#observer observer} as the analysis {@code
   *     backtest}.
   * @throws ValidationException if the plan is null
   */
  public BookingsBacktest backtest(BacktestPlan plan) {
    if (plan == null) {
      throw new ValidationException(FieldProblem.of("plan", null, "must not be null"));
    }
    return observer.observeAnalysis("backtest", () -> engine.backtest(plan));
  }

  /** The reporting currency of every amount. */
  public Currency reportingCurrency() {
    return currency;
  }

  /**
   * Builds a {@link BookingsForecaster}. Required: {@link #pipeline}, {@link #reportingCurrency}
   * and exactly one event source ({@link #events} or {@link #from}). Defaults: {@link #converter}
   * {@link CurrencyConverter#sameCurrencyOnly()}, {@link #zone} UTC, {@link #progress} none, {@link
   * #observer} {@link PipelineObserver#none()}, {@link #calendar} none (calendar months and
   * quarters, as before fiscal calendars). Every setting may be set once; a second set throws
   * {@link ConfigurationException}. Not thread-safe.
   */
  public static final class Builder {
    private PipelineDefinition pipeline;
    private Currency currency;
    private CurrencyConverter converter;
    private ZoneId zone;
    private Iterable<DealEvent> events;
    private WorkspaceStore store;
    private ProgressListener progress;
    private PipelineObserver observer;
    private FiscalCalendar calendar;

    private Builder() {}

    /**
     * The pipeline whose deals are forecast; deals of other pipelines are skipped. Required.
     *
     * @throws ValidationException if null
     * @throws ConfigurationException if already set
     */
    public Builder pipeline(PipelineDefinition pipeline) {
      once(this.pipeline, "pipeline");
      this.pipeline = notNull(pipeline, "pipeline");
      return this;
    }

    /**
     * The currency of every result. Required.
     *
     * @throws ValidationException if null
     * @throws ConfigurationException if already set
     */
    public Builder reportingCurrency(Currency currency) {
      once(this.currency, "reportingCurrency");
      this.currency = notNull(currency, "reportingCurrency");
      return this;
    }

    /**
     * Converts amounts in other currencies at the rate of the day they were recorded. Default
     * {@link CurrencyConverter#sameCurrencyOnly()}: an amount in another currency fails the build.
     *
     * @throws ValidationException if null
     * @throws ConfigurationException if already set
     */
    public Builder converter(CurrencyConverter converter) {
      once(this.converter, "converter");
      this.converter = notNull(converter, "converter");
      return this;
    }

    /**
     * The zone whose days, months and quarters the forecast counts in. Default UTC.
     *
     * @throws ValidationException if null
     * @throws ConfigurationException if already set
     */
    public Builder zone(ZoneId zone) {
      once(this.zone, "zone");
      this.zone = notNull(zone, "zone");
      return this;
    }

    /**
     * The fiscal calendar whose months and quarters the forecast counts in: a fiscal month or
     * quarter is compared with the fiscal months or quarters before it (persistence, seasonal
     * naive, trailing mean, new business), a day's place in its quarter is its fiscal month, and a
     * backtest's horizon is the fiscal month or quarter holding each origin. Default none: calendar
     * months and quarters, exactly as before calendars existed (with {@link
     * FiscalCalendar#gregorian()} the figures are the same).
     *
     * @throws ValidationException if null
     * @throws ConfigurationException if already set
     */
    public Builder calendar(FiscalCalendar calendar) {
      once(this.calendar, "calendar");
      this.calendar = notNull(calendar, "calendar");
      return this;
    }

    /**
     * The deal events, grouped by deal, each deal's in sequence order starting with its creation.
     * Iterated once, by {@link #build()}. Exactly one of this and {@link #from} is required.
     *
     * @throws ValidationException if null
     * @throws ConfigurationException if an event source was already set
     */
    public Builder events(Iterable<DealEvent> events) {
      source();
      this.events = notNull(events, "events");
      return this;
    }

    /**
     * Reads every event of the store's workspace once, by {@link #build()}. Exactly one of this and
     * {@link #events} is required.
     *
     * @throws ValidationException if null
     * @throws ConfigurationException if an event source was already set
     */
    public Builder from(WorkspaceStore store) {
      source();
      this.store = notNull(store, "store");
      return this;
    }

    /**
     * Hears progress while the events are read (total -1 until the end) and while models are
     * fitted. Default none.
     *
     * @throws ValidationException if null
     * @throws ConfigurationException if already set
     */
    public Builder progress(ProgressListener progress) {
      once(this.progress, "progress");
      this.progress = notNull(progress, "progress");
      return this;
    }

    /**
     * Times each {@link BookingsForecaster#forecast} and {@link BookingsForecaster#backtest} as the
     * analyses {@code forecast} and {@code backtest}, for example with {@code PipelineMetrics}
     * (pipeline-micrometer). Default {@link PipelineObserver#none()}, which costs one virtual call.
     * Reading the events in {@link #build()} is not observed.
     *
     * @throws ValidationException if null
     * @throws ConfigurationException if already set
     */
    public Builder observer(PipelineObserver observer) {
      once(this.observer, "observer");
      this.observer = notNull(observer, "observer");
      return this;
    }

    /**
     * Reads the events into columns and returns the forecaster.
     *
     * @throws ConfigurationException if a required setting is missing
     * @throws ValidationException if the events are not grouped by deal in sequence, or an amount
     *     is negative or cannot be converted to the reporting currency (naming the deal and the
     *     amount)
     */
    public BookingsForecaster build() {
      List<String> missing = new ArrayList<>();
      if (pipeline == null) {
        missing.add("pipeline");
      }
      if (currency == null) {
        missing.add("reportingCurrency");
      }
      if (events == null && store == null) {
        missing.add("events or from(store)");
      }
      if (!missing.isEmpty()) {
        throw new ConfigurationException("required but not set: " + String.join(", ", missing));
      }
      CurrencyConverter conv = converter == null ? CurrencyConverter.sameCurrencyOnly() : converter;
      ZoneId z = zone == null ? ZoneId.of("UTC") : zone;
      ProgressListener p = progress == null ? ProgressListener.NONE : progress;
      HistoryReader reader = new HistoryReader(pipeline, currency, conv, z);
      DealColumns columns;
      if (events != null) {
        columns = reader.read(events, p);
      } else {
        try (Stream<DealEvent> stream = store.streamEvents(EventQuery.all())) {
          columns = reader.read(stream::iterator, p);
        }
      }
      PipelineObserver o = observer == null ? PipelineObserver.none() : observer;
      return new BookingsForecaster(
          new ForecastEngine(columns, currency, p, calendar), currency, o);
    }

    private void source() {
      if (events != null || store != null) {
        throw new ConfigurationException(
            "the event source was already set to " + (events != null ? "events" : "a store"));
      }
    }

    private static void once(Object current, String field) {
      if (current != null) {
        throw new ConfigurationException(field + " was already set to " + current);
      }
    }

    private static <T> T notNull(T value, String field) {
      if (value == null) {
        throw new ValidationException(FieldProblem.of(field, null, "must not be null"));
      }
      return value;
    }
  }
}
