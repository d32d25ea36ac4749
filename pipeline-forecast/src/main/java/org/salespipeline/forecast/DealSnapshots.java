package org.salespipeline.forecast;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.salespipeline.core.CurrencyConverter;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealHistory;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.Money;
import org.salespipeline.core.Quota;
import org.salespipeline.core.ValidationException;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.stage.PipelineDefinition;
import org.salespipeline.core.stage.Stage;
import org.salespipeline.core.store.EventQuery;
import org.salespipeline.core.store.WorkspaceStore;
import org.salespipeline.forecast.model.StageTransitions;
import org.salespipeline.forecast.model.SurvivalModel;

/**
 * Builds forecasting inputs from the core's deals, histories and stores.
 *
 * <p>Rows take the stage's default probability, the rep's override beside it, the deal's forecast
 * category, status and push count; age and days in stage are counted to the snapshot date in the
 * given zone; closed deals take their close date. Deals of other pipelines are skipped. Amounts are
 * converted to the reporting currency at the snapshot date's rates.
 *
 * <p>Thread-safe: no state.
 */
public final class DealSnapshots {
  private DealSnapshots() {}

  /**
   * A snapshot of the given deals as they are now.
   *
   * @param deals the deals; those of other pipelines are skipped
   * @param pipeline the deals' pipeline definition: stage order and default probabilities
   * @param currency the reporting currency
   * @param asOf the snapshot date
   * @param zone the zone in which instants become dates
   * @param converter converts other currencies at the {@code asOf} rate
   * @throws ValidationException if a deal is in a stage the definition does not know
   * @throws org.salespipeline.core.CurrencyConversionException if a rate is missing
   */
  public static PipelineSnapshot fromDeals(
      Iterable<Deal> deals,
      PipelineDefinition pipeline,
      Currency currency,
      LocalDate asOf,
      ZoneId zone,
      CurrencyConverter converter) {
    PipelineSnapshot.Builder b = builder(pipeline, currency, asOf, converter);
    for (Deal d : deals) {
      add(b, d, pipeline, asOf, zone);
    }
    return b.build();
  }

