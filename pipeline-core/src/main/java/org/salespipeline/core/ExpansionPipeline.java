package org.salespipeline.core;

import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * The open expansion pipeline: upsell and cross-sell deals on existing customers, per account and
 * per owner, largest first. Renewals are left out (they keep revenue, they do not grow it).
 *
 * @param currency the currency of every total
 * @param byAccount one line per account with open expansion deals, largest amount first
 * @param byOwner one line per owner with open expansion deals, largest amount first
 */
public record ExpansionPipeline(
    Currency currency, List<Line<AccountId>> byAccount, List<Line<UserId>> byOwner) {
  public ExpansionPipeline {
    Objects.requireNonNull(currency, "currency");
    byAccount = List.copyOf(byAccount);
    byOwner = List.copyOf(byOwner);
  }

  /**
   * The open expansion deals of one account or owner.
   *
   * @param key the account or owner
   * @param deals how many open expansion deals
   * @param amount their amount, converted at today's rates
   * @param <K> the key type
   */
  public record Line<K>(K key, int deals, Money amount) {
    public Line {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(amount, "amount");
    }
  }

  /** The total of every open expansion deal. */
  public Money total() {
    Money sum = Money.zero(currency);
    for (Line<AccountId> line : byAccount) {
      sum = sum.plus(line.amount());
    }
    return sum;
  }
}
