package org.salespipeline.forecast.insight;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.salespipeline.core.ConfigurationException;
import org.salespipeline.core.CurrencyConverter;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.Money;
import org.salespipeline.core.ProgressListener;
import org.salespipeline.core.Quota;
import org.salespipeline.core.RetentionPolicy;
import org.salespipeline.core.Team;
import org.salespipeline.core.ValidationException;
import org.salespipeline.core.calendar.FiscalCalendar;
import org.salespipeline.core.calendar.FiscalPeriod;
import org.salespipeline.core.calendar.PeriodKind;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.event.PipelineObserver;
import org.salespipeline.core.stage.PipelineDefinition;
import org.salespipeline.core.store.EventQuery;
import org.salespipeline.core.store.WorkspaceStore;
import org.salespipeline.forecast.ForecastPeriod;

/**
 * Pipeline analytics from deal histories: funnel, win rates, time in stage, stuck and idle deals,
 * bottlenecks, velocity, quota coverage, the waterfall, work lists, load balancing and a health
 * summary, computed together by {@link #analyze()}.
 *
 * <pre>{@code
 * InsightReport report = PipelineInsight.builder()
 *     .from(store)                      // pipelines, quotas, teams and the event stream
 *     .reportingCurrency("USD")
 *     .clock(clock)
 *     .build()
 *     .analyze();
 * }</pre>
 *
 * <p>The history is the only source of deals: each deal is rebuilt from its events, which must
 * arrive grouped by deal in sequence order starting with {@code Created} (as {@link
 * WorkspaceStore#streamEvents} delivers them). A deal's current state is the fold of its events up
 * to the analysis instant; later events are ignored, so an analysis as of a past instant never
 * looks ahead. {@link #analyze()} reads the events once, holding one deal's state at a time plus
 * primitive columns of the open and won deals (about 100 bytes per open deal).
 *
 * <p>Immutable and thread-safe once built, provided the event source may be read again and
 * concurrently; {@link #analyze()} may be called repeatedly (for example with a moving clock).
 */
public final class PipelineInsight {
  final List<PipelineDefinition> pipelines;
  private final Iterable<? extends DealEvent> events;
  private final Supplier<? extends Stream<DealEvent>> eventStreams;
  final List<Quota> quotas;
  final List<Team> teams;
  final Currency currency;
  final CurrencyConverter converter;
  final Clock clock;
  final ZoneId zone;
  private final List<ForecastPeriod> periods;
  private final FiscalCalendar calendar;
  private final Instant waterfallFrom;
  private final Instant waterfallTo;
  private final ForecastPeriod waterfallWindow;
  final double coverageTarget;
  final double idleAlertShare;
  final int workListSize;
  final int listLimit;
  final int maxSuggestedMoves;
  final Duration customerIdle;
  final Duration onboardingTarget;
  final Period renewalLeadTime;
  private final ProgressListener progress;
  private final PipelineObserver observer;

  private PipelineInsight(Builder b) {
    this.pipelines = List.copyOf(b.pipelines);
    this.events = b.events;
    this.eventStreams = b.eventStreams;
    this.quotas = List.copyOf(b.quotas);
    this.teams = List.copyOf(b.teams);
    this.currency = b.currency;
    this.converter = b.converter;
    this.clock = b.clock;
    this.zone = b.zone;
    this.periods = b.periods == null ? null : List.copyOf(b.periods);
    this.calendar = b.calendar;
    this.waterfallFrom = b.waterfallFrom;
    this.waterfallTo = b.waterfallTo;
    this.waterfallWindow = b.waterfallWindow;
    this.coverageTarget = b.coverageTarget;
    this.idleAlertShare = b.idleAlertShare;
    this.workListSize = b.workListSize;
    this.listLimit = b.listLimit;
    this.maxSuggestedMoves = b.maxSuggestedMoves;
    this.customerIdle = b.customerIdle;
    this.onboardingTarget = b.onboardingTarget;
    this.renewalLeadTime = b.renewalLeadTime;
    this.progress = b.progress;
    this.observer = b.observer;
  }

  /** A builder; see {@link Builder} for the required fields and defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads the history once and computes every result as of the clock's instant.
   *
   * @return the report, never null; with no events every count is 0 and every list empty
   * @throws ValidationException if an event names an unknown pipeline or stage, or the events are
   *     not grouped by deal in sequence order starting with {@code Created}
   * @throws org.salespipeline.core.CurrencyConversionException if an amount cannot be converted to
   *     the reporting currency
   */
  public InsightReport analyze() {
    return observer.observeAnalysis("insight", this::analyzeObserved);
  }

