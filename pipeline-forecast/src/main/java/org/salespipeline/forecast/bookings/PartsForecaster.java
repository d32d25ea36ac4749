package org.salespipeline.forecast.bookings;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.salespipeline.core.ConfigurationException;
import org.salespipeline.core.CurrencyConverter;
import org.salespipeline.core.DealKind;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.Money;
import org.salespipeline.core.ProgressListener;
import org.salespipeline.core.ValidationException;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.event.PipelineObserver;
import org.salespipeline.core.stage.PipelineDefinition;
import org.salespipeline.core.store.EventQuery;
import org.salespipeline.core.store.WorkspaceStore;
import org.salespipeline.forecast.ForecastPeriod;

/**
 * The bookings forecast of a period by part: new business, renewals and expansion, so that a
 * period's forecast covers the customers still to win and the customers already won.
 *
 * <p>The builder reads the history once. New business and expansion are each forecast exactly as
 * {@link BookingsForecaster} forecasts a pipeline, over that part's deals only (kind NEW_BUSINESS;
 * kinds UPSELL and CROSS_SELL) with their own backtest, method choice and calibrated band. The
 * renewal part replays the retention history before the origin: renewal deals won so far in the
 * period are exact; every account still a customer whose renewal date, less the lead by which
 * renewals are booked before it (learned: {@link PartsForecast#renewalLeadDays()}), falls in the
 * period (or, without a renewal date, whose open renewal deal is expected to close in it) and that
 * has not renewed since its terms were set counts its open renewal deal's amount, else its
 * recurring value, times its {@link RenewalWeights renewal weight} (at risk or healthy, learned
 * from outcomes before the origin). Renewal deals are read from every pipeline (the standard
 * renewals pipeline included); their band is the spread of independent accounts widened by the same
 * common shock as the bookings band. On a workspace without retention the new-business part is the
 * forecaster's forecast of the pipeline and the other parts are zero.
 *
 * <p>Every forecast as of day T uses only facts recorded before the start of T (no look-ahead).
 * Thread-safe.
 */
public final class PartsForecaster {
  private static final double Z80 = 1.2815515655446004;

  private final ForecastEngine newBusiness;
  private final ForecastEngine expansion;
  private final RenewalHistory renewals;
  private final Currency currency;
  private final PipelineObserver observer;

