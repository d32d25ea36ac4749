package org.salespipeline.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The board of the Post-Sale/Retention stage: one column per {@link RetentionStatus}, in the
 * lifecycle's order, with the number of accounts and their recurring value in one currency.
 *
 * @param currency the currency of every column's recurring value
 * @param columns one per status, in {@link RetentionStatus} order
 */
public record RetentionBoard(java.util.Currency currency, List<Column> columns) {
  public RetentionBoard {
    Objects.requireNonNull(currency, "currency");
    columns = List.copyOf(columns);
  }

  /**
   * One status of the board.
   *
   * @param status the status
   * @param accounts how many accounts are in it
   * @param recurringValue their recurring value, converted at today's rates
   */
  public record Column(RetentionStatus status, long accounts, Money recurringValue) {
    public Column {
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(recurringValue, "recurringValue");
    }
  }

  /** The column of a status. */
  public Optional<Column> column(RetentionStatus status) {
    return columns.stream().filter(c -> c.status() == status).findFirst();
  }

  /** The recurring value of every account still a customer (all columns but CHURNED). */
  public Money customerRecurringValue() {
    Money sum = Money.zero(currency);
    for (Column c : columns) {
      if (c.status() != RetentionStatus.CHURNED) {
        sum = sum.plus(c.recurringValue());
      }
    }
    return sum;
  }
}
