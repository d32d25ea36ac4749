package org.salespipeline.core.store;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;
import org.salespipeline.core.AccountId;
import org.salespipeline.core.DealId;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.Money;
import org.salespipeline.core.PipelineId;
import org.salespipeline.core.UserId;
import org.salespipeline.core.ValidationException;

/**
 * Which deals to read. Empty filters match everything; results are ordered by deal id (creation
 * order for time-ordered ids). Pages continue after {@link #afterId()}.
 *
 * <p>Filters (all optional, combined with AND): pipeline, stages, owners, account, statuses, the
 * deal's name ({@link TextMatch}: prefix or contains, case-insensitive), its expected close date
 * within [{@link #closeDateFrom()}, {@link #closeDateTo()}] (both inclusive), and its amount within
 * [{@link #amountFrom()}, {@link #amountTo()}] (both inclusive, in the bounds' currency: a deal in
 * another currency does not match, nothing is converted), and the reader's {@link #scope()}.
 *
 * <p>Defaults: no filters, {@code limit} 100 (at most 10,000; streaming reads ignore it).
 *
 * <p>For host stores: {@link #matches} applies every filter, so a store that filters with it
 * answers new filters without a change.
 */
@Value.Immutable
public abstract class DealQuery {
  /** The largest page size. */
  public static final int MAX_LIMIT = 10_000;

  public static Builder builder() {
    return new Builder();
  }

  /** Every deal of the workspace. */
  public static DealQuery all() {
    return builder().build();
  }

  public abstract Optional<PipelineId> pipeline();

  /** Stage keys; empty for any. */
  public abstract Set<String> stages();

  /** Owners; empty for any. */
  public abstract Set<UserId> owners();

  public abstract Optional<AccountId> account();

  /** Statuses; empty for any. */
  public abstract Set<DealStatus> statuses();

  /** The deal's name starts with or contains this text, ignoring case. */
  public abstract Optional<TextMatch> name();

  /** The earliest expected close date (inclusive). */
  public abstract Optional<LocalDate> closeDateFrom();

  /** The latest expected close date (inclusive). */
  public abstract Optional<LocalDate> closeDateTo();

  /** The smallest amount (inclusive); deals in other currencies do not match. */
  public abstract Optional<Money> amountFrom();

  /** The largest amount (inclusive); deals in other currencies do not match. */
  public abstract Optional<Money> amountTo();

  /**
   * Only deals in this scope (see {@link DealScope}); empty for every deal. The engine sets it for
   * a principal's reads; stores that filter with {@link #matches} apply it without a change.
   */
  public abstract Optional<DealScope> scope();

  /** Start after this id (exclusive), for keyset paging. */
  public abstract Optional<DealId> afterId();

  @Value.Default
  public int limit() {
    return 100;
  }

  /** Whether the deal matches the filters (not the paging). */
  public boolean matches(org.salespipeline.core.Deal deal) {
    return pipeline().map(p -> p.equals(deal.pipeline())).orElse(true)
        && (stages().isEmpty() || stages().contains(deal.stage()))
        && (owners().isEmpty() || owners().contains(deal.owner()))
        && account().map(a -> deal.account().equals(Optional.of(a))).orElse(true)
        && (statuses().isEmpty() || statuses().contains(deal.status()))
        && name().map(n -> n.matches(deal.name())).orElse(true)
        && closeDateFrom().map(d -> !deal.expectedCloseDate().isBefore(d)).orElse(true)
        && closeDateTo().map(d -> !deal.expectedCloseDate().isAfter(d)).orElse(true)
        && amountFrom()
            .map(m -> sameCurrency(m, deal) && deal.amount().compareTo(m) >= 0)
            .orElse(true)
        && amountTo()
            .map(m -> sameCurrency(m, deal) && deal.amount().compareTo(m) <= 0)
            .orElse(true)
        && (scope().isEmpty() || scope().get().includes(deal));
  }

  private static boolean sameCurrency(Money bound, org.salespipeline.core.Deal deal) {
    return bound.currency().equals(deal.amount().currency());
  }

  @Value.Check
  void check() {
    if (limit() < 1 || limit() > MAX_LIMIT) {
      throw new ValidationException(
          FieldProblem.of("limit", limit(), "must be within [1, " + MAX_LIMIT + "]"));
    }
    if (closeDateFrom().isPresent()
        && closeDateTo().isPresent()
        && closeDateFrom().get().isAfter(closeDateTo().get())) {
      throw new ValidationException(
          FieldProblem.of("closeDateTo", closeDateTo().get(), "must not be before closeDateFrom"));
    }
    if (amountFrom().isPresent() && amountTo().isPresent()) {
      Money from = amountFrom().get();
      Money to = amountTo().get();
      if (!from.currency().equals(to.currency())) {
        throw new ValidationException(
            FieldProblem.of("amountTo", to, "must be in the currency of amountFrom " + from));
      }
      if (from.compareTo(to) > 0) {
        throw new ValidationException(
            FieldProblem.of("amountTo", to, "must not be less than amountFrom " + from));
      }
    }
  }

  /** Builds queries; not thread-safe. */
  public static class Builder extends ImmutableDealQuery.Builder {}
}