  private InsightReport analyzeObserved() {
    Instant now = clock.instant();
    long offset = zone.getRules().getOffset(now).getTotalSeconds();
    LocalDate today = LocalDate.ofInstant(now, zone);
    List<ForecastPeriod> reporting = periods != null ? periods : defaultPeriods(today, calendar);
    int current = currentPeriod(reporting, today);
    ForecastPeriod window = waterfallWindow != null ? waterfallWindow : reporting.get(current);
    Instant from =
        waterfallFrom != null ? waterfallFrom : window.start().atStartOfDay(zone).toInstant();
    Instant to = waterfallTo != null ? waterfallTo : now;
    if (to.isBefore(from)) {
      throw new ValidationException(
          FieldProblem.of("waterfallTo", to, "must not be before waterfallFrom " + from));
    }
    InsightSettings settings =
        new InsightSettings(
            this, new Layout(pipelines), now, today, offset, reporting, current, from, to, window);
    HistoryFold fold = new HistoryFold(settings, progress);
    ReadAhead reader = new ReadAhead(fold);
    if (events != null) {
      reader.readAll(events);
    } else {
      try (Stream<DealEvent> stream = eventStreams.get()) {
        stream.forEachOrdered(reader);
      }
      reader.flush();
    }
    fold.finish();
    progress.progress(fold.events, fold.events);
    return new Assembly(settings, fold).report();
  }

  private static List<ForecastPeriod> defaultPeriods(LocalDate today, FiscalCalendar calendar) {
    if (calendar != null) {
      FiscalPeriod first = calendar.periodOf(today, PeriodKind.MONTH);
      for (int i = 0; i < 11; i++) {
        first = calendar.previous(first);
      }
      return ForecastPeriod.of(calendar, PeriodKind.MONTH, first.start(), 12);
    }
    return ForecastPeriod.months(YearMonth.from(today).minusMonths(11), 12);
  }

  private static int currentPeriod(List<ForecastPeriod> periods, LocalDate today) {
    for (int i = 0; i < periods.size(); i++) {
      if (periods.get(i).contains(today)) {
        return i;
      }
    }
    return periods.size() - 1;
  }

  /**
   * Builds a {@link PipelineInsight}; not thread-safe.
   *
   * <p>Required: at least one pipeline, an event source ({@link #events(Iterable)}, {@link
   * #eventStreams(Supplier)} or {@link #from(WorkspaceStore)}) and the {@link #reportingCurrency}.
   * Defaults: no quotas or teams; {@link CurrencyConverter#sameCurrencyOnly()}; the UTC system
   * clock and zone UTC; the 12 calendar months ending with the current one as reporting periods
   * (the 12 fiscal months of a {@link #calendar}); the waterfall from the start of the current
   * period to now over deals closing in the current period; coverage target 3.0; idle alert share
   * 0.2; 10 work items per owner; lists of deals capped at 10,000; at most 50 suggested moves; no
   * progress listener; the customer-success thresholds of {@link RetentionPolicy#standard()}
   * (renewal lead time, onboarding target) and {@link RetentionInsight#CUSTOMER_IDLE} (30 days
   * without customer activity).
   *
   * <p>Each setting takes one value: setting it again (the event source through {@link
   * #events(Iterable)}, {@link #eventStreams(Supplier)} or {@link #from(WorkspaceStore)}; the clock
   * through {@link #clock(Clock)} or {@link #asOf(Instant)}; the currency by object or code) throws
   * a {@link ConfigurationException} naming the setting and both values, and keeps the first. The
   * adders ({@link #pipelines}, {@link #addPipeline}, {@link #quotas}, {@link #teams}) add.
   */
  public static final class Builder {
    private static final String EVENTS = "events";
    private static final String CLOCK = "clock";
    private static final long MAX_DAYS = 5 * 366;
    private final List<PipelineDefinition> pipelines = new ArrayList<>();
    private Iterable<? extends DealEvent> events;
    private Supplier<? extends Stream<DealEvent>> eventStreams;
    private final List<Quota> quotas = new ArrayList<>();
    private final List<Team> teams = new ArrayList<>();
    private Currency currency;
    private CurrencyConverter converter = CurrencyConverter.sameCurrencyOnly();
    private Clock clock = Clock.systemUTC();
    private ZoneId zone = ZoneOffset.UTC;
    private List<ForecastPeriod> periods;
    private FiscalCalendar calendar;
    private Instant waterfallFrom;
    private Instant waterfallTo;
    private ForecastPeriod waterfallWindow;
    private double coverageTarget = 3.0;
    private double idleAlertShare = 0.2;
    private int workListSize = 10;
    private int listLimit = 10_000;
    private int maxSuggestedMoves = 50;
    private Duration customerIdle = RetentionInsight.CUSTOMER_IDLE;
    private Duration onboardingTarget = RetentionPolicy.standard().onboardingTarget();
    private Period renewalLeadTime = RetentionPolicy.standard().renewalLeadTime();
    private ProgressListener progress = ProgressListener.NONE;
    private PipelineObserver observer = PipelineObserver.none();
    // each setting set so far, with a description of its value for the error of a second set
    private final Map<String, String> set = new HashMap<>();

