package org.salespipeline.core;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.salespipeline.core.access.Action;
import org.salespipeline.core.command.CloseDeal;
import org.salespipeline.core.command.CommandResult;
import org.salespipeline.core.command.MoveDeal;
import org.salespipeline.core.command.ReopenDeal;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.internal.Problems;
import org.salespipeline.core.rule.RuleViolation;
import org.salespipeline.core.rule.Transition;
import org.salespipeline.core.rule.TransitionKind;
import org.salespipeline.core.stage.PipelineDefinition;
import org.salespipeline.core.stage.Stage;
import org.salespipeline.core.stage.StageOutcome;

/**
 * Everything that changes a deal's stage, always through the stage rules: move, close (won, lost,
 * disqualified), reopen; and the retention a won deal's account enters.
 */
final class Transitions {
  private static final Duration ONBOARDING_FOLLOW_UP = Duration.ofDays(7);

  private final EngineContext context;
  private final CommandChecks checks;
  private final CommandRunner runner;

  Transitions(EngineContext context, CommandChecks checks, CommandRunner runner) {
    this.context = context;
    this.checks = checks;
    this.runner = runner;
  }

  /**
   * The last configured pipeline a command looked up, with its id. A workspace's deals mostly share
   * a pipeline, so this answers most moves without hashing the id into the configuration's map.
   * Read and written racily: either value is a correct pair (the fields are final).
   */
  private record LastPipeline(PipelineId id, PipelineDefinition definition) {}

  private LastPipeline lastPipeline;

  /** {@link EngineContext#pipeline}, remembering the last configured one. */
  private PipelineDefinition pipeline(PipelineId id) {
    LastPipeline last = lastPipeline;
    if (last != null && (last.id() == id || last.id().equals(id))) {
      return last.definition();
    }
    PipelineDefinition definition = context.pipeline(id);
    // why: only configured definitions are fixed for the engine's life; a workspace's saved ones
    // are read each time, as before
    if (context.pipelines().get(id) == definition) {
      lastPipeline = new LastPipeline(id, definition);
    }
    return definition;
  }

  CommandResult move(MoveDeal command) {
    Problems problems = checks.onDeal(command);
    problems.line("toStage", command.toStage(), Problems.MAX_LINE);
    Optional<String> override = command.override();
    if (override.isPresent()) {
      problems.line("override", override.get(), Problems.MAX_LINE);
    }
    problems.throwIfAny();
    return runner.onDeal(
        command,
        "move",
        true,
        draft -> {
          context.access().require(command.actor(), Action.MOVE, draft.current());
          PipelineDefinition definition = pipeline(draft.current().pipeline());
          Stage from = definition.requireStage(draft.current().stage());
          Stage to = definition.requireStage(command.toStage(), "toStage");
          if (!to.isOpen()) {
            throw new ValidationException(
                FieldProblem.of(
                    "toStage", to.key(), "is a closing stage; use win, lose or disqualify"));
          }
          if (to.key().equals(from.key())) {
            throw new ValidationException(
                FieldProblem.of("toStage", to.key(), "is the deal's current stage"));
          }
          transition(
              draft,
              definition,
              from,
              to,
              TransitionKind.MOVE,
              Optional.empty(),
              command.override());
        });
  }

  /** Closes an open deal with the outcome; {@code kind} names the command. */
  CommandResult close(CloseDeal command, StageOutcome outcome, TransitionKind kind) {
    Problems problems = checks.onDeal(command);
    if (problems.notNull("reason", command.reason()) && !command.reason().isEmpty()) {
      problems.line("reason", command.reason(), Problems.MAX_LINE);
    }
    command.detail().ifPresent(d -> problems.text("detail", d, Problems.MAX_TEXT, true, true));
    command.override().ifPresent(r -> problems.line("override", r, Problems.MAX_LINE));
    problems.throwIfAny();
    return runner.onDeal(
        command,
        kind.name().toLowerCase(Locale.ROOT),
        true,
        draft -> {
          Deal deal = draft.current();
          context.access().require(command.actor(), Action.CLOSE, deal);
          PipelineDefinition definition = context.pipeline(deal.pipeline());
          Stage from = definition.requireStage(deal.stage());
          Stage to =
              definition
                  .stageWithOutcome(outcome)
                  .orElseThrow(
                      () ->
                          // why: on the command's own field; the pipeline is the deal's, not an
                          // input of the close
                          new ValidationException(
                              FieldProblem.of(
                                  "deal",
                                  deal.id(),
                                  "is in pipeline "
                                      + definition.id()
                                      + ", which has no "
                                      + outcome.name().toLowerCase(Locale.ROOT)
                                      + " stage")));
          String reason =
              command.reason().isBlank() && outcome == StageOutcome.WON ? "won" : command.reason();
          CloseReason closeReason = new CloseReason(outcome.status(), reason, command.detail());
          transition(
              draft, definition, from, to, kind, Optional.of(closeReason), command.override());
          if (outcome == StageOutcome.WON && deal.account().isPresent()) {
            enterRetention(draft, deal, deal.account().get());
          }
        });
  }

