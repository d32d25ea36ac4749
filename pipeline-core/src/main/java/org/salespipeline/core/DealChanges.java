package org.salespipeline.core;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;

/**
 * Applies a run of history events to a deal with one rebuild: each event's change is interpreted by
 * this {@link Change.Visitor} onto one builder, and the deal is built (and its structural checks
 * run) once at the end. The only reads of the running state ({@code lastActivityAt}, {@code
 * followUpDueAt}) are tracked here, so the result equals applying the events one at a time.
 *
 * <p>Not thread-safe; one instance per run of events.
 */
final class DealChanges implements Change.Visitor<Void> {
  private final DealId deal;
  private final Deal.Builder next;
  private Optional<Instant> lastActivityAt;
  private Optional<Instant> followUpDueAt;
  private Instant at;
  private boolean changed;

  DealChanges(Deal start) {
    this.deal = start.id();
    this.next = Deal.builder().from(start);
    this.lastActivityAt = start.lastActivityAt();
    this.followUpDueAt = start.followUpDueAt();
  }

  /** Applies one event; its version and sequence become the deal's. */
  DealChanges apply(DealEvent event) {
    at = event.at();
    next.version(event.dealVersion()).lastEventSequence(event.sequence());
    event.change().accept(this);
    changed = true;
    return this;
  }

  /** Whether any event was applied. */
  boolean changed() {
    return changed;
  }

  /** The deal after every applied event. */
  Deal build() {
    return next.build();
  }

  @Override
  public Void visit(Change.Created change) {
    throw new IllegalArgumentException("deal " + deal + " created twice");
  }

  @Override
  public Void visit(Change.StageChanged change) {
    next.stage(change.to()).stageEnteredAt(at);
    return null;
  }

  @Override
  public Void visit(Change.AmountChanged change) {
    next.amount(change.to());
    return null;
  }

  @Override
  public Void visit(Change.CloseDateChanged change) {
    next.expectedCloseDate(change.to()).closeDatePushCount(change.pushCount());
    return null;
  }

  @Override
  public Void visit(Change.OwnerChanged change) {
    next.owner(change.to());
    return null;
  }

  @Override
  public Void visit(Change.CategoryChanged change) {
    next.forecastCategory(change.to()).categorySetByRep(change.setByRep());
    return null;
  }

  @Override
  public Void visit(Change.ProbabilityOverrideChanged change) {
    next.probabilityOverride(change.to());
    return null;
  }

  @Override
  public Void visit(Change.DetailsChanged change) {
    copyDetails(change.fields(), change.deal());
    return null;
  }

  @Override
  public Void visit(Change.QualificationRecorded change) {
    next.qualification(change.result());
    return null;
  }

  @Override
  public Void visit(Change.ActivityLogged change) {
    if (change.occurredAt().isPresent()) {
      lastActivityAt = Optional.of(latest(lastActivityAt, change.occurredAt().get()));
      next.lastActivityAt(lastActivityAt);
    }
    if (change.dueAt().isPresent()) {
      followUpDueAt = Optional.of(latest(followUpDueAt, change.dueAt().get()));
      next.followUpDueAt(followUpDueAt);
    }
    return null;
  }

  @Override
  public Void visit(Change.Won change) {
    next.status(DealStatus.WON).closeReason(change.reason()).closedAt(at);
    return null;
  }

  @Override
  public Void visit(Change.Lost change) {
    next.status(DealStatus.LOST).closeReason(change.reason()).closedAt(at);
    return null;
  }

  @Override
  public Void visit(Change.Disqualified change) {
    next.status(DealStatus.DISQUALIFIED).closeReason(change.reason()).closedAt(at);
    return null;
  }

  @Override
  public Void visit(Change.Reopened change) {
    next.status(DealStatus.OPEN).closeReason(Optional.empty()).closedAt(Optional.empty());
    return null;
  }

  @Override
  public Void visit(Change.RuleOverridden change) {
    // why: an override is recorded for audit; the stage change that follows it moves the deal.
    return null;
  }

  @Override
  public Void visit(Change.RetentionChanged change) {
    // why: retention lives in the account's retention record, not on the deal
    return null;
  }

  @Override
  public Void visit(Change.RecurringRevenueChanged change) {
    // why: retention lives in the account's retention record, not on the deal
    return null;
  }

  @Override
  public Void visit(Change.HealthChecked change) {
    // why: retention lives in the account's retention record, not on the deal
    return null;
  }

  @Override
  public Void visit(Change.RenewalTermsSet change) {
    // why: retention lives in the account's retention record, not on the deal
    return null;
  }

  private static Instant latest(Optional<Instant> current, Instant candidate) {
    return current.filter(c -> c.isAfter(candidate)).orElse(candidate);
  }

  private void copyDetails(Set<String> fields, Deal source) {
    for (String field : fields) {
      switch (field) {
        case "name" -> next.name(source.name());
        case "kind" -> next.kind(source.kind());
        case "linkedDeal" -> next.linkedDeal(source.linkedDeal());
        case "account" -> next.account(source.account());
        case "primaryContact" -> next.primaryContact(source.primaryContact());
        case "source" -> next.source(source.source());
        case "nextStep" -> next.nextStep(source.nextStep());
        case "needsAnalysis" -> next.needsAnalysis(source.needsAnalysis());
        case "proposal" -> next.proposal(source.proposal());
        case "negotiation" -> next.negotiation(source.negotiation());
        case "attributes" -> next.attributes(source.attributes());
        default -> throw new IllegalArgumentException("unknown detail field " + field);
      }
    }
  }
}
