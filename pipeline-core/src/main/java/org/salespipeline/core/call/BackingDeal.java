package org.salespipeline.core.call;

import java.util.Objects;
import org.salespipeline.core.DealId;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.Money;

/**
 * A deal that stood behind a call when it was submitted: its id, amount and forecast category then.
 * Immutable.
 *
 * @param deal the deal, not null
 * @param amount its amount at submission, not null
 * @param category its forecast category at submission, not null
 */
public record BackingDeal(DealId deal, Money amount, ForecastCategory category) {
  /** Checks that nothing is null. */
  public BackingDeal {
    Objects.requireNonNull(deal, "deal");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(category, "category");
  }
}
