package org.salespipeline.forecast.insight;

/**
 * Sales velocity: {@code opportunities x averageDealSize x winRate / cycleDays}, the value the
 * pipeline turns into revenue per day. The cycle is floored at one day; velocity is 0 without a won
 * deal.
 *
 * @param opportunities open deals (trend points: deals created in the period)
 * @param averageDealSize mean won amount, minor units
 * @param winRate won / (won + lost) in [0, 1]
 * @param cycleDays mean days to win (from creation, or from stage entry for a stage)
 * @param perDay the velocity, minor units per day
 */
public record Velocity(
    long opportunities, double averageDealSize, double winRate, double cycleDays, double perDay) {

  static Velocity of(long opportunities, double size, double winRate, double cycleDays) {
    double perDay =
        size == 0 || winRate == 0 ? 0 : opportunities * size * winRate / Math.max(1, cycleDays);
    return new Velocity(opportunities, size, winRate, cycleDays, perDay);
  }
}
