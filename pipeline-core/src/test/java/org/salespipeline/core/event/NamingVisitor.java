package org.salespipeline.core.event;

/** Names the kind it visits (and a stage change's target), to check the dispatch. */
final class NamingVisitor implements Change.Visitor<String> {
  @Override
  public String visit(Change.Created change) {
    return "Created";
  }

  @Override
  public String visit(Change.StageChanged change) {
    return "StageChanged" + ":" + change.to();
  }

  @Override
  public String visit(Change.AmountChanged change) {
    return "AmountChanged";
  }

  @Override
  public String visit(Change.CloseDateChanged change) {
    return "CloseDateChanged";
  }

  @Override
  public String visit(Change.OwnerChanged change) {
    return "OwnerChanged";
  }

  @Override
  public String visit(Change.CategoryChanged change) {
    return "CategoryChanged";
  }

  @Override
  public String visit(Change.ProbabilityOverrideChanged change) {
    return "ProbabilityOverrideChanged";
  }

  @Override
  public String visit(Change.DetailsChanged change) {
    return "DetailsChanged";
  }

  @Override
  public String visit(Change.QualificationRecorded change) {
    return "QualificationRecorded";
  }

  @Override
  public String visit(Change.ActivityLogged change) {
    return "ActivityLogged";
  }

  @Override
  public String visit(Change.Won change) {
    return "Won";
  }

  @Override
  public String visit(Change.Lost change) {
    return "Lost";
  }

  @Override
  public String visit(Change.Disqualified change) {
    return "Disqualified";
  }

  @Override
  public String visit(Change.Reopened change) {
    return "Reopened";
  }

  @Override
  public String visit(Change.RuleOverridden change) {
    return "RuleOverridden";
  }

  @Override
  public String visit(Change.RetentionChanged change) {
    return "RetentionChanged";
  }

  @Override
  public String visit(Change.RecurringRevenueChanged change) {
    return "RecurringRevenueChanged";
  }

  @Override
  public String visit(Change.HealthChecked change) {
    return "HealthChecked";
  }

  @Override
  public String visit(Change.RenewalTermsSet change) {
    return "RenewalTermsSet";
  }
}