    Builder() {}

    /**
     * Refuses a second set of the setting (changing nothing), else records this one. Call after the
     * value is checked, so that a refused value leaves the setting unset.
     */
    private void once(String setting, Object value) {
      String first = set.get(setting);
      if (first != null) {
        throw new ConfigurationException(
            setting + " was already set to " + first + "; refusing " + value);
      }
      set.put(setting, String.valueOf(value));
    }

    /**
     * Takes the store's pipelines, quotas and teams, and streams all its events per analysis.
     *
     * @throws ConfigurationException if an event source was already set (nothing is added then)
     */
    public Builder from(WorkspaceStore store) {
      Objects.requireNonNull(store, "store");
      String source = "the events of " + store;
      if (set.containsKey(EVENTS)) {
        once(EVENTS, source);
      }
      pipelines(store.pipelines());
      quotas(store.quotas());
      teams(store.teams());
      eventStreams(() -> store.streamEvents(EventQuery.all()), source);
      return this;
    }

    /** Adds pipeline definitions; every pipeline an event names must be among them. */
    public Builder pipelines(Collection<PipelineDefinition> definitions) {
      for (PipelineDefinition d : definitions) {
        pipelines.add(Objects.requireNonNull(d, "pipeline"));
      }
      return this;
    }

    /** Adds one pipeline definition. */
    public Builder addPipeline(PipelineDefinition definition) {
      return pipelines(List.of(definition));
    }

    /**
     * The history as a re-readable iterable (a list, a store-backed view), grouped by deal in
     * sequence order.
     *
     * @throws ConfigurationException if an event source was already set
     */
    public Builder events(Iterable<? extends DealEvent> history) {
      Objects.requireNonNull(history, "events");
      // why: the history's own toString could print millions of events
      once(EVENTS, "an event iterable (" + history.getClass().getSimpleName() + ")");
      this.events = history;
      return this;
    }

    /**
     * The history as streams: each analysis opens one, reads it in encounter order and closes it.
     *
     * @throws ConfigurationException if an event source was already set
     */
    public Builder eventStreams(Supplier<? extends Stream<DealEvent>> history) {
      return eventStreams(history, "an event stream supplier");
    }

    private Builder eventStreams(Supplier<? extends Stream<DealEvent>> history, String source) {
      Objects.requireNonNull(history, "eventStreams");
      once(EVENTS, source);
      this.eventStreams = history;
      return this;
    }

    /** Adds quotas (owner or team, any period). */
    public Builder quotas(Collection<Quota> values) {
      values.forEach(q -> quotas.add(Objects.requireNonNull(q, "quota")));
      return this;
    }

    /** Adds teams; members and sub-teams count towards a team's quota. */
    public Builder teams(Collection<Team> values) {
      values.forEach(t -> teams.add(Objects.requireNonNull(t, "team")));
      return this;
    }

    /**
     * The currency of every amount in the report; required.
     *
     * @throws ConfigurationException if already set
     */
    public Builder reportingCurrency(Currency value) {
      Objects.requireNonNull(value, "reportingCurrency");
      once("reportingCurrency", value);
      this.currency = value;
      return this;
    }

    /**
     * The reporting currency by ISO code.
     *
     * @throws ValidationException if the code is not a currency
     * @throws ConfigurationException if already set
     */
    public Builder reportingCurrency(String code) {
      return reportingCurrency(Money.currency(code));
    }

    /**
     * Converts other currencies at the analysis date's rate.
     *
     * @throws ConfigurationException if already set
     */
    public Builder currencyConverter(CurrencyConverter value) {
      Objects.requireNonNull(value, "currencyConverter");
      once("currencyConverter", value);
      this.converter = value;
      return this;
    }

