package org.salespipeline.core;

import java.util.List;
import java.util.Objects;
import org.salespipeline.core.stage.Stage;

/**
 * One stage of the board.
 *
 * @param stage the stage
 * @param deals its open deals, in id order
 * @param total the sum of their amounts in the reporting currency
 * @param weighted the sum of amount times the stage's default probability (the rep's overrides are
 *     not mixed in)
 */
public record BoardColumn(Stage stage, List<Deal> deals, Money total, Money weighted) {
  public BoardColumn {
    Objects.requireNonNull(stage, "stage");
    deals = List.copyOf(deals);
    Objects.requireNonNull(total, "total");
    Objects.requireNonNull(weighted, "weighted");
  }

  /** How many deals are in the stage. */
  public int count() {
    return deals.size();
  }
}
