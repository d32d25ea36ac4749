package org.salespipeline.benchmarks.insight;

import java.time.Instant;
import java.util.Optional;
import org.salespipeline.core.Deal;
import org.salespipeline.core.event.Change;

/**
 * The plain read's interpretation of a change: loads the values each kind carries and sums them
 * into {@link #sum}, only so that the JIT cannot drop the loads. One instance serves a whole read.
 */
final class ChangeRead implements Change.Visitor<Void> {
  long sum;

  @Override
  public Void visit(Change.Created c) {
    Deal d = c.deal();
    sum +=
        d.amount().toMinorUnits()
            + d.expectedCloseDate().toEpochDay()
            + d.closeDatePushCount()
            + d.status().ordinal()
            + d.stage().length()
            + d.source().ordinal()
            + System.identityHashCode(d.owner())
            + System.identityHashCode(d.pipeline())
            + (d.qualification().isPresent() ? 1 : 0)
            + seconds(d.lastActivityAt())
            + seconds(d.followUpDueAt());
    return null;
  }

  @Override
  public Void visit(Change.StageChanged c) {
    sum += c.from().length() + c.to().length();
    return null;
  }

  @Override
  public Void visit(Change.AmountChanged c) {
    sum += c.to().toMinorUnits();
    return null;
  }

  @Override
  public Void visit(Change.CloseDateChanged c) {
    sum += c.to().toEpochDay() + c.pushCount();
    return null;
  }

  @Override
  public Void visit(Change.OwnerChanged c) {
    sum += System.identityHashCode(c.to());
    return null;
  }

  @Override
  public Void visit(Change.CategoryChanged c) {
    return null;
  }

  @Override
  public Void visit(Change.ProbabilityOverrideChanged c) {
    return null;
  }

  @Override
  public Void visit(Change.DetailsChanged c) {
    return null;
  }

  @Override
  public Void visit(Change.QualificationRecorded c) {
    return null;
  }

  @Override
  public Void visit(Change.ActivityLogged c) {
    sum += seconds(c.occurredAt()) + seconds(c.dueAt());
    return null;
  }

  @Override
  public Void visit(Change.Won c) {
    sum += c.reason().status().ordinal();
    return null;
  }

  @Override
  public Void visit(Change.Lost c) {
    sum += c.reason().status().ordinal();
    return null;
  }

  @Override
  public Void visit(Change.Disqualified c) {
    return null;
  }

  @Override
  public Void visit(Change.Reopened c) {
    return null;
  }

  @Override
  public Void visit(Change.RuleOverridden c) {
    return null;
  }

  @Override
  public Void visit(Change.RetentionChanged c) {
    return null;
  }

  @Override
  public Void visit(Change.RecurringRevenueChanged c) {
    return null;
  }

  @Override
  public Void visit(Change.HealthChecked c) {
    return null;
  }

  @Override
  public Void visit(Change.RenewalTermsSet c) {
    return null;
  }

  private static long seconds(Optional<Instant> at) {
    return at.isPresent() ? at.get().getEpochSecond() : 0;
  }
}
