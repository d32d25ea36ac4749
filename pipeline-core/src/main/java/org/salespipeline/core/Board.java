package org.salespipeline.core;

import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * The pipeline board: one column per open stage, in pipeline order, with totals in the reporting
 * currency.
 *
 * @param pipeline the pipeline
 * @param currency the reporting currency of every total
 * @param columns one per open stage
 */
public record Board(PipelineId pipeline, Currency currency, List<BoardColumn> columns) {
  public Board {
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(currency, "currency");
    columns = List.copyOf(columns);
  }

  /** Open deals on the board. */
  public int count() {
    return columns.stream().mapToInt(BoardColumn::count).sum();
  }

  /** Total amount of all columns. */
  public Money total() {
    return columns.stream().map(BoardColumn::total).reduce(Money.zero(currency), Money::plus);
  }

  /** Total weighted amount of all columns. */
  public Money weighted() {
    return columns.stream().map(BoardColumn::weighted).reduce(Money.zero(currency), Money::plus);
  }
}