  /**
   * A snapshot of the pipeline's open deals as they are now, loaded column by column through {@link
   * WorkspaceStore#scanOpenDeals}: no {@link Deal} is built, and memory holds little more than the
   * snapshot's own columns (about 66 bytes a deal, ids in UUID form kept as two longs), so
   * 1,000,000 open deals load in a JVM with {@code -Xmx128m} (tested with a synthetic scan; the
   * store's own buffers come on top).
   *
   * <p>Rows equal those {@link #fromDeals} gives for the same open deals (same order, stage and
   * owner indexes, amounts, probabilities, close days, categories, ages) except for the values the
   * scan does not carry: no probability override, push count 0 and 0 days in stage. Use {@link
   * #fromDeals} over {@link WorkspaceStore#streamDeals} when those matter.
   *
   * <p>The converter is asked once per distinct other currency, for the rate it applies at {@code
   * asOf} (the conversion of 10^18 major units, so rates with up to 18 decimals are exact); each
   * row is then converted at that rate, rounded half-even to the reporting currency's minor units,
   * as {@link CurrencyConverter#convert} specifies. A converter that does not apply one rate per
   * currency pair and date may give different amounts than {@link #fromDeals}.
   *
   * @param store the workspace to read
   * @param pipeline the pipeline definition: which deals, stage order and default probabilities
   * @param currency the reporting currency
   * @param asOf the snapshot date
   * @param zone the zone in which instants become dates
   * @param converter converts other currencies at the {@code asOf} rate
   * @throws ValidationException if a deal is in a stage the definition does not know, or an amount
   *     is out of the snapshot's range
   * @throws org.salespipeline.core.CurrencyConversionException if a rate is missing
   */
  public static PipelineSnapshot fromOpenDeals(
      WorkspaceStore store,
      PipelineDefinition pipeline,
      Currency currency,
      LocalDate asOf,
      ZoneId zone,
      CurrencyConverter converter) {
    java.util.Objects.requireNonNull(store, "store");
    java.util.Objects.requireNonNull(zone, "zone");
    java.util.Objects.requireNonNull(converter, "converter");
    List<Stage> stages = pipeline.stages();
    List<String> stageNames = stages.stream().map(Stage::key).toList();
    java.util.Map<String, Integer> stageIndex = new java.util.HashMap<>();
    double[] probabilities = new double[stages.size()];
    for (int i = 0; i < stages.size(); i++) {
      stageIndex.put(stageNames.get(i), i);
      probabilities[i] = stages.get(i).defaultProbability();
    }
    OpenColumns columns = new OpenColumns(currency, asOf, stageNames);
    long end = asOf.plusDays(1).atStartOfDay(zone).toEpochSecond();
    String reporting = currency.getCurrencyCode();
    int reportingDigits = Math.max(currency.getDefaultFractionDigits(), 0);
    java.util.Map<String, BigDecimal> rates = new java.util.HashMap<>();
    store.scanOpenDeals(
        pipeline.id(),
        (id, stage, owner, amountMinor, code, closeDay, category, createdSecond, createdNano) -> {
          Integer s = stageIndex.get(stage);
          if (s == null) {
            throw new ValidationException(
                FieldProblem.of("deals[" + id + "].stage", stage, "is not in " + pipeline.id()));
          }
          long amount =
              reporting.equals(code)
                  ? amountMinor
                  : convert(
                      amountMinor,
                      code,
                      rates.computeIfAbsent(code, c -> rate(c, currency, asOf, converter)),
                      reportingDigits);
          // why: as Duration.between(created, end).toDays() with end at a whole second
          long seconds = end - createdSecond - (createdNano > 0 ? 1 : 0);
          long age = Math.max(0, Math.min(Integer.MAX_VALUE, seconds / 86_400));
          columns.add(id, amount, probabilities[s], closeDay, s, owner, category, (int) age);
        });
    return columns.build();
  }

  /** The rate the converter applies from {@code code} to the reporting currency at the date. */
  private static BigDecimal rate(
      String code, Currency target, LocalDate asOf, CurrencyConverter converter) {
    BigDecimal probe = BigDecimal.TEN.pow(RATE_PROBE_DIGITS);
    Money converted = converter.convert(Money.of(probe, code), target, asOf);
    return converted.amount().movePointLeft(RATE_PROBE_DIGITS);
  }

  private static final int RATE_PROBE_DIGITS = 18;

  private static long convert(long amountMinor, String code, BigDecimal rate, int targetDigits) {
    int digits = Math.max(Money.currency(code).getDefaultFractionDigits(), 0);
    return BigDecimal.valueOf(amountMinor, digits)
        .multiply(rate)
        .setScale(targetDigits, RoundingMode.HALF_EVEN)
        .unscaledValue()
        .longValueExact();
  }

  /**
   * A snapshot of the pipeline as it stood at {@code asOf}, rebuilt from the history: events after
   * {@code asOf} are ignored, so adding later events never changes the result (no look-ahead). A
   * date before any history gives an empty snapshot.
   *
   * @param events histories ordered by deal, then sequence (as {@link WorkspaceStore#streamEvents}
   *     gives them); the stream is consumed, not closed
   * @param asOf the instant; its date in {@code zone} is the snapshot date
   * @throws IllegalArgumentException if a history is malformed (from {@link DealHistory})
   */
  public static PipelineSnapshot fromHistory(
      Stream<DealEvent> events,
      PipelineDefinition pipeline,
      Currency currency,
      Instant asOf,
      ZoneId zone,
      CurrencyConverter converter) {
    LocalDate date = LocalDate.ofInstant(asOf, zone);
    PipelineSnapshot.Builder b = builder(pipeline, currency, date, converter);
    forEachHistory(
        events,
        history ->
            DealHistory.asOf(history, asOf)
                .filter(d -> d.pipeline().equals(pipeline.id()))
                .ifPresent(d -> add(b, d, pipeline, date, zone)));
    return b.build();
  }

