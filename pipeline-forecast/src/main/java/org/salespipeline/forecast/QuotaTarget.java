package org.salespipeline.forecast;

import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.ValidationException;

/**
 * A quota of an owner or a team for a period, in minor units of the reporting currency.
 *
 * @param subject an owner name or a team name of the {@link TeamHierarchy}, not null
 * @param period the period, not null
 * @param amountMinor the quota, not negative; zero means "no quota" and yields no attainment
 */
public record QuotaTarget(String subject, ForecastPeriod period, long amountMinor) {

  /**
   * @throws ValidationException if the subject or period is null or the amount negative
   */
  public QuotaTarget {
    if (subject == null || period == null) {
      throw new ValidationException(
          FieldProblem.of(subject == null ? "subject" : "period", null, "must not be null"));
    }
    if (amountMinor < 0) {
      throw new ValidationException(FieldProblem.of("amount", amountMinor, "must not be negative"));
    }
  }
}
