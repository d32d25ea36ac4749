package org.salespipeline.forecast.retention;

import java.util.Currency;
import java.util.Objects;
import org.salespipeline.core.Money;

/**
 * How a period's recurring revenue moved, per account netted over the period: the accounts' revenue
 * at the start, new revenue (accounts with none at the start), expansion (accounts that grew),
 * contraction (accounts that shrank but stayed), churn (accounts that left) and the revenue at the
 * end. Exact in minor units: {@code start + new + expansion - contraction - churn == end}.
 *
 * @param currency the currency of every amount
 * @param startMinor recurring revenue at the period's start, in minor units
 * @param newMinor revenue of accounts without revenue at the start
 * @param expansionMinor growth of accounts with revenue at the start
 * @param contractionMinor shrinkage of accounts that kept some revenue
 * @param churnMinor the starting revenue of accounts with none at the end
 * @param endMinor recurring revenue at the period's end
 */
public record RetentionWaterfall(
    Currency currency,
    long startMinor,
    long newMinor,
    long expansionMinor,
    long contractionMinor,
    long churnMinor,
    long endMinor) {

  public RetentionWaterfall {
    Objects.requireNonNull(currency, "currency");
  }

  /** Whether the steps add up to the end exactly (they always do when built by the metrics). */
  public boolean balances() {
    return startMinor + newMinor + expansionMinor - contractionMinor - churnMinor == endMinor;
  }

  public Money start() {
    return Money.ofMinor(startMinor, currency);
  }

  public Money newRevenue() {
    return Money.ofMinor(newMinor, currency);
  }

  public Money expansion() {
    return Money.ofMinor(expansionMinor, currency);
  }

  public Money contraction() {
    return Money.ofMinor(contractionMinor, currency);
  }

  public Money churn() {
    return Money.ofMinor(churnMinor, currency);
  }

  public Money end() {
    return Money.ofMinor(endMinor, currency);
  }
}
