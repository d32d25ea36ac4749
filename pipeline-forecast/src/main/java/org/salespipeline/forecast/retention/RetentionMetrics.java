package org.salespipeline.forecast.retention;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.salespipeline.core.CurrencyConverter;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.ValidationException;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.store.EventQuery;
import org.salespipeline.core.store.WorkspaceStore;
import org.salespipeline.forecast.ForecastPeriod;

/**
 * Retention metrics over the event history (issue 17): reads the retention changes of every deal's
 * history once ({@code RecurringRevenueChanged} and {@code RetentionChanged}, through {@link
 * org.salespipeline.core.event.Change.Visitor}) into primitive columns, then computes per period
 * the {@link RetentionWaterfall}, GRR, NRR, logo retention and churn rate, per cohort of first win
 * its logos and revenue, the time to onboard and the churn reasons.
 *
 * <p>An account's recurring revenue at an instant is the {@code to} of its latest revenue change
 * before that instant; a period {@code [start, end)} compares each account's revenue at the start
 * of its first day with the revenue at the start of the day after it, in the given zone. Amounts
 * are converted to minor units of the report currency at one rate date. Immutable and thread-safe;
 * each {@code read} is independent.
 */
public final class RetentionMetrics {
  private final List<ForecastPeriod> periods;
  private final Currency currency;
  private final CurrencyConverter converter;
  private final LocalDate rateDate;
  private final ZoneId zone;

  private RetentionMetrics(
      List<ForecastPeriod> periods,
      Currency currency,
      CurrencyConverter converter,
      LocalDate rateDate,
      ZoneId zone) {
    this.periods = periods;
    this.currency = currency;
    this.converter = converter;
    this.rateDate = rateDate;
    this.zone = zone;
  }

  /**
   * Metrics over periods in one currency, with same-currency histories only, periods in UTC.
   *
   * @throws ValidationException if there is no period or more than 240
   */
  public static RetentionMetrics of(List<ForecastPeriod> periods, Currency currency) {
    return of(
        periods,
        currency,
        CurrencyConverter.sameCurrencyOnly(),
        LocalDate.of(2000, 1, 1),
        ZoneOffset.UTC);
  }

  /**
   * Metrics over periods, converting other currencies at {@code rateDate}.
   *
   * @param periods the periods to analyse (each also defines a cohort), 1 to 240
   * @param currency the report currency
   * @param converter converts amounts in other currencies
   * @param rateDate the date of the rates used
   * @param zone where days start
   * @throws ValidationException if there is no period or more than 240
   */
  public static RetentionMetrics of(
      List<ForecastPeriod> periods,
      Currency currency,
      CurrencyConverter converter,
      LocalDate rateDate,
      ZoneId zone) {
    Objects.requireNonNull(periods, "periods");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(converter, "converter");
    Objects.requireNonNull(rateDate, "rateDate");
    Objects.requireNonNull(zone, "zone");
    if (periods.isEmpty() || periods.size() > 240) {
      throw new ValidationException(
          FieldProblem.of("periods", periods.size(), "must hold 1 to 240 periods"));
    }
    return new RetentionMetrics(List.copyOf(periods), currency, converter, rateDate, zone);
  }

  /**
   * Reads a history (grouped by deal, in sequence order within a deal, as stores stream it) and
   * computes the report. The stream is consumed, not closed.
   */
  public RetentionReport read(Stream<DealEvent> events) {
    Objects.requireNonNull(events, "events");
    RevenueColumns columns = new RevenueColumns(currency, converter, rateDate);
    events.forEachOrdered(columns);
    columns.finish();
    return new RetentionComputation(periods, zone, currency).compute(columns);
  }

  /** Reads the whole history of a workspace, streamed with bounded memory per event. */
  public RetentionReport read(WorkspaceStore store) {
    Objects.requireNonNull(store, "store");
    try (Stream<DealEvent> events = store.streamEvents(EventQuery.all())) {
      return read(events);
    }
  }

  /** The periods analysed. */
  public List<ForecastPeriod> periods() {
    return new ArrayList<>(periods);
  }
}