  /**
   * A snapshot from a store's history as of an instant; reads only events up to it.
   *
   * @see #fromHistory
   */
  public static PipelineSnapshot fromStore(
      WorkspaceStore store,
      PipelineDefinition pipeline,
      Currency currency,
      Instant asOf,
      ZoneId zone,
      CurrencyConverter converter) {
    try (Stream<DealEvent> events = store.streamEvents(EventQuery.until(asOf))) {
      return fromHistory(events, pipeline, currency, asOf, zone, converter);
    }
  }

  /**
   * Stage exits counted from histories up to {@code until}: moves between open stages, and wins and
   * losses (disqualifications count as losses) from the last open stage the deal was in.
   *
   * @param events histories ordered by deal, then sequence; consumed, not closed
   */
  public static StageTransitions transitions(
      Stream<DealEvent> events, PipelineDefinition pipeline, Instant until) {
    List<String> open = pipeline.openStages().stream().map(Stage::key).toList();
    java.util.Map<String, Integer> index = new java.util.HashMap<>();
    for (int i = 0; i < open.size(); i++) {
      index.put(open.get(i), i);
    }
    StageTransitions.Builder b = StageTransitions.builder(open);
    // why: one streaming pass with per-deal state; histories arrive whole, in sequence order
    TransitionCounter counter = new TransitionCounter(b, index, pipeline, until);
    events.forEach(counter);
    return b.build();
  }

  /**
   * A survival model fitted on histories up to {@code until}: one spell per visit of an open stage,
   * from entering the stage to leaving it by moving to another open stage, by a win, by a loss
   * (lost and disqualified) or, when still in the stage at {@code until}, censored there. Spells
   * carry the close-date push count at entry and the days of the pushes during the visit (the push
   * strata are time-varying). Moves into stages that are not open are ignored (the deal stays
   * counted in its last open stage until it is won or lost, as in {@link #transitions}); a reopened
   * deal starts a new visit of its stage on the day it was reopened. Days are whole days.
   *
   * @param events histories ordered by deal, then sequence; consumed, not closed
   * @param intervalDays the life tables' time-in-stage interval in days, at least 1
   * @param horizonDays the model's horizon in days (see {@link SurvivalModel#withHorizon})
   */
  public static SurvivalModel survival(
      Stream<DealEvent> events,
      PipelineDefinition pipeline,
      Instant until,
      int intervalDays,
      int horizonDays) {
    List<String> open = pipeline.openStages().stream().map(Stage::key).toList();
    SurvivalModel.Builder b = SurvivalModel.builder(open, intervalDays, horizonDays);
    SpellCollector c = new SpellCollector(b, java.util.Set.copyOf(open), pipeline, until);
    events.forEach(c);
    c.finish();
    return b.build();
  }

  /**
   * The core's quotas as quota targets: subject is the owner's user id or the team id, the period
   * runs from the first to the last day inclusive, amounts converted at the period start's rate.
   */
  public static List<QuotaTarget> quotas(
      List<Quota> quotas, Currency currency, CurrencyConverter converter) {
    List<QuotaTarget> out = new ArrayList<>();
    for (Quota q : quotas) {
      String subject =
          q.owner()
              .map(Object::toString)
              .orElseGet(() -> q.team().map(Object::toString).orElse(""));
      var amount =
          q.amount().currency().equals(currency)
              ? q.amount()
              : converter.convert(q.amount(), currency, q.periodStart());
      out.add(
          new QuotaTarget(
              subject,
              ForecastPeriod.of(q.periodStart(), q.periodEnd().plusDays(1)),
              amount.minorUnitsWithinLimit()));
    }
    return List.copyOf(out);
  }

