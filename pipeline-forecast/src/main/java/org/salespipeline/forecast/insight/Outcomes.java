package org.salespipeline.forecast.insight;

/**
 * How deals ended, for one slice. Amounts in minor units of the reporting currency; averages and
 * medians are 0 when {@link #won()} is 0.
 *
 * @param created deals created in the slice (cohorts: created in the period)
 * @param won deals closed won
 * @param lost deals closed lost
 * @param disqualified deals disqualified, kept out of the win rate
 * @param wonValue the won deals' amounts summed
 * @param averageDealSize mean amount of a won deal
 * @param medianDealSize median amount of a won deal
 * @param averageCycleDays mean days from creation to won
 * @param medianCycleDays median days from creation to won
 */
public record Outcomes(
    long created,
    long won,
    long lost,
    long disqualified,
    long wonValue,
    double averageDealSize,
    double medianDealSize,
    double averageCycleDays,
    double medianCycleDays) {

  /** {@code won / (won + lost)} in [0, 1], disqualified deals excluded; 0 with no close. */
  public double winRate() {
    long closed = won + lost;
    return closed == 0 ? 0 : (double) won / closed;
  }

  /** {@code won / (won + lost + disqualified)} in [0, 1]; 0 with no close. */
  public double winRateCountingDisqualified() {
    long closed = won + lost + disqualified;
    return closed == 0 ? 0 : (double) won / closed;
  }
}
