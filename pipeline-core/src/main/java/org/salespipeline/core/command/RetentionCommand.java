package org.salespipeline.core.command;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.salespipeline.core.AccountId;
import org.salespipeline.core.Money;
import org.salespipeline.core.UserId;

/**
 * A command on an account's Post-Sale/Retention lifecycle, run with {@link
 * org.salespipeline.core.SalesPipeline#changeRetention}. Like deal commands, each is checked by
 * rules (the {@link org.salespipeline.core.rule.RetentionRule}s of the engine's {@link
 * org.salespipeline.core.RetentionPolicy}), refused with every violation or committed with its
 * history events, heard by the listeners and replayed for a reused idempotency key.
 *
 * <p>Onboarding starts, expansions are recorded and renewals complete by winning deals (new
 * business, upsell or cross-sell, renewal) on the account; these commands cover the rest. Immutable
 * records; {@code toString()} lists every component (the idempotency fingerprint).
 */
public sealed interface RetentionCommand extends DealCommand {

  /** The customer account. */
  AccountId account();

  /** A short name for errors and the log, for example {@code mark at risk}. */
  String name();

  /** Onboarding is done: ONBOARDING becomes ACTIVE. */
  record CompleteOnboarding(AccountId account, UserId actor, Optional<String> idempotencyKey)
      implements RetentionCommand {
    public CompleteOnboarding {
      RetentionChecks.common(account, actor, idempotencyKey);
    }

    @Override
    public String name() {
      return "complete onboarding";
    }
  }

  /**
   * A health check: a score from 0 (lost) to 100 (thriving) and what was found.
   *
   * @param score the health score, checked by the rules
   * @param note what the check found; may be empty
   */
  record RecordHealthCheck(
      AccountId account, UserId actor, Optional<String> idempotencyKey, int score, String note)
      implements RetentionCommand {
    public RecordHealthCheck {
      RetentionChecks.common(account, actor, idempotencyKey);
      Objects.requireNonNull(note, "note");
    }

    @Override
    public String name() {
      return "record health check";
    }
  }

  /**
   * The renewal date and term, and optionally the recurring value the terms set.
   *
   * @param renewalDate the next renewal date
   * @param termMonths the term in months (at least 1)
   * @param recurringValue the recurring value of the terms, when it changes (a contraction or an
   *     expansion by agreement)
   */
  record SetRenewalTerms(
      AccountId account,
      UserId actor,
      Optional<String> idempotencyKey,
      LocalDate renewalDate,
      int termMonths,
      Optional<Money> recurringValue)
      implements RetentionCommand {
    public SetRenewalTerms {
      RetentionChecks.common(account, actor, idempotencyKey);
      Objects.requireNonNull(renewalDate, "renewalDate");
      Objects.requireNonNull(recurringValue, "recurringValue");
    }

    @Override
    public String name() {
      return "set renewal terms";
    }
  }

  /**
   * The renewal comes due: allowed within the policy's lead time before the renewal date (see
   * {@link org.salespipeline.core.RetentionPolicy#renewalLeadTime()}).
   */
  record MarkRenewalDue(AccountId account, UserId actor, Optional<String> idempotencyKey)
      implements RetentionCommand {
    public MarkRenewalDue {
      RetentionChecks.common(account, actor, idempotencyKey);
    }

    @Override
    public String name() {
      return "mark renewal due";
    }
  }

  /**
   * The customer may leave.
   *
   * @param reason why (required by the standard rules)
   */
  record MarkAtRisk(AccountId account, UserId actor, Optional<String> idempotencyKey, String reason)
      implements RetentionCommand {
    public MarkAtRisk {
      RetentionChecks.common(account, actor, idempotencyKey);
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String name() {
      return "mark at risk";
    }
  }

  /**
   * The risk is resolved: AT_RISK becomes ACTIVE again.
   *
   * @param note how; may be empty
   */
  record ResolveRisk(AccountId account, UserId actor, Optional<String> idempotencyKey, String note)
      implements RetentionCommand {
    public ResolveRisk {
      RetentionChecks.common(account, actor, idempotencyKey);
      Objects.requireNonNull(note, "note");
    }

    @Override
    public String name() {
      return "resolve risk";
    }
  }

  /**
   * The customer leaves, fully or partly.
   *
   * @param reason why (required by the standard rules)
   * @param revenueLost the recurring revenue lost by a partial churn; empty for a full churn (all
   *     of it is lost and the account becomes CHURNED)
   */
  record Churn(
      AccountId account,
      UserId actor,
      Optional<String> idempotencyKey,
      String reason,
      Optional<Money> revenueLost)
      implements RetentionCommand {
    public Churn {
      RetentionChecks.common(account, actor, idempotencyKey);
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(revenueLost, "revenueLost");
    }

    /** Whether the whole account leaves. */
    public boolean full() {
      return revenueLost.isEmpty();
    }

    @Override
    public String name() {
      return full() ? "churn" : "churn partly";
    }
  }

  /**
   * A churned customer comes back, at a recurring value.
   *
   * @param recurringValue the recurring value it comes back with (positive)
   * @param reason why; may be empty
   */
  record Reactivate(
      AccountId account,
      UserId actor,
      Optional<String> idempotencyKey,
      Money recurringValue,
      String reason)
      implements RetentionCommand {
    public Reactivate {
      RetentionChecks.common(account, actor, idempotencyKey);
      Objects.requireNonNull(recurringValue, "recurringValue");
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String name() {
      return "reactivate";
    }
  }

  /**
   * Schedules the next customer-success follow-up (a follow-up activity on the account).
   *
   * @param dueAt when it is due
   * @param subject what it is about
   */
  record ScheduleCustomerFollowUp(
      AccountId account,
      UserId actor,
      Optional<String> idempotencyKey,
      Instant dueAt,
      String subject)
      implements RetentionCommand {
    public ScheduleCustomerFollowUp {
      RetentionChecks.common(account, actor, idempotencyKey);
      Objects.requireNonNull(dueAt, "dueAt");
      Objects.requireNonNull(subject, "subject");
    }

    @Override
    public String name() {
      return "schedule follow-up";
    }
  }
}