  private PartsForecaster(
      ForecastEngine newBusiness,
      ForecastEngine expansion,
      RenewalHistory renewals,
      Currency currency,
      PipelineObserver observer) {
    this.newBusiness = newBusiness;
    this.expansion = expansion;
    this.renewals = renewals;
    this.currency = currency;
    this.observer = observer;
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The forecast of bookings in {@code period} by part, as seen at the start of {@code asOf}.
   *
   * @param period the period, not null
   * @param asOf the day at whose start the forecast is made, before the period's end; not null
   * @return the forecast; runs through the builder's observer as the analysis {@code forecast}
   * @throws ValidationException if an argument is null or {@code asOf} is not before the period's
   *     end
   */
  public PartsForecast forecast(ForecastPeriod period, LocalDate asOf) {
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
    return observer.observeAnalysis("forecast", () -> compute(period, asOf));
  }

  /**
   * What {@code part} actually booked in {@code period} according to the whole history read: the
   * actual a backtest scores the part's forecast against.
   *
   * @throws ValidationException if an argument is null
   */
  public Money actual(ForecastPart part, ForecastPeriod period) {
    if (part == null) {
      throw new ValidationException(FieldProblem.of("part", null, "must not be null"));
    }
    if (period == null) {
      throw new ValidationException(FieldProblem.of("period", null, "must not be null"));
    }
    long minor =
        switch (part) {
          case NEW_BUSINESS ->
              newBusiness == null ? 0 : newBusiness.actual(period, Integer.MAX_VALUE);
          case EXPANSION -> expansion == null ? 0 : expansion.actual(period, Integer.MAX_VALUE);
          case RENEWAL -> renewals.actual(period.startDay(), period.endDay());
        };
    return Money.ofMinor(minor, currency);
  }

  /** The renewal history read (for the package's tests and backtests). */
  RenewalHistory renewals() {
    return renewals;
  }

  /** The reporting currency of every amount. */
  public Currency reportingCurrency() {
    return currency;
  }

  private PartsForecast compute(ForecastPeriod period, LocalDate asOf) {
    int t = (int) asOf.toEpochDay();
    RenewalHistory.Replay r = renewals.replay(period.startDay(), period.endDay(), t);
    List<PartForecast> parts = new ArrayList<>();
    parts.add(bookings(ForecastPart.NEW_BUSINESS, newBusiness, period, asOf));
    parts.add(renewal(r));
    parts.add(bookings(ForecastPart.EXPANSION, expansion, period, asOf));
    return new PartsForecast(period, asOf, currency, parts, r.weights(), r.due(), r.lead());
  }

  private PartForecast bookings(
      ForecastPart part, ForecastEngine engine, ForecastPeriod period, LocalDate asOf) {
    if (engine == null) {
      return PartForecast.none(part, currency);
    }
    return PartForecast.of(part, engine.forecast(period, asOf));
  }

  /** The renewal part: exact wins so far plus the weighted renewals due, with a normal band. */
  private PartForecast renewal(RenewalHistory.Replay r) {
    if (r.won() == 0 && r.due() == 0) {
      return PartForecast.none(ForecastPart.RENEWAL, currency);
    }
    long rest = Math.round(r.expected());
    double sd = Math.sqrt(r.variance() + Band.SHOCK * Band.SHOCK * r.expected() * r.expected());
    long low = Math.min(rest, Math.round(Math.max(0, r.expected() - Z80 * sd)));
    long high = Math.max(rest, Math.min(r.atStake(), Math.round(r.expected() + Z80 * sd)));
    long won = r.won();
    return new PartForecast(
        ForecastPart.RENEWAL,
        currency,
        won + rest,
        won,
        won + low,
        won + rest,
        won + high,
        "renewal-weights");
  }

  /**
   * Builds a {@link PartsForecaster}. Required: {@link #pipeline}, {@link #reportingCurrency} and
   * exactly one event source ({@link #events} or {@link #from}). Defaults: {@link #converter}
   * {@link CurrencyConverter#sameCurrencyOnly()}, {@link #zone} UTC, {@link #observer} {@link
   * PipelineObserver#none()}. Every setting may be set once; a second set throws {@link
   * ConfigurationException}. Not thread-safe.
   */
  public static final class Builder {
    private PipelineDefinition pipeline;
    private Currency currency;
    private CurrencyConverter converter;
    private ZoneId zone;
    private Iterable<DealEvent> events;
    private WorkspaceStore store;
    private PipelineObserver observer;

    private Builder() {}

    /**
     * The pipeline whose new-business and expansion deals are forecast. Required.
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
     * {@link CurrencyConverter#sameCurrencyOnly()}.
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
     * The deal events of every pipeline, grouped by deal, each deal's in sequence order starting
     * with its creation. Iterated once, by {@link #build()}. Exactly one of this and {@link #from}
     * is required.
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
     * Times each {@link PartsForecaster#forecast} as the analysis {@code forecast}. Default {@link
     * PipelineObserver#none()}.
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
     * Reads the events once into the parts' columns and returns the forecaster.
     *
     * @throws ConfigurationException if a required setting is missing
     * @throws ValidationException if the events are not grouped by deal in sequence, or an amount
     *     is negative or cannot be converted to the reporting currency (naming the deal and the
     *     amount)
     */
    public PartsForecaster build() {
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
      HistoryReader nb =
          new HistoryReader(pipeline, currency, conv, z, EnumSet.of(DealKind.NEW_BUSINESS));
      HistoryReader ex =
          new HistoryReader(
              pipeline, currency, conv, z, EnumSet.of(DealKind.UPSELL, DealKind.CROSS_SELL));
      RenewalHistory rn = new RenewalHistory(currency, conv, z);
      if (events != null) {
        for (DealEvent e : events) {
          nb.accept(e);
          ex.accept(e);
          rn.accept(e);
        }
      } else {
        try (Stream<DealEvent> stream = store.streamEvents(EventQuery.all())) {
          stream.forEach(
              e -> {
                nb.accept(e);
                ex.accept(e);
                rn.accept(e);
              });
        }
      }
      DealColumns nbColumns = nb.finish();
      DealColumns exColumns = ex.finish();
      PipelineObserver o = observer == null ? PipelineObserver.none() : observer;
      return new PartsForecaster(engine(nbColumns), engine(exColumns), rn.finish(), currency, o);
    }

    private ForecastEngine engine(DealColumns columns) {
      return columns.deals == 0
          ? null
          : new ForecastEngine(columns, currency, ProgressListener.NONE, null);
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
