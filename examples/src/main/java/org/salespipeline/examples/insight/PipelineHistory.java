package org.salespipeline.examples.insight;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.stream.Stream;
import org.salespipeline.core.CurrencyConverter;
import org.salespipeline.core.Quota;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.Team;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.stage.PipelineDefinition;
import org.salespipeline.core.store.EventQuery;
import org.salespipeline.forecast.DealSnapshots;
import org.salespipeline.forecast.ForecastPeriod;
import org.salespipeline.forecast.PipelineSnapshot;
import org.salespipeline.forecast.bookings.BookingsForecaster;
import org.salespipeline.forecast.bookings.PartsForecaster;
import org.salespipeline.forecast.insight.InsightReport;
import org.salespipeline.forecast.insight.PipelineInsight;

/**
 * The workspace's event history, read from the store once and kept in memory with what the demo
 * needs beside it (pipelines, quotas, teams, currency, clock). Everything the demo prints is
 * derived from these events by pipeline-forecast: the {@link InsightReport}, the snapshots and the
 * bookings forecast; no deal is read or replayed separately.
 *
 * <p>Immutable once read; the clock is the engine's and may move.
 */
public final class PipelineHistory {
  /** How far back the report's waterfall looks. */
  public static final java.time.Duration WATERFALL_WINDOW = java.time.Duration.ofDays(30);

  private final SalesPipeline pipeline;
  private final PipelineDefinition definition;
  private final List<DealEvent> events;

  private PipelineHistory(SalesPipeline pipeline, List<DealEvent> events) {
    this.pipeline = pipeline;
    this.definition = pipeline.defaultPipeline();
    this.events = events;
  }

  /** Reads every event of the engine's workspace, grouped by deal in sequence order. */
  public static PipelineHistory read(SalesPipeline pipeline) {
    try (Stream<DealEvent> all = pipeline.store().streamEvents(EventQuery.all())) {
      return new PipelineHistory(pipeline, all.toList());
    }
  }

  /**
   * The insight report as of the engine's clock: reporting periods are the 12 months ending with
   * the current one; the waterfall covers the last 30 days of the pipeline closing this quarter.
   * Insight reads every pipeline's events (issue 17): an account's retention events follow its
   * latest won deal, which after a renewal is the renewal deal in the renewals pipeline, so reading
   * the default pipeline alone would show renewed accounts as past their renewal date.
   */
  public InsightReport insight() {
    Instant now = pipeline.clock().instant();
    LocalDate today = today();
    return PipelineInsight.builder()
        .pipelines(pipeline.pipelines())
        .quotas(pipeline.quotas())
        .teams(pipeline.teams())
        .events(events)
        .reportingCurrency(currency())
        .currencyConverter(converter())
        .clock(pipeline.clock())
        .zone(zone())
        .waterfall(now.minus(WATERFALL_WINDOW), now, quarter(today))
        .workListSize(5)
        .build()
        .analyze();
  }

  /**
   * The events of deals in the default pipeline only, so that insight figures cover the same deals
   * as the board and the forecast.
   */
  private List<DealEvent> defaultPipelineEvents() {
    java.util.Set<org.salespipeline.core.DealId> inPipeline = new java.util.HashSet<>();
    for (DealEvent event : events) {
      if (event.change() instanceof org.salespipeline.core.event.Change.Created created
          && created.deal().pipeline().equals(definition.id())) {
        inPipeline.add(event.dealId());
      }
    }
    return events.stream().filter(e -> inPipeline.contains(e.dealId())).toList();
  }

  /**
   * The default pipeline as it stood at an instant (no look-ahead), stage default probabilities.
   */
  public PipelineSnapshot snapshot(Instant at) {
    return DealSnapshots.fromHistory(
        events.stream(), definition, currency(), at, zone(), converter());
  }

  /**
   * pipeline-forecast's bookings forecaster over the default pipeline's events, in the reporting
   * currency with the engine's converter: the one forecast the demo shows.
   */
  public BookingsForecaster forecaster() {
    return BookingsForecaster.builder()
        .pipeline(definition)
        .reportingCurrency(currency())
        .converter(converter())
        .zone(zone())
        .events(defaultPipelineEvents())
        .build();
  }

  /**
   * pipeline-forecast's forecast by part over every event of the workspace: new business and
   * expansion deals of the default pipeline, renewals from the retention history and the renewal
   * deals of every pipeline (issue 17).
   */
  public PartsForecaster partsForecaster() {
    return PartsForecaster.builder()
        .pipeline(definition)
        .reportingCurrency(currency())
        .converter(converter())
        .zone(zone())
        .events(events)
        .build();
  }

  /** The calendar quarter containing a day. */
  public static ForecastPeriod quarter(LocalDate day) {
    return ForecastPeriod.quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
  }

  /** The pipeline the demo reports on (the engine's default). */
  public PipelineDefinition definition() {
    return definition;
  }

  /** Every event of the workspace, by deal then sequence. */
  public List<DealEvent> events() {
    return events;
  }

  /** The quotas of the workspace. */
  public List<Quota> quotas() {
    return pipeline.quotas();
  }

  /** The teams of the workspace. */
  public List<Team> teams() {
    return pipeline.teams();
  }

  /** The reporting currency. */
  public Currency currency() {
    return pipeline.reportingCurrency();
  }

  /** The engine's converter. */
  public CurrencyConverter converter() {
    return pipeline.currencyConverter();
  }

  /** The engine's clock. */
  public Clock clock() {
    return pipeline.clock();
  }

  /** The zone in which instants become days (UTC, as the generator plans in UTC). */
  public ZoneId zone() {
    return ZoneOffset.UTC;
  }

  /** Today by the engine's clock. */
  public LocalDate today() {
    return LocalDate.ofInstant(pipeline.clock().instant(), zone());
  }

  /** The display name of a stage, shortened before a slash ({@code Proposal/Presentation}). */
  public String stageName(String key) {
    String name =
        definition.stage(key).map(org.salespipeline.core.stage.Stage::displayName).orElse(key);
    int slash = name.indexOf('/');
    return slash > 0 ? name.substring(0, slash) : name;
  }

  /** The engine, for reads the history does not hold (deal names). */
  public SalesPipeline pipeline() {
    return pipeline;
  }
}
