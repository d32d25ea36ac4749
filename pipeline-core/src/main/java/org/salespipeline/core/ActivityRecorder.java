package org.salespipeline.core;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalLong;
import org.salespipeline.core.access.Action;
import org.salespipeline.core.command.CommandResult;
import org.salespipeline.core.command.DealCommand;
import org.salespipeline.core.command.LogActivity;
import org.salespipeline.core.command.ScheduleFollowUp;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.internal.Problems;

/**
 * Activities: logged after they happened or scheduled as follow-ups, on a deal (through the command
 * machinery, with an event) or on an account only (saved directly).
 */
final class ActivityRecorder {
  private final EngineContext context;
  private final CommandChecks checks;
  private final CommandRunner runner;

  ActivityRecorder(EngineContext context, CommandChecks checks, CommandRunner runner) {
    this.context = context;
    this.checks = checks;
    this.runner = runner;
  }

  Activity log(LogActivity command) {
    Instant now = context.now();
    Problems problems = checks.common(command);
    problems.notNull("type", command.type());
    problems.line("subject", command.subject(), Problems.MAX_LINE);
    command.outcome().ifPresent(o -> problems.text("outcome", o, Problems.MAX_TEXT, true, true));
    command
        .occurredAt()
        .filter(t -> t.isAfter(now))
        .ifPresent(
            t ->
                problems.add(
                    "occurredAt", t, "must not be in the future; schedule a follow-up instead"));
    return record(
        problems,
        command,
        command.deal(),
        command.account(),
        command.type(),
        command.subject(),
        Optional.of(command.occurredAt().orElse(now)),
        Optional.empty(),
        command.outcome(),
        command.owner());
  }

  Activity scheduleFollowUp(ScheduleFollowUp command) {
    Instant now = context.now();
    Problems problems = checks.common(command);
    problems.notNull("type", command.type());
    problems.line("subject", command.subject(), Problems.MAX_LINE);
    if (problems.notNull("dueAt", command.dueAt())) {
      if (command.dueAt().isBefore(now)) {
        problems.add("dueAt", command.dueAt(), "must not be in the past");
      } else {
        problems.closeDate(
            "dueAt",
            LocalDate.ofInstant(command.dueAt(), context.clock().getZone()),
            context.today(now));
      }
    }
    return record(
        problems,
        command,
        command.deal(),
        command.account(),
        command.type(),
        command.subject(),
        Optional.empty(),
        Optional.ofNullable(command.dueAt()),
        Optional.empty(),
        command.owner());
  }

  private Activity record(
      Problems problems,
      DealCommand command,
      Optional<DealId> dealId,
      Optional<AccountId> accountId,
      ActivityType type,
      String subject,
      Optional<Instant> occurredAt,
      Optional<Instant> dueAt,
      Optional<String> outcome,
      Optional<UserId> owner) {
    if (dealId.isEmpty() && accountId.isEmpty()) {
      problems.add("deal", null, "a deal or an account is required");
    }
    accountId.ifPresent(a -> checks.requireAccount(problems, "account", a));
    problems.throwIfAny();
    Activity.Builder activity =
        Activity.builder()
            .id(new ActivityId(context.ids().next()))
            .workspace(context.workspace())
            .type(type)
            .owner(owner.orElse(command.actor()))
            .subject(subject)
            .occurredAt(occurredAt)
            .dueAt(dueAt)
            .outcome(outcome)
            .recordedAt(context.now());
    if (dealId.isEmpty()) {
      Activity built = activity.account(accountId).build();
      context.ws().saveAccountActivity(built);
      return built;
    }
    Activity[] logged = new Activity[1];
    CommandResult result =
        runner.run(
            dealId.get(),
            command,
            OptionalLong.empty(),
            "logActivity",
            false,
            draft -> {
              context.access().require(command.actor(), Action.EDIT, draft.current());
              Activity built =
                  activity
                      .deal(dealId)
                      .account(accountId.or(() -> draft.current().account()))
                      .build();
              logged[0] = built;
              draft.activity(built);
              draft.add(new Change.ActivityLogged(built.id(), type, occurredAt, dueAt));
            });
    if (logged[0] != null && !result.replayed()) {
      return logged[0];
    }
    return firstLogged(result, dealId.get(), command);
  }

  /** A replay: the activity the first command with this key logged. */
  private Activity firstLogged(CommandResult result, DealId deal, DealCommand command) {
    ActivityId first =
        result.events().stream()
            .map(DealEvent::change)
            .filter(Change.ActivityLogged.class::isInstance)
            .map(c -> ((Change.ActivityLogged) c).activity())
            .findFirst()
            .orElseThrow(
                () ->
                    new ValidationException(
                        FieldProblem.of(
                            "idempotencyKey",
                            command.idempotencyKey().orElse(null),
                            "was used by a command that logged no activity")));
    return context.ws().activities(deal).stream()
        .filter(a -> a.id().equals(first))
        .findFirst()
        .orElseThrow(
            () -> new StorageException("activity " + first + " of a replayed command is missing"));
  }
}
