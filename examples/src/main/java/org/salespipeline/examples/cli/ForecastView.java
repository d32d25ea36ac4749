package org.salespipeline.examples.cli;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.Money;
import org.salespipeline.examples.generator.PipelineGenerator;
import org.salespipeline.examples.insight.PipelineReview;
import org.salespipeline.forecast.Forecaster;
import org.salespipeline.forecast.Period;
import org.salespipeline.forecast.PipelineSnapshot;
import org.salespipeline.forecast.distribution.RevenueDistribution;

/**
 * Prints this month's and this quarter's forecast: won so far plus the open deals expected to close
 * in the period, weighted by stage probability, with P10/P50/P90 from pipeline-forecast's revenue
 * distribution, against the sales team's quota. Stateless.
 */
public final class ForecastView {
  private ForecastView() {}

  /** Prints the forecast of the month and the quarter of the review's day. */
  public static void print(PipelineReview review, PrintStream out) {
    LocalDate today = review.today();
    LocalDate month = today.withDayOfMonth(1);
    LocalDate quarter = PipelineGenerator.quarterStart(today);
    out.println("Forecast (won so far + open deals closing in the period, weighted)");
    line(review, "this month", month, month.plusMonths(1).minusDays(1), out);
    line(review, "this quarter", quarter, quarter.plusMonths(3).minusDays(1), out);
    ReviewView.quota(review, out);
  }

  /**
   * The revenue distribution of the period from pipeline-forecast: won deals as certain, open deals
   * expected to close by the end of the period (overdue ones included) at their stage probability.
   */
  private static RevenueDistribution distribution(
      PipelineReview review, LocalDate from, LocalDate to) {
    PipelineSnapshot.Builder snapshot =
        PipelineSnapshot.builder(review.currency(), review.today()).converter(review.converter());
    for (Deal deal : review.deals()) {
      LocalDate closes;
      if (deal.isOpen()) {
        closes = deal.expectedCloseDate().isBefore(from) ? from : deal.expectedCloseDate();
      } else if (deal.status() == DealStatus.WON) {
        closes = LocalDate.ofInstant(deal.closedAt().orElseThrow(), java.time.ZoneOffset.UTC);
      } else {
        continue;
      }
      snapshot
          .deal(deal.id().toString())
          .amount(deal.amount())
          .probability(review.probability(deal))
          .closeDate(closes)
          .stage(deal.stage())
          .owner(deal.owner().value())
          .category(deal.forecastCategory())
          .status(deal.status())
          .add();
    }
    return Forecaster.of(snapshot.build()).distribution(Period.of(from, to.plusDays(1)));
  }

  private static void line(
      PipelineReview review, String label, LocalDate from, LocalDate to, PrintStream out) {
    Money won = review.wonBetween(from, to);
    RevenueDistribution range = distribution(review, from, to);
    BigDecimal weighted = BigDecimal.ZERO;
    BigDecimal open = BigDecimal.ZERO;
    for (Deal deal : review.deals()) {
      if (deal.isOpen() && !deal.expectedCloseDate().isAfter(to)) {
        BigDecimal value = review.usd(deal);
        open = open.add(value);
        weighted = weighted.add(value.multiply(BigDecimal.valueOf(review.probability(deal))));
      }
    }
    out.printf(
        Locale.ROOT,
        "  %-13s %s to %s: won %s, open %s, expected %s  P10 %s  P50 %s  P90 %s%n",
        label,
        from,
        to,
        Amounts.compact(won),
        Amounts.compact(open, won.currency()),
        Amounts.compact(won.amount().add(weighted), won.currency()),
        Amounts.compact(range.p10() / 100, won.currency()),
        Amounts.compact(range.p50() / 100, won.currency()),
        Amounts.compact(range.p90() / 100, won.currency()));
  }
}