  /**
   * Puts the account of a deal being won into retention: onboarding (with a kick-off follow-up) if
   * it is new or had churned, renewed for a renewal deal, its status kept otherwise. The deal's
   * history records the retention status change and the recurring revenue the win brings: the
   * deal's amount for a new customer, the renewal amount for a renewal, the amount added for an
   * expansion (converted to the account's recurring currency).
   *
   * @param deal the deal as it stood before closing
   */
  private void enterRetention(Draft draft, Deal deal, AccountId account) {
    Optional<CustomerRetention> existing = context.ws().retention(account);
    boolean fresh = existing.isEmpty() || existing.get().status() == RetentionStatus.CHURNED;
    RetentionStatus status;
    if (deal.kind() == DealKind.RENEWAL && !fresh) {
      status = RetentionStatus.RENEWED;
    } else if (fresh) {
      status = RetentionStatus.ONBOARDING;
    } else {
      status = existing.get().status();
    }
    boolean statusChanges = existing.map(e -> e.status() != status).orElse(true);
    Money amount = deal.amount();
    Money from =
        fresh
            ? Money.zero(amount.currency())
            : existing.get().recurringValue().orElse(Money.zero(amount.currency()));
    Money won;
    try {
      won = context.converter().convert(amount, from.currency(), context.today(draft.at()));
    } catch (CurrencyConversionException e) {
      // why: a win must not fail for want of a rate; the recurring value stays as it was and the
      // revenue change is left out rather than recorded in a second currency
      won = Money.zero(from.currency());
    }
    RevenueCause cause;
    Money to;
    if (won.amount().signum() == 0 && !fresh) {
      cause = RevenueCause.EXPANSION;
      to = from;
    } else if (fresh) {
      cause = RevenueCause.NEW_BUSINESS;
      to = won;
    } else if (deal.kind() == DealKind.RENEWAL) {
      cause = RevenueCause.RENEWAL;
      to = won;
    } else {
      cause = RevenueCause.EXPANSION;
      to = from.plus(won);
    }
    if (statusChanges) {
      draft.add(
          new Change.RetentionChanged(
              account, existing.map(CustomerRetention::status), status, "won " + deal.id()));
    }
    if (!to.equals(from)) {
      draft.add(new Change.RecurringRevenueChanged(account, from, to, cause, ""));
    }
    CustomerRetention.Builder next = CustomerRetention.builder();
    existing.ifPresent(next::from);
    next.account(account)
        .workspace(context.workspace())
        .status(status)
        .wonDeal(deal.id())
        .since(statusChanges ? draft.at() : existing.get().since())
        .recurringValue(to)
        .owner(existing.flatMap(CustomerRetention::owner).orElse(deal.owner()))
        .lastActivityAt(draft.at())
        .version(existing.map(e -> e.version() + 1).orElse(1L));
    if (statusChanges) {
      next.reason(Optional.empty());
    }
    if (status == RetentionStatus.ONBOARDING && statusChanges) {
      Activity kickoff =
          Activity.builder()
              .id(new ActivityId(context.ids().next()))
              .workspace(context.workspace())
              .deal(deal.id())
              .account(account)
              .type(ActivityType.FOLLOW_UP)
              .owner(deal.owner())
              .subject("Onboarding kick-off")
              .dueAt(draft.at().plus(ONBOARDING_FOLLOW_UP))
              .recordedAt(draft.at())
              .build();
      draft.activity(kickoff);
      draft.add(
          new Change.ActivityLogged(
              kickoff.id(), kickoff.type(), Optional.empty(), kickoff.dueAt()));
      next.nextFollowUp(kickoff.dueAt());
    }
    draft.retention(next.build());
  }

