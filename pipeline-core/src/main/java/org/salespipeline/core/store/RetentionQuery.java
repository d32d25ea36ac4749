package org.salespipeline.core.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;
import org.salespipeline.core.AccountId;
import org.salespipeline.core.CustomerRetention;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.RetentionStatus;
import org.salespipeline.core.UserId;
import org.salespipeline.core.ValidationException;

/**
 * Which accounts in retention to read (the customer-success reads of issue 17). Empty filters match
 * everything; results are ordered by account id. Pages continue after {@link #afterAccount()}.
 *
 * <p>Defaults: no filters, {@code limit} 100 (at most 10,000; streaming reads ignore it).
 * Immutable.
 */
@Value.Immutable
public abstract class RetentionQuery {
  /** The largest page size. */
  public static final int MAX_LIMIT = 10_000;

  public static Builder builder() {
    return new Builder();
  }

  /** Every account in retention. */
  public static RetentionQuery all() {
    return builder().build();
  }

  /** Statuses; empty for any. */
  public abstract Set<RetentionStatus> statuses();

  /** Customer owners; empty for any. */
  public abstract Set<UserId> owners();

  /**
   * Only accounts with a follow-up due at or before this instant (due and overdue follow-ups: pass
   * now for the overdue ones, the end of today for everything due today).
   */
  public abstract Optional<Instant> followUpDueBy();

  /** Only accounts renewing on or after this date. */
  public abstract Optional<LocalDate> renewalFrom();

  /** Only accounts renewing on or before this date. */
  public abstract Optional<LocalDate> renewalTo();

  /**
   * Only accounts without customer-success activity since this instant ({@link
   * CustomerRetention#lastActivityAt()} before it): pass now minus N days for "no activity for N
   * days".
   */
  public abstract Optional<Instant> noActivitySince();

  /** Start after this account (exclusive), for keyset paging. */
  public abstract Optional<AccountId> afterAccount();

  @Value.Default
  public int limit() {
    return 100;
  }

  /** Whether the record matches the filters (not the paging). */
  public boolean matches(CustomerRetention r) {
    return (statuses().isEmpty() || statuses().contains(r.status()))
        && (owners().isEmpty() || r.owner().map(owners()::contains).orElse(false))
        && followUpDueBy()
            .map(t -> r.nextFollowUp().map(due -> !due.isAfter(t)).orElse(false))
            .orElse(true)
        && renewalFrom()
            .map(d -> r.renewalDate().map(date -> !date.isBefore(d)).orElse(false))
            .orElse(true)
        && renewalTo()
            .map(d -> r.renewalDate().map(date -> !date.isAfter(d)).orElse(false))
            .orElse(true)
        && noActivitySince().map(t -> r.lastActivityAt().isBefore(t)).orElse(true);
  }

  @Value.Check
  void check() {
    if (limit() < 1 || limit() > MAX_LIMIT) {
      throw new ValidationException(
          FieldProblem.of("limit", limit(), "must be within [1, " + MAX_LIMIT + "]"));
    }
    if (renewalFrom().isPresent()
        && renewalTo().isPresent()
        && renewalTo().get().isBefore(renewalFrom().get())) {
      throw new ValidationException(
          FieldProblem.of(
              "renewalTo", renewalTo().get(), "is before renewalFrom " + renewalFrom().get()));
    }
  }

  /** Builds queries; not thread-safe. */
  public static class Builder extends ImmutableRetentionQuery.Builder {}
}
