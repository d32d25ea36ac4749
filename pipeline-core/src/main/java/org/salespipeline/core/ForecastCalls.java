package org.salespipeline.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;
import org.salespipeline.core.access.Action;
import org.salespipeline.core.call.AdjustForecast;
import org.salespipeline.core.call.Adjustment;
import org.salespipeline.core.call.AdjustmentCell;
import org.salespipeline.core.call.AdjustmentKind;
import org.salespipeline.core.call.AdjustmentLedger;
import org.salespipeline.core.call.AdjustmentNotAllowedException;
import org.salespipeline.core.call.BackingDeal;
import org.salespipeline.core.call.CallHistory;
import org.salespipeline.core.call.CallPeriod;
import org.salespipeline.core.call.CallRefusedException;
import org.salespipeline.core.call.ConcurrentAdjustmentModificationException;
import org.salespipeline.core.call.ForecastCall;
import org.salespipeline.core.call.RevertAdjustment;
import org.salespipeline.core.call.SubmissionWindow;
import org.salespipeline.core.call.SubmitCall;
import org.salespipeline.core.internal.Problems;
import org.salespipeline.core.org.OrgDirectory;
import org.salespipeline.core.org.OrgNode;
import org.salespipeline.core.store.DealQuery;

/**
 * The forecast process room (issue 18): calls submitted within their windows with the deals behind
 * them, and managers' versioned adjustments. Each command has one entry method here, where an
 * access check can be added in one line.
 */
final class ForecastCalls {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(ForecastCalls.class);

  private final EngineContext context;

  ForecastCalls(EngineContext context) {
    this.context = context;
  }

  /** Submits a call: checks it, checks the window, records the deals behind it, appends it. */
  ForecastCall submit(SubmitCall command) {
    CommandChecks.requireNonNull("command", command);
    context.access().requireWorkspace(command.actor(), Action.SUBMIT_FORECAST);
    Problems problems = new Problems();
    problems.line("forecastType", command.forecastType(), Problems.MAX_LINE);
    problems.amount("commit", command.commit());
    problems.amount("mostLikely", command.mostLikely());
    problems.amount("bestCase", command.bestCase());
    problems.text("note", command.note().orElse(null), Problems.MAX_TEXT, true, false);
    if (problems.isEmpty()) {
      orderedAmounts(command, problems);
    }
    problems.throwIfAny();
    Instant now = context.now();
    Optional<SubmissionWindow> window =
        context.callWindows().windowFor(command.period(), command.forecastType());
    if (window.isPresent()) {
      Optional<SubmissionWindow.Refusal> refusal = window.get().refusalAt(now);
      if (refusal.isPresent()) {
        throw new CallRefusedException(
            command.node(), command.period(), refusal.get(), now, window.get());
      }
    }
    ForecastCall call =
        ForecastCall.builder()
            .id(context.ids().next())
            .workspace(context.workspace())
            .node(command.node())
            .period(command.period())
            .forecastType(command.forecastType())
            .commit(command.commit())
            .mostLikely(command.mostLikely())
            .bestCase(command.bestCase())
            .note(command.note())
            .submittedBy(command.actor())
            .submittedAt(now)
            .source(command.source())
            .backingDeals(backingDeals(command.node(), command.period(), now))
            .build();
    context.ws().appendForecastCall(call);
    tell(listener -> listener.onCallSubmitted(call), "call " + call.id());
    return call;
  }

  private static void orderedAmounts(SubmitCall c, Problems problems) {
    if (!c.commit().currency().equals(c.mostLikely().currency())
        || !c.commit().currency().equals(c.bestCase().currency())) {
      problems.add(
          "mostLikely",
          c.mostLikely(),
          "must be in the commit's currency " + c.commit().currency());
      return;
    }
    if (c.mostLikely().compareTo(c.commit()) < 0) {
      problems.add("mostLikely", c.mostLikely(), "must be at least the commit " + c.commit());
    }
    if (c.bestCase().compareTo(c.mostLikely()) < 0) {
      problems.add("bestCase", c.bestCase(), "must be at least the most likely " + c.mostLikely());
    }
  }

  /** The deals closing in the period that count in the node's pipeline now, in id order. */
  private List<BackingDeal> backingDeals(OrgNode node, CallPeriod period, Instant now) {
    Set<UserId> owners = new LinkedHashSet<>();
    if (node instanceof OrgNode.User u) {
      owners.add(u.id());
    } else if (node instanceof OrgNode.Team t) {
      OrgDirectory org = context.org();
      for (TeamId team : org.subtreeOf(t.id(), now)) {
        owners.addAll(org.membersOf(team, now));
        org.managerOf(team, now).ifPresent(owners::add);
      }
    }
    if (owners.isEmpty()) {
      return List.of();
    }
    DealQuery query =
        DealQuery.builder()
            .owners(owners)
            .addStatuses(DealStatus.OPEN, DealStatus.WON)
            .closeDateFrom(period.start())
            .closeDateTo(period.end().minusDays(1))
            .build();
    List<BackingDeal> out = new ArrayList<>();
    try (Stream<Deal> deals = context.ws().streamDeals(query)) {
      deals.forEach(
          d -> {
            ForecastCategory category =
                d.status() == DealStatus.WON ? ForecastCategory.CLOSED : d.forecastCategory();
            if (category != ForecastCategory.OMITTED) {
              out.add(new BackingDeal(d.id(), d.amount(), category));
            }
          });
    }
    return out;
  }

  /** The calls of one owner, period and type. */
  CallHistory calls(OrgNode node, CallPeriod period, String forecastType) {
    CommandChecks.requireNonNull("node", node);
    return CallHistory.of(
        calls(period, forecastType).stream().filter(c -> c.node().equals(node)).toList());
  }

