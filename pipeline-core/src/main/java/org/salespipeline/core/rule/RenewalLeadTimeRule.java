package org.salespipeline.core.rule;

import java.time.LocalDate;
import java.util.List;
import org.salespipeline.core.command.RetentionCommand;

/**
 * A renewal comes due only when the account has a renewal date and today is within the policy's
 * lead time before it ({@link org.salespipeline.core.RetentionPolicy#renewalLeadTime()}); renewal
 * terms may not set a renewal date before today.
 */
public final class RenewalLeadTimeRule implements RetentionRule {

  @Override
  public List<RuleViolation> check(RetentionMove move) {
    if (move.command() instanceof RetentionCommand.MarkRenewalDue) {
      if (move.current().renewalDate().isEmpty()) {
        return List.of(
            RuleViolation.of(key(), "renewalDate", "is not set; set the renewal terms first"));
      }
      LocalDate renewal = move.current().renewalDate().get();
      LocalDate opens = renewal.minus(move.renewalLeadTime());
      if (move.today().isBefore(opens)) {
        return List.of(
            RuleViolation.of(
                key(),
                "renewalDate",
                renewal
                    + " is more than "
                    + move.renewalLeadTime()
                    + " away; the renewal comes due from "
                    + opens));
      }
    } else if (move.command() instanceof RetentionCommand.SetRenewalTerms terms
        && terms.renewalDate().isBefore(move.today())) {
      return List.of(
          RuleViolation.of(
              key(), "renewalDate", terms.renewalDate() + " is before today " + move.today()));
    }
    return List.of();
  }

  @Override
  public String key() {
    return "renewal-lead-time";
  }
}
