package org.salespipeline.examples.insight;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.stream.Stream;
import org.salespipeline.core.CurrencyConverter;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealHistory;
import org.salespipeline.core.Money;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.stage.PipelineDefinition;
import org.salespipeline.core.store.EventQuery;

/**
 * Every deal history of one pipeline, read from the store once and kept in memory, with the deal
 * each history rebuilds to. The report and the backtest walk it many times, which is cheaper than
 * streaming the store again.
 *
 * <p>Immutable once read.
 */
public final class PipelineHistory {
  private final PipelineDefinition definition;
  private final Currency currency;
  private final CurrencyConverter converter;
  private final List<List<DealEvent>> histories;
  private final List<Deal> deals;

  private PipelineHistory(
      PipelineDefinition definition,
      Currency currency,
      CurrencyConverter converter,
      List<List<DealEvent>> histories) {
    this.definition = definition;
    this.currency = currency;
    this.converter = converter;
    this.histories = histories;
    this.deals = histories.stream().map(DealHistory::replay).toList();
  }

  /** Reads the histories of the engine's default pipeline. */
  public static PipelineHistory read(SalesPipeline pipeline) {
    PipelineDefinition definition = pipeline.defaultPipeline();
    List<List<DealEvent>> histories = new ArrayList<>();
    try (Stream<DealEvent> events = pipeline.store().streamEvents(EventQuery.all())) {
      List<DealEvent> current = new ArrayList<>();
      for (DealEvent e : (Iterable<DealEvent>) events::iterator) {
        if (!current.isEmpty() && !current.get(0).dealId().equals(e.dealId())) {
          keep(current, definition, histories);
          current = new ArrayList<>();
        }
        current.add(e);
      }
      keep(current, definition, histories);
    }
    return new PipelineHistory(
        definition, pipeline.reportingCurrency(), pipeline.currencyConverter(), histories);
  }

  private static void keep(
      List<DealEvent> history, PipelineDefinition definition, List<List<DealEvent>> into) {
    if (!history.isEmpty()
        && history.get(0).change() instanceof org.salespipeline.core.event.Change.Created created
        && created.deal().pipeline().equals(definition.id())) {
      into.add(List.copyOf(history));
    }
  }

  /** The pipeline the histories belong to. */
  public PipelineDefinition definition() {
    return definition;
  }

  /** The reporting currency. */
  public Currency currency() {
    return currency;
  }

  /** The engine's converter. */
  public CurrencyConverter converter() {
    return converter;
  }

  /** Every history, by deal id; each in sequence order. */
  public List<List<DealEvent>> histories() {
    return histories;
  }

  /** The deals as their histories leave them, in the order of {@link #histories()}. */
  public List<Deal> deals() {
    return deals;
  }

  /** Every event, by deal then sequence, as the store streams them. */
  public Stream<DealEvent> events() {
    return histories.stream().flatMap(List::stream);
  }

  /** An amount in the reporting currency at the given day's rate, as a double of major units. */
  public double value(Money amount, LocalDate day) {
    Money m =
        amount.currency().equals(currency) ? amount : converter.convert(amount, currency, day);
    return m.amount().doubleValue();
  }
}
