package org.salespipeline.core;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.salespipeline.core.access.Action;
import org.salespipeline.core.command.CommandResult;
import org.salespipeline.core.command.RetentionCommand;
import org.salespipeline.core.command.RetentionResult;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.internal.Problems;
import org.salespipeline.core.rule.RetentionMove;
import org.salespipeline.core.rule.RetentionRule;
import org.salespipeline.core.rule.RuleViolation;
import org.salespipeline.core.store.RetentionQuery;

/**
 * The Post-Sale/Retention lifecycle (issue 17): each {@link RetentionCommand} runs like a deal
 * command on the account's anchoring won deal ({@link CustomerRetention#wonDeal()}), so its events
 * join that deal's history, its retention record commits with them all or nothing, listeners hear
 * them and a reused idempotency key replays. The retention rules of the policy run first; a refusal
 * names every violation and writes nothing.
 */
final class RetentionLifecycle {
  private final EngineContext context;
  private final CommandChecks checks;
  private final CommandRunner runner;

  RetentionLifecycle(EngineContext context, CommandChecks checks, CommandRunner runner) {
    this.context = context;
    this.checks = checks;
    this.runner = runner;
  }

  RetentionResult change(RetentionCommand command) {
    Problems problems = checks.common(command);
    problems.notNull("account", command.account());
    text(problems, command);
    problems.throwIfAny();
    CustomerRetention current = requireRetention(command.account());
    CommandResult result =
        runner.run(
            current.wonDeal(),
            command,
            OptionalLong.empty(),
            command.name(),
            false,
            draft -> {
              context.access().require(command.actor(), Action.EDIT, draft.current());
              apply(draft, command);
            });
    CustomerRetention after = context.ws().retention(command.account()).orElse(current);
    return new RetentionResult(after, result.events(), result.replayed());
  }

  /**
   * Marks every ACTIVE or RENEWED account whose renewal date is within the lead time as
   * RENEWAL_DUE.
   *
   * @return one result per account marked, in account order
   */
  List<RetentionResult> markRenewalsDue(UserId actor) {
    CommandChecks.requireNonNull("actor", actor);
    context.access().requireWorkspace(actor, Action.ADMIN);
    LocalDate today = context.today(context.now());
    RetentionQuery due =
        RetentionQuery.builder()
            .addStatuses(RetentionStatus.ACTIVE, RetentionStatus.RENEWED)
            .renewalTo(today.plus(context.retentionPolicy().renewalLeadTime()))
            .build();
    List<AccountId> accounts;
    try (Stream<CustomerRetention> records = context.ws().streamRetention(due)) {
      accounts = records.map(CustomerRetention::account).toList();
    }
    List<RetentionResult> out = new ArrayList<>(accounts.size());
    for (AccountId account : accounts) {
      out.add(change(new RetentionCommand.MarkRenewalDue(account, actor, Optional.empty())));
    }
    return out;
  }

  private CustomerRetention requireRetention(AccountId account) {
    return context
        .ws()
        .retention(account)
        .orElseThrow(
            () ->
                new ValidationException(
                    FieldProblem.of(
                        "account", account, "has no won deal, so no retention record")));
  }

  private static void text(Problems problems, RetentionCommand command) {
    if (command instanceof RetentionCommand.RecordHealthCheck c) {
      optionalText(problems, "note", c.note(), Problems.MAX_TEXT, true);
    } else if (command instanceof RetentionCommand.MarkAtRisk c) {
      optionalText(problems, "reason", c.reason(), Problems.MAX_LINE, false);
    } else if (command instanceof RetentionCommand.ResolveRisk c) {
      optionalText(problems, "note", c.note(), Problems.MAX_TEXT, true);
    } else if (command instanceof RetentionCommand.Churn c) {
      optionalText(problems, "reason", c.reason(), Problems.MAX_LINE, false);
      c.revenueLost().ifPresent(m -> problems.amount("revenueLost", m));
    } else if (command instanceof RetentionCommand.Reactivate c) {
      optionalText(problems, "reason", c.reason(), Problems.MAX_LINE, false);
      problems.amount("recurringValue", c.recurringValue());
    } else if (command instanceof RetentionCommand.SetRenewalTerms c) {
      c.recurringValue().ifPresent(m -> problems.amount("recurringValue", m));
    } else if (command instanceof RetentionCommand.ScheduleCustomerFollowUp c) {
      problems.line("subject", c.subject(), Problems.MAX_LINE);
    }
  }

  /** Checks a text that may be empty (the rules decide whether it must be given). */
  private static void optionalText(
      Problems problems, String field, String value, int max, boolean multiLine) {
    if (value != null && !value.isBlank()) {
      problems.text(field, value, max, multiLine, false);
    }
  }

