package org.salespipeline.core.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.salespipeline.core.Money;
import org.salespipeline.core.command.RetentionCommand;

/**
 * The values a retention command carries make sense: a health score within [0, 100], a term of at
 * least one month, a partial churn losing more than nothing and less than the whole recurring value
 * (in its currency), a positive recurring value for terms and reactivations, in the account's
 * currency when it has one.
 */
public final class RetentionValuesRule implements RetentionRule {

  @Override
  public List<RuleViolation> check(RetentionMove move) {
    List<RuleViolation> out = new ArrayList<>(1);
    Optional<Money> recurring = move.current().recurringValue();
    RetentionCommand command = move.command();
    if (command instanceof RetentionCommand.RecordHealthCheck check
        && (check.score() < 0 || check.score() > 100)) {
      out.add(RuleViolation.of(key(), "score", check.score() + " is not within [0, 100]"));
    } else if (command instanceof RetentionCommand.SetRenewalTerms terms) {
      if (terms.termMonths() < 1) {
        out.add(RuleViolation.of(key(), "termMonths", terms.termMonths() + " is less than 1"));
      }
      terms.recurringValue().ifPresent(v -> positive(out, "recurringValue", v, recurring));
    } else if (command instanceof RetentionCommand.Reactivate reactivate) {
      positive(out, "recurringValue", reactivate.recurringValue(), recurring);
    } else if (command instanceof RetentionCommand.Churn churn && !churn.full()) {
      Money lost = churn.revenueLost().get();
      if (recurring.isEmpty()) {
        out.add(RuleViolation.of(key(), "revenueLost", "the account has no recurring value"));
      } else if (!lost.currency().equals(recurring.get().currency())) {
        out.add(
            RuleViolation.of(
                key(),
                "revenueLost",
                lost + " is not in the account's currency " + recurring.get()));
      } else if (lost.amount().signum() <= 0 || lost.compareTo(recurring.get()) >= 0) {
        out.add(
            RuleViolation.of(
                key(),
                "revenueLost",
                lost
                    + " must be more than zero and less than the recurring value "
                    + recurring.get()
                    + " (churn fully instead)"));
      }
    }
    return out;
  }

  private void positive(
      List<RuleViolation> out, String field, Money value, Optional<Money> recurring) {
    if (value.amount().signum() <= 0) {
      out.add(RuleViolation.of(key(), field, value + " must be more than zero"));
    } else if (recurring.isPresent() && !recurring.get().currency().equals(value.currency())) {
      out.add(
          RuleViolation.of(
              key(), field, value + " is not in the account's currency " + recurring.get()));
    }
  }

  @Override
  public String key() {
    return "retention-values";
  }
}