  CommandResult reopen(ReopenDeal command) {
    Problems problems = checks.onDeal(command);
    problems.line("toStage", command.toStage(), Problems.MAX_LINE);
    problems.line("reason", command.reason(), Problems.MAX_LINE);
    problems.throwIfAny();
    return runner.onDeal(
        command,
        "reopen",
        false,
        draft -> {
          Deal deal = draft.current();
          context.access().require(command.actor(), Action.REOPEN, deal);
          if (deal.isOpen()) {
            throw new ValidationException(
                FieldProblem.of("deal", deal.id(), "is open; only closed deals can be reopened"));
          }
          PipelineDefinition definition = context.pipeline(deal.pipeline());
          Stage from = definition.requireStage(deal.stage());
          Stage to = definition.requireStage(command.toStage(), "toStage");
          if (!to.isOpen()) {
            throw new ValidationException(
                FieldProblem.of("toStage", to.key(), "is not an open stage"));
          }
          draft.add(new Change.Reopened(deal.status(), command.reason()));
          transition(
              draft,
              definition,
              from,
              to,
              TransitionKind.REOPEN,
              Optional.empty(),
              Optional.empty());
        });
  }

  /**
   * Adds a change of stage to the draft after the stage rules allowed it: the override (if the
   * rules refused and an override is given), the stage change, the category the stage implies
   * (unless the rep set one on an open deal) and the close, if any.
   *
   * @throws IllegalTransitionException with every violation when the rules refuse and no override
   *     is given
   */
  void transition(
      Draft draft,
      PipelineDefinition definition,
      Stage from,
      Stage to,
      TransitionKind kind,
      Optional<CloseReason> reason,
      Optional<String> override) {
    Deal deal = draft.current();
    Transition transition =
        new Transition(deal, definition, from, to, kind, reason, draft.actor(), draft.at());
    List<RuleViolation> violations = context.rules().check(transition);
    if (!violations.isEmpty()) {
      context
          .observer()
          .ruleViolations(kind.name().toLowerCase(Locale.ROOT), violations, override.isPresent());
      if (override.isEmpty()) {
        throw new IllegalTransitionException(deal.id(), from.key(), to.key(), violations);
      }
      context.access().require(draft.actor(), Action.OVERRIDE_RULE, deal);
      draft.add(new Change.RuleOverridden(from.key(), to.key(), violations, override.get()));
    }
    draft.add(new Change.StageChanged(from.key(), to.key()));
    boolean closing = !to.isOpen();
    if (closing || !deal.categorySetByRep()) {
      if (deal.forecastCategory() != to.defaultCategory() || deal.categorySetByRep()) {
        draft.add(new Change.CategoryChanged(deal.forecastCategory(), to.defaultCategory(), false));
      }
    }
    if (reason.isPresent()) {
      CloseReason r = reason.get();
      switch (r.status()) {
        case WON -> draft.add(new Change.Won(r));
        case LOST -> draft.add(new Change.Lost(r));
        case DISQUALIFIED -> draft.add(new Change.Disqualified(r));
        default -> throw new IllegalStateException("open is not a close reason");
      }
    }
  }

  /**
   * Sets an account's retention status.
   *
   * @throws ValidationException if the account never had a won deal
   */
  CustomerRetention updateRetention(
      AccountId account, RetentionStatus status, Optional<LocalDate> renewalDate) {
    Problems problems = new Problems();
    problems.notNull("account", account);
    problems.notNull("status", status);
    problems.notNull("renewalDate", renewalDate);
    problems.throwIfAny();
    context.access().requireWorkspace(null, Action.ADMIN);
    CustomerRetention current =
        context
            .ws()
            .retention(account)
            .orElseThrow(
                () ->
                    new ValidationException(
                        FieldProblem.of(
                            "account", account, "has no won deal, so no retention record")));
    CustomerRetention next =
        CustomerRetention.builder()
            .from(current)
            .status(status)
            .since(current.status() == status ? current.since() : context.now())
            .renewalDate(renewalDate.or(current::renewalDate))
            .version(current.version() + 1)
            .build();
    context.ws().commitRetention(next, List.of());
    return next;
  }
}
