package org.salespipeline.json;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.salespipeline.core.Board;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Money;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.UserId;
import org.salespipeline.core.command.CloseDeal;
import org.salespipeline.core.command.OpenDeal;
import org.salespipeline.core.store.memory.InMemoryPipelineStore;
import org.salespipeline.forecast.DealSnapshots;
import org.salespipeline.forecast.Dimension;
import org.salespipeline.forecast.ForecastPeriod;
import org.salespipeline.forecast.ForecastTable;
import org.salespipeline.forecast.Forecaster;
import org.salespipeline.forecast.bookings.BookingsForecast;
import org.salespipeline.forecast.bookings.BookingsForecaster;
import org.salespipeline.forecast.distribution.RevenueDistribution;
import org.salespipeline.forecast.insight.InsightReport;
import org.salespipeline.forecast.insight.PipelineInsight;

/** Real results computed from a small in-memory pipeline, for the written-only types. */
record SampleResults(
    Board board,
    InsightReport insight,
    BookingsForecast bookings,
    ForecastTable table,
    RevenueDistribution distribution) {

  static SampleResults compute() {
    SalesPipeline pipeline =
        SalesPipeline.builder()
            .store(new InMemoryPipelineStore())
            .clock(JsonContract.CLOCK)
            .build();
    UserId alice = UserId.of("alice");
    for (int i = 0; i < 4; i++) {
      Deal deal =
          pipeline
              .openDeal(
                  OpenDeal.builder()
                      .name("Deal " + i)
                      .owner(alice)
                      .actor(alice)
                      .amount(Money.of(10_000 + 1_000 * i, "USD"))
                      .expectedCloseDate(LocalDate.parse("2026-03-20"))
                      .build())
              .deal();
      pipeline.move(deal.id(), "qualification", alice);
      if (i == 0) {
        pipeline.lose(CloseDeal.builder().deal(deal.id()).actor(alice).reason("price").build());
      }
    }
    ForecastPeriod march = ForecastPeriod.month(YearMonth.of(2026, 3));
    Forecaster forecaster =
        Forecaster.of(
            DealSnapshots.fromStore(
                pipeline.store(),
                pipeline.defaultPipeline(),
                pipeline.reportingCurrency(),
                Instant.parse("2026-03-02T09:00:00Z"),
                ZoneOffset.UTC,
                pipeline.currencyConverter()));
    InsightReport insight =
        PipelineInsight.builder()
            .from(pipeline.store())
            .reportingCurrency(pipeline.reportingCurrency())
            .clock(JsonContract.CLOCK)
            .build()
            .analyze();
    BookingsForecast bookings =
        BookingsForecaster.builder()
            .pipeline(pipeline.defaultPipeline())
            .reportingCurrency(pipeline.reportingCurrency())
            .converter(pipeline.currencyConverter())
            .from(pipeline.store())
            .build()
            .forecast(march, LocalDate.parse("2026-03-02"));
    return new SampleResults(
        pipeline.board(),
        insight,
        bookings,
        forecaster.weightedBy(List.of(march), Dimension.STAGE),
        forecaster.distribution(march));
  }
}