    /**
     * The clock whose instant is "now" for each analysis.
     *
     * @throws ConfigurationException if the clock was already set (here or by {@link #asOf})
     */
    public Builder clock(Clock value) {
      Objects.requireNonNull(value, "clock");
      once(CLOCK, value);
      this.clock = value;
      return this;
    }

    /**
     * Shorthand for a fixed clock at the instant.
     *
     * @throws ConfigurationException if the clock was already set (here or by {@link #clock})
     */
    public Builder asOf(Instant instant) {
      return clock(Clock.fixed(Objects.requireNonNull(instant, "asOf"), ZoneOffset.UTC));
    }

    /**
     * The zone that turns instants into dates (periods, close dates, days).
     *
     * @throws ConfigurationException if already set
     */
    public Builder zone(ZoneId value) {
      Objects.requireNonNull(value, "zone");
      once("zone", value);
      this.zone = value;
      return this;
    }

    /**
     * Reporting periods for cohorts, trends and the "current" period: ascending, not overlapping.
     *
     * @throws ValidationException if empty, unordered or overlapping
     * @throws ConfigurationException if already set
     */
    public Builder periods(List<ForecastPeriod> values) {
      if (values == null || values.isEmpty()) {
        throw new ValidationException(FieldProblem.of("periods", values, "must not be empty"));
      }
      for (int i = 1; i < values.size(); i++) {
        if (values.get(i).start().isBefore(values.get(i - 1).end())) {
          throw new ValidationException(
              FieldProblem.of(
                  "periods[" + i + "]", values.get(i), "must start after the previous one ends"));
        }
      }
      once("periods", values);
      this.periods = List.copyOf(values);
      return this;
    }

    /**
     * The fiscal calendar of the default reporting periods: without {@link #periods}, the 12 fiscal
     * months ending with the current one. Default none: the 12 calendar months ending with the
     * current one (the same periods as {@link FiscalCalendar#gregorian()}).
     *
     * @throws ValidationException if null
     * @throws ConfigurationException if already set
     */
    public Builder calendar(FiscalCalendar calendar) {
      if (calendar == null) {
        throw new ValidationException(FieldProblem.of("calendar", null, "must not be null"));
      }
      once("calendar", calendar);
      this.calendar = calendar;
      return this;
    }

    /**
     * The waterfall: changes between {@code from} and {@code to} to the pipeline expected to close
     * in {@code window}.
     *
     * @throws ValidationException if {@code to} is before {@code from}
     * @throws ConfigurationException if already set
     */
    public Builder waterfall(Instant from, Instant to, ForecastPeriod window) {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(window, "window");
      if (to.isBefore(from)) {
        throw new ValidationException(FieldProblem.of("to", to, "must not be before " + from));
      }
      once("waterfall", from + ".." + to + " closing in " + window);
      this.waterfallFrom = from;
      this.waterfallTo = to;
      this.waterfallWindow = window;
      return this;
    }

    /**
     * The coverage ratio below which {@link HealthFlag#COVERAGE_BELOW_TARGET} is raised.
     *
     * @throws ValidationException unless positive and finite
     * @throws ConfigurationException if already set
     */
    public Builder coverageTarget(double value) {
      if (!(value > 0) || Double.isInfinite(value)) {
        throw new ValidationException(FieldProblem.of("coverageTarget", value, "must be > 0"));
      }
      once("coverageTarget", value);
      this.coverageTarget = value;
      return this;
    }

    /**
     * The idle share above which {@link HealthFlag#MANY_IDLE_DEALS} is raised.
     *
     * @throws ValidationException unless within [0, 1]
     * @throws ConfigurationException if already set
     */
    public Builder idleAlertShare(double value) {
      if (!(value >= 0 && value <= 1)) {
        throw new ValidationException(
            FieldProblem.of("idleAlertShare", value, "must be within [0, 1]"));
      }
      once("idleAlertShare", value);
      this.idleAlertShare = value;
      return this;
    }

    /**
     * Work items per owner.
     *
     * @throws ValidationException unless within [1, 1000]
     * @throws ConfigurationException if already set
     */
    public Builder workListSize(int value) {
      if (value < 1 || value > 1000) {
        throw new ValidationException(
            FieldProblem.of("workListSize", value, "must be within [1, 1000]"));
      }
      once("workListSize", value);
      this.workListSize = value;
      return this;
    }

    /**
     * The most deal ids any list of the report holds (counts and amounts stay exact).
     *
     * @throws ValidationException if negative
     * @throws ConfigurationException if already set
     */
    public Builder listLimit(int value) {
      if (value < 0) {
        throw new ValidationException(FieldProblem.of("listLimit", value, "must be >= 0"));
      }
      once("listLimit", value);
      this.listLimit = value;
      return this;
    }

