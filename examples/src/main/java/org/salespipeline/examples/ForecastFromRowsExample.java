package org.salespipeline.examples;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.salespipeline.core.DealStatus;
import org.salespipeline.forecast.ForecastPeriod;
import org.salespipeline.forecast.Forecaster;
import org.salespipeline.forecast.PipelineSnapshot;
import org.salespipeline.forecast.QuotaReport;
import org.salespipeline.forecast.QuotaTarget;
import org.salespipeline.forecast.TeamHierarchy;
import org.salespipeline.forecast.distribution.RevenueDistribution;

/**
 * The forecast API over the host's own rows: no engine, no store. A host that keeps deals in its
 * own tables feeds plain columns (here arrays) to {@link PipelineSnapshot#builder} and asks a
 * {@link Forecaster} for the weighted pipeline, P10/P50/P90 and quota attainment.
 */
public final class ForecastFromRowsExample {
  private ForecastFromRowsExample() {}

  /**
   * What the example computes for the second quarter of 2026.
   *
   * @param weighted closed plus weighted open pipeline closing in the quarter, in cents
   * @param range the revenue distribution of the quarter
   * @param ann ann's standing against her quota
   */
  public record Result(double weighted, RevenueDistribution range, QuotaReport ann) {}

  /** Builds the snapshot from arrays and forecasts the quarter. */
  public static Result run() {
    // The host's rows: id, amount in cents, win probability, close date, owner, stage, status.
    String[] ids = {"D-1", "D-2", "D-3", "D-4", "D-5"};
    long[] cents = {1_200_000, 4_500_000, 800_000, 2_000_000, 950_000};
    double[] probability = {0.6, 0.3, 0.9, 0.1, 1.0};
    LocalDate[] close = {
      LocalDate.of(2026, 5, 20),
      LocalDate.of(2026, 6, 30),
      LocalDate.of(2026, 4, 28),
      LocalDate.of(2026, 9, 15),
      LocalDate.of(2026, 4, 10)
    };
    String[] owner = {"ann", "ann", "bob", "bob", "ann"};
    String[] stage = {"proposal", "qualification", "negotiation", "prospecting", "closed_won"};
    DealStatus[] status = {
      DealStatus.OPEN, DealStatus.OPEN, DealStatus.OPEN, DealStatus.OPEN, DealStatus.WON
    };

    PipelineSnapshot.Builder rows =
        PipelineSnapshot.builder(Currency.getInstance("USD"), LocalDate.of(2026, 4, 15));
    for (int i = 0; i < ids.length; i++) {
      rows.deal(ids[i])
          .amountMinor(cents[i])
          .probability(probability[i])
          .closeDate(close[i])
          .owner(owner[i])
          .stage(stage[i])
          .status(status[i])
          .add();
    }
    Forecaster forecaster = Forecaster.of(rows.build());
    ForecastPeriod q2 = ForecastPeriod.quarter(2026, 2);
    QuotaReport ann =
        forecaster
            .quotaReports(q2, TeamHierarchy.none(), List.of(new QuotaTarget("ann", q2, 5_000_000)))
            .stream()
            .filter(r -> r.subject().equals("ann"))
            .findFirst()
            .orElseThrow();
    return new Result(
        forecaster.closed(q2) + forecaster.weighted(q2), forecaster.distribution(q2), ann);
  }

  /** Prints the forecast. */
  public static void main(String[] args) {
    Result r = run();
    System.out.printf(
        "Q2 2026: expected %.2f USD, P10 %.2f, P50 %.2f, P90 %.2f; ann at %.0f%% of quota%n",
        r.weighted() / 100,
        r.range().p10() / 100,
        r.range().p50() / 100,
        r.range().p90() / 100,
        100 * r.ann().attainment().orElse(0));
  }
}
