package org.salespipeline.core.store;

import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;
import org.salespipeline.core.AccountId;
import org.salespipeline.core.DealId;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.PipelineId;
import org.salespipeline.core.UserId;
import org.salespipeline.core.ValidationException;

/**
 * Which deals to read. Empty filters match everything; results are ordered by deal id (creation
 * order for time-ordered ids). Pages continue after {@link #afterId()}.
 *
 * <p>Defaults: no filters, {@code limit} 100 (at most 10,000; streaming reads ignore it).
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
        && (statuses().isEmpty() || statuses().contains(deal.status()));
  }

  @Value.Check
  void check() {
    if (limit() < 1 || limit() > MAX_LIMIT) {
      throw new ValidationException(
          FieldProblem.of("limit", limit(), "must be within [1, " + MAX_LIMIT + "]"));
    }
  }

  /** Builds queries; not thread-safe. */
  public static class Builder extends ImmutableDealQuery.Builder {}
}