    /**
     * The most suggested moves.
     *
     * @throws ValidationException if negative
     * @throws ConfigurationException if already set
     */
    public Builder maxSuggestedMoves(int value) {
      if (value < 0) {
        throw new ValidationException(FieldProblem.of("maxSuggestedMoves", value, "must be >= 0"));
      }
      once("maxSuggestedMoves", value);
      this.maxSuggestedMoves = value;
      return this;
    }

    /**
     * How long an account whose renewal is due (or that is at risk) may go without customer
     * activity before the retention section flags it ({@link ReasonCode#RENEWAL_WITHOUT_ACTIVITY}).
     * Default {@link RetentionInsight#CUSTOMER_IDLE}, 30 days.
     *
     * @throws ValidationException if null, not positive, or longer than 5 years
     * @throws ConfigurationException if already set
     */
    public Builder customerIdle(Duration value) {
      positive("customerIdle", value);
      once("customerIdle", value);
      this.customerIdle = value;
      return this;
    }

    /**
     * How long an account may stay ONBOARDING before the retention section flags it ({@link
     * ReasonCode#ONBOARDING_OVERDUE}). Default the {@link RetentionPolicy#standard() standard
     * policy}'s onboarding target, 30 days; pass the engine's policy's to match it.
     *
     * @throws ValidationException if null, not positive, or longer than 5 years
     * @throws ConfigurationException if already set
     */
    public Builder onboardingTarget(Duration value) {
      positive("onboardingTarget", value);
      once("onboardingTarget", value);
      this.onboardingTarget = value;
      return this;
    }

    /**
     * How long before its renewal date an account is listed as renewing soon ({@link
     * ReasonCode#RENEWS_IN}). Default the {@link RetentionPolicy#standard() standard policy}'s
     * renewal lead time, 90 days; pass the engine's policy's to match it.
     *
     * @throws ValidationException if null, negative, or longer than 5 years
     * @throws ConfigurationException if already set
     */
    public Builder renewalLeadTime(Period value) {
      if (value == null) {
        throw new ValidationException(
            FieldProblem.of("renewalLeadTime", null, "must not be null; for example P90D"));
      }
      if (value.isNegative() || value.toTotalMonths() * 31 + value.getDays() > MAX_DAYS) {
        throw new ValidationException(
            FieldProblem.of(
                "renewalLeadTime",
                value,
                "must be within [0 days, 5 years] and have no negative part; for example P90D"));
      }
      once("renewalLeadTime", value);
      this.renewalLeadTime = value;
      return this;
    }

    private static void positive(String field, Duration value) {
      if (value == null) {
        throw new ValidationException(
            FieldProblem.of(field, null, "must not be null; for example P30D"));
      }
      if (value.isNegative() || value.isZero() || value.toDays() > MAX_DAYS) {
        throw new ValidationException(
            FieldProblem.of(
                field,
                value,
                "must be positive and at most 5 years; for example PT720H (30 days)"));
      }
    }

    /**
     * Hears progress every 2^20 events (total unknown, -1) and once at the end.
     *
     * @throws ConfigurationException if already set
     */
    public Builder progressListener(ProgressListener value) {
      Objects.requireNonNull(value, "progressListener");
      once("progressListener", value);
      this.progress = value;
      return this;
    }

    /**
     * Times each {@link PipelineInsight#analyze()} as the analysis {@code insight} (for example
     * with pipeline-micrometer's {@code PipelineMetrics}); none by default.
     *
     * @throws ConfigurationException if already set
     */
    public Builder observer(PipelineObserver value) {
      Objects.requireNonNull(value, "observer");
      once("observer", value);
      this.observer = value;
      return this;
    }

    /**
     * Builds the analysis.
     *
     * @throws ValidationException naming every missing required field
     */
    public PipelineInsight build() {
      List<FieldProblem> problems = new ArrayList<>();
      if (pipelines.isEmpty()) {
        problems.add(FieldProblem.of("pipelines", "[]", "must not be empty"));
      }
      if (events == null && eventStreams == null) {
        problems.add(FieldProblem.of("events", null, "must be set"));
      }
      if (currency == null) {
        problems.add(FieldProblem.of("reportingCurrency", null, "must be set"));
      }
      if (!problems.isEmpty()) {
        throw new ValidationException(problems);
      }
      return new PipelineInsight(this);
    }
  }
}
