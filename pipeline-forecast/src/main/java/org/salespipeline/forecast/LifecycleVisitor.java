package org.salespipeline.forecast;

import org.salespipeline.core.event.Change;

/**
 * A visitor over the changes that move a deal through its life (created, moved, pushed, won, lost,
 * disqualified, reopened); every other kind goes to {@link #other()}. The lifecycle kinds stay
 * abstract, so a subclass must handle each, and a kind added to {@link Change.Visitor} breaks the
 * build of every subclass until it is placed here or there.
 */
abstract class LifecycleVisitor implements Change.Visitor<Void> {
  /** A change that does not move the deal through its life; does nothing unless overridden. */
  void other() {}

  @Override
  public final Void visit(Change.AmountChanged change) {
    other();
    return null;
  }

  @Override
  public final Void visit(Change.OwnerChanged change) {
    other();
    return null;
  }

  @Override
  public final Void visit(Change.CategoryChanged change) {
    other();
    return null;
  }

  @Override
  public final Void visit(Change.ProbabilityOverrideChanged change) {
    other();
    return null;
  }

  @Override
  public final Void visit(Change.DetailsChanged change) {
    other();
    return null;
  }

  @Override
  public final Void visit(Change.QualificationRecorded change) {
    other();
    return null;
  }

  @Override
  public final Void visit(Change.ActivityLogged change) {
    other();
    return null;
  }

  @Override
  public final Void visit(Change.RuleOverridden change) {
    other();
    return null;
  }

  @Override
  public final Void visit(Change.RetentionChanged change) {
    other();
    return null;
  }

  @Override
  public final Void visit(Change.RecurringRevenueChanged change) {
    other();
    return null;
  }

  @Override
  public final Void visit(Change.HealthChecked change) {
    other();
    return null;
  }

  @Override
  public final Void visit(Change.RenewalTermsSet change) {
    other();
    return null;
  }
}