  /**
   * The core's teams as a {@link TeamHierarchy}: team names are the team ids (as in {@link
   * #quotas}), members are the user ids, parents come before children.
   *
   * @throws ValidationException if a parent is missing or the parents form a cycle, or if a user is
   *     a member of two teams
   */
  public static TeamHierarchy teams(List<org.salespipeline.core.Team> teams) {
    TeamHierarchy.Builder b = TeamHierarchy.builder();
    java.util.Set<String> declared = new java.util.HashSet<>();
    List<org.salespipeline.core.Team> pending = new ArrayList<>(teams);
    while (!pending.isEmpty()) {
      boolean progress = false;
      for (Iterator<org.salespipeline.core.Team> it = pending.iterator(); it.hasNext(); ) {
        org.salespipeline.core.Team t = it.next();
        String parent = t.parent().map(Object::toString).orElse(null);
        if (parent == null || declared.contains(parent)) {
          b.team(t.id().toString(), parent);
          declared.add(t.id().toString());
          it.remove();
          progress = true;
        }
      }
      if (!progress) {
        throw new ValidationException(
            FieldProblem.of(
                "teams", pending.get(0).id(), "has a missing parent or is part of a cycle"));
      }
    }
    for (org.salespipeline.core.Team t : teams) {
      for (org.salespipeline.core.UserId u : t.members()) {
        b.member(u.toString(), t.id().toString());
      }
    }
    return b.build();
  }

  private static PipelineSnapshot.Builder builder(
      PipelineDefinition pipeline, Currency currency, LocalDate asOf, CurrencyConverter converter) {
    return PipelineSnapshot.builder(currency, asOf)
        .converter(converter)
        .stages(pipeline.stages().stream().map(Stage::key).toList());
  }

  private static void add(
      PipelineSnapshot.Builder b,
      Deal d,
      PipelineDefinition pipeline,
      LocalDate asOf,
      ZoneId zone) {
    if (!d.pipeline().equals(pipeline.id())) {
      return;
    }
    Optional<Stage> stage = pipeline.stage(d.stage());
    if (stage.isEmpty()) {
      throw new ValidationException(
          FieldProblem.of("deals[" + d.id() + "].stage", d.stage(), "is not in " + pipeline.id()));
    }
    LocalDate close =
        d.isOpen()
            ? d.expectedCloseDate()
            : d.closedAt().map(i -> LocalDate.ofInstant(i, zone)).orElse(d.expectedCloseDate());
    Instant end = asOf.plusDays(1).atStartOfDay(zone).toInstant();
    PipelineSnapshot.Row row =
        b.deal(d.id().toString())
            .amount(d.amount())
            .probability(stage.get().defaultProbability())
            .closeDate(close)
            .stage(d.stage())
            .owner(d.owner().toString())
            .category(d.forecastCategory())
            .status(d.status())
            .pushCount(Math.max(0, d.closeDatePushCount()))
            .ageDays(days(d.createdAt(), end))
            .daysInStage(days(d.stageEnteredAt(), end));
    d.probabilityOverride().ifPresent(row::probabilityOverride);
    row.add();
  }

  static int days(Instant from, Instant to) {
    long d = Duration.between(from, to).toDays();
    return (int) Math.max(0, Math.min(Integer.MAX_VALUE, d));
  }

  private static void forEachHistory(
      Stream<DealEvent> events, java.util.function.Consumer<List<DealEvent>> action) {
    Iterator<DealEvent> it = events.iterator();
    List<DealEvent> history = new ArrayList<>();
    while (it.hasNext()) {
      DealEvent e = it.next();
      if (!history.isEmpty() && !history.get(0).dealId().equals(e.dealId())) {
        action.accept(history);
        history = new ArrayList<>();
      }
      history.add(e);
    }
    if (!history.isEmpty()) {
      action.accept(history);
    }
  }
}