  /** Checks the rules, then adds the command's changes and the next retention record. */
  private void apply(Draft draft, RetentionCommand command) {
    // why: read again under the command, after the deal was loaded; a change in between fails the
    // commit with ConcurrentRetentionModificationException rather than being overwritten
    CustomerRetention current = requireRetention(command.account());
    RetentionStatus to = target(command, current);
    LocalDate today = context.today(draft.at());
    RetentionMove move =
        new RetentionMove(current, command, to, today, context.retentionPolicy().renewalLeadTime());
    List<RuleViolation> violations = new ArrayList<>();
    for (RetentionRule rule : context.retentionPolicy().rules()) {
      violations.addAll(rule.check(move));
    }
    if (!violations.isEmpty()) {
      throw new IllegalRetentionMoveException(
          current.account(), current.status(), command.name(), violations);
    }
    AccountId account = current.account();
    Instant at = draft.at();
    CustomerRetention.Builder next =
        CustomerRetention.builder().from(current).lastActivityAt(at).version(current.version() + 1);
    Money recurring = current.recurringValue().orElse(null);
    if (command instanceof RetentionCommand.RecordHealthCheck c) {
      draft.add(new Change.HealthChecked(account, c.score(), c.note()));
      next.healthScore(c.score());
    } else if (command instanceof RetentionCommand.SetRenewalTerms c) {
      draft.add(new Change.RenewalTermsSet(account, c.renewalDate(), c.termMonths()));
      next.renewalDate(c.renewalDate()).renewalTermMonths(c.termMonths());
      if (c.recurringValue().isPresent()) {
        Money value = c.recurringValue().get();
        Money from = recurring == null ? Money.zero(value.currency()) : recurring;
        if (value.compareTo(from) != 0) {
          RevenueCause cause =
              value.compareTo(from) > 0 ? RevenueCause.EXPANSION : RevenueCause.PARTIAL_CHURN;
          draft.add(
              new Change.RecurringRevenueChanged(account, from, value, cause, "renewal terms"));
        }
        next.recurringValue(value);
      }
    } else if (command instanceof RetentionCommand.Churn c && !c.full()) {
      Money after = recurring.minus(c.revenueLost().get());
      draft.add(
          new Change.RecurringRevenueChanged(
              account, recurring, after, RevenueCause.PARTIAL_CHURN, c.reason()));
      next.recurringValue(after).reason(c.reason());
    } else if (command instanceof RetentionCommand.ScheduleCustomerFollowUp c) {
      Activity followUp =
          Activity.builder()
              .id(new ActivityId(context.ids().next()))
              .workspace(context.workspace())
              .deal(current.wonDeal())
              .account(account)
              .type(ActivityType.FOLLOW_UP)
              .owner(current.owner().orElse(draft.actor()))
              .subject(c.subject())
              .dueAt(c.dueAt())
              .recordedAt(at)
              .build();
      draft.activity(followUp);
      draft.add(
          new Change.ActivityLogged(
              followUp.id(), followUp.type(), Optional.empty(), followUp.dueAt()));
      next.nextFollowUp(c.dueAt());
    }
    if (to != current.status()) {
      String reason = reason(command);
      draft.add(new Change.RetentionChanged(account, Optional.of(current.status()), to, reason));
      next.status(to).since(at).reason(reason.isEmpty() ? Optional.empty() : Optional.of(reason));
      if (command instanceof RetentionCommand.Churn c && recurring != null) {
        Money zero = Money.zero(recurring.currency());
        if (recurring.compareTo(zero) != 0) {
          draft.add(
              new Change.RecurringRevenueChanged(
                  account, recurring, zero, RevenueCause.CHURN, c.reason()));
        }
        next.recurringValue(zero);
      } else if (command instanceof RetentionCommand.Reactivate c) {
        Money from = recurring == null ? Money.zero(c.recurringValue().currency()) : recurring;
        draft.add(
            new Change.RecurringRevenueChanged(
                account, from, c.recurringValue(), RevenueCause.REACTIVATION, c.reason()));
        next.recurringValue(c.recurringValue());
      }
    }
    draft.retention(next.build());
  }

  /** The status a command leads to. */
  private static RetentionStatus target(RetentionCommand command, CustomerRetention current) {
    if (command instanceof RetentionCommand.CompleteOnboarding
        || command instanceof RetentionCommand.ResolveRisk
        || command instanceof RetentionCommand.Reactivate) {
      return RetentionStatus.ACTIVE;
    } else if (command instanceof RetentionCommand.MarkRenewalDue) {
      return RetentionStatus.RENEWAL_DUE;
    } else if (command instanceof RetentionCommand.MarkAtRisk) {
      return RetentionStatus.AT_RISK;
    } else if (command instanceof RetentionCommand.Churn c && c.full()) {
      return RetentionStatus.CHURNED;
    }
    return current.status();
  }

  private static String reason(RetentionCommand command) {
    if (command instanceof RetentionCommand.MarkAtRisk c) {
      return c.reason();
    } else if (command instanceof RetentionCommand.Churn c) {
      return c.reason();
    } else if (command instanceof RetentionCommand.Reactivate c) {
      return c.reason();
    } else if (command instanceof RetentionCommand.ResolveRisk c) {
      return c.note();
    } else if (command instanceof RetentionCommand.CompleteOnboarding) {
      return "onboarded";
    }
    return "";
  }
}