  /** The calls of every owner for a period and type, in submission order. */
  List<ForecastCall> calls(CallPeriod period, String forecastType) {
    CommandChecks.requireNonNull("period", period);
    CommandChecks.requireNonNull("forecastType", forecastType);
    return context.ws().forecastCalls(period, forecastType);
  }

  /** The adjustments of a period and type. */
  AdjustmentLedger adjustments(CallPeriod period, String forecastType) {
    CommandChecks.requireNonNull("period", period);
    CommandChecks.requireNonNull("forecastType", forecastType);
    return AdjustmentLedger.of(context.ws().adjustments(period, forecastType));
  }

  /** Adjusts a cell: the actor must manage above it; the version must be the current one. */
  Adjustment adjust(AdjustForecast command) {
    CommandChecks.requireNonNull("command", command);
    context.access().requireWorkspace(command.actor(), Action.ADJUST_FORECAST);
    Problems problems = new Problems();
    problems.line("reason", command.reason(), Problems.MAX_LINE);
    if (command.kind() == AdjustmentKind.CLEARED) {
      problems.add("kind", command.kind(), "must be OVERRIDE or DELTA; revert to clear a cell");
    }
    if (command.kind() == AdjustmentKind.OVERRIDE) {
      problems.amount("amount", command.amount());
    }
    if (command.expectedVersion() < 0) {
      problems.add("expectedVersion", command.expectedVersion(), "must not be negative");
    }
    problems.throwIfAny();
    Instant now = context.now();
    requireMayAdjust(command.actor(), command.cell().node(), now);
    return append(
        command.cell(),
        command.expectedVersion(),
        command.kind(),
        command.amount(),
        command.reason(),
        command.actor(),
        now,
        OptionalLong.empty());
  }

  /** Reverts a cell's latest version: a new version with the state before it. */
  Adjustment revert(RevertAdjustment command) {
    CommandChecks.requireNonNull("command", command);
    context.access().requireWorkspace(command.actor(), Action.ADJUST_FORECAST);
    Problems problems = new Problems();
    problems.line("reason", command.reason(), Problems.MAX_LINE);
    if (command.expectedVersion() < 1) {
      problems.add(
          "expectedVersion", command.expectedVersion(), "must be at least 1: nothing to revert");
    }
    problems.throwIfAny();
    Instant now = context.now();
    AdjustmentCell cell = command.cell();
    requireMayAdjust(command.actor(), cell.node(), now);
    List<Adjustment> history = adjustments(cell.period(), cell.forecastType()).history(cell);
    long current = history.isEmpty() ? 0 : history.get(history.size() - 1).version();
    if (current != command.expectedVersion()) {
      throw new ConcurrentAdjustmentModificationException(cell, command.expectedVersion(), current);
    }
    Adjustment reverted = history.get(history.size() - 1);
    Optional<Adjustment> before =
        history.size() < 2 ? Optional.empty() : Optional.of(history.get(history.size() - 2));
    return append(
        cell,
        current,
        before.map(Adjustment::kind).orElse(AdjustmentKind.CLEARED),
        before.map(Adjustment::amount).orElse(Money.zero(reverted.amount().currency())),
        command.reason(),
        command.actor(),
        now,
        OptionalLong.of(current));
  }

  private Adjustment append(
      AdjustmentCell cell,
      long expectedVersion,
      AdjustmentKind kind,
      Money amount,
      String reason,
      UserId actor,
      Instant now,
      OptionalLong reverts) {
    Adjustment next =
        Adjustment.builder()
            .workspace(context.workspace())
            .cell(cell)
            .version(expectedVersion + 1)
            .kind(kind)
            .amount(amount)
            .reason(reason)
            .adjustedBy(actor)
            .adjustedAt(now)
            .revertsVersion(reverts)
            .build();
    context.ws().appendAdjustment(next);
    tell(listener -> listener.onAdjusted(next), "adjustment " + cell + " v" + next.version());
    return next;
  }

  /** Tells every listener after the commit; a failing listener is logged, never undoes it. */
  private void tell(
      java.util.function.Consumer<org.salespipeline.core.event.PipelineListener> what,
      String subject) {
    if (context.listeners().isEmpty()) {
      return;
    }
    context
        .store()
        .afterCommit(
            () -> {
              for (org.salespipeline.core.event.PipelineListener l : context.listeners()) {
                try {
                  what.accept(l);
                } catch (RuntimeException e) {
                  LOG.error("pipeline listener {} failed on {}; it stays stored", l, subject, e);
                }
              }
            });
  }

  /**
   * A user may adjust a node strictly below a team they manage: a team in the subtree of one of
   * their teams (not that team itself), or a user in that subtree other than themselves.
   */
  private void requireMayAdjust(UserId actor, OrgNode node, Instant at) {
    CommandChecks.requireNonNull("actor", actor);
    OrgDirectory org = context.org();
    boolean allowed = false;
    if (node instanceof OrgNode.Team t) {
      for (TeamId top : org.teamsManagedBy(actor, at)) {
        List<TeamId> below = org.subtreeOf(top, at);
        boolean ownTeam = org.managerOf(t.id(), at).filter(actor::equals).isPresent();
        if (below.indexOf(t.id()) > 0 && !ownTeam) {
          allowed = true;
          break;
        }
      }
    } else if (node instanceof OrgNode.User u) {
      allowed = org.manages(actor, u.id(), at);
    }
    if (!allowed) {
      throw new AdjustmentNotAllowedException(actor, node);
    }
  }
}
