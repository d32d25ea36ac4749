package org.salespipeline.forecast;

import java.util.OptionalDouble;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.ValidationException;

/**
 * Sales velocity: revenue per day the pipeline produces, {@code opportunities x average deal size x
 * win rate / cycle length in days}. Immutable.
 *
 * @param opportunities open opportunities, not negative
 * @param averageDealMinor average deal size in minor units, not negative
 * @param winRate in [0, 1]
 * @param cycleDays average sales cycle in days, positive
 */
public record SalesVelocity(
    long opportunities, double averageDealMinor, double winRate, double cycleDays) {

  /**
   * @throws ValidationException if a value is NaN or out of range
   */
  public SalesVelocity {
    if (opportunities < 0 || !(averageDealMinor >= 0) || Double.isInfinite(averageDealMinor)) {
      throw new ValidationException(
          FieldProblem.of("averageDeal", averageDealMinor, "must be finite and not negative"));
    }
    if (!(winRate >= 0 && winRate <= 1)) {
      throw new ValidationException(FieldProblem.of("winRate", winRate, "must be in [0, 1]"));
    }
    if (!(cycleDays > 0) || Double.isInfinite(cycleDays)) {
      throw new ValidationException(FieldProblem.of("cycleDays", cycleDays, "must be positive"));
    }
  }

  /**
   * Velocity of a snapshot's open deals: their count and mean amount, the given win rate (for
   * example won / (won + lost) of a past period) and cycle length.
   *
   * @return empty for a snapshot without open deals
   */
  public static java.util.Optional<SalesVelocity> of(
      PipelineSnapshot snapshot, double winRate, double cycleDays) {
    int n = snapshot.openCount();
    if (n == 0) {
      return java.util.Optional.empty();
    }
    long sum = 0;
    for (int i = 0; i < n; i++) {
      sum += snapshot.amount(i);
    }
    return java.util.Optional.of(new SalesVelocity(n, (double) sum / n, winRate, cycleDays));
  }

  /** Revenue per day in minor units. */
  public double perDay() {
    return opportunities * averageDealMinor * winRate / cycleDays;
  }

  /** Revenue over a number of days in minor units; empty for a negative number of days. */
  public OptionalDouble over(int days) {
    return days < 0 ? OptionalDouble.empty() : OptionalDouble.of(perDay() * days);
  }
}
