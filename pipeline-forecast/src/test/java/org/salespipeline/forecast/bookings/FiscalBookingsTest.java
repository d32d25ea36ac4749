package org.salespipeline.forecast.bookings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salespipeline.forecast.bookings.Ledger.USD;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.calendar.FiscalCalendar;
import org.salespipeline.core.calendar.PeriodKind;
import org.salespipeline.core.calendar.RetailPattern;
import org.salespipeline.core.calendar.YearEndRule;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.forecast.ForecastPeriod;

class FiscalBookingsTest {

  private static BookingsForecaster forecaster(List<DealEvent> events, FiscalCalendar calendar) {
    return BookingsForecaster.builder()
        .pipeline(Ledger.pipeline())
        .reportingCurrency(USD)
        .events(events)
        .calendar(calendar)
        .build();
  }

  private static BacktestPlan plan(PeriodLength horizon) {
    return BacktestPlan.builder()
        .weekly(LocalDate.of(2017, 3, 1), LocalDate.of(2017, 6, 30), DayOfWeek.MONDAY)
        .horizon(horizon)
        .build();
  }

  @Test
  void theGregorianCalendarGivesTheFiguresOfNoCalendar() {
    Ledger l = Synthetic.history(7, 500);
    BookingsForecaster plain = Ledger.forecaster(l.events);
    BookingsForecaster gregorian = forecaster(l.events, FiscalCalendar.gregorian());
    ForecastPeriod april = ForecastPeriod.month(YearMonth.of(2017, 4));
    LocalDate t = LocalDate.of(2017, 4, 12);
    assertThat(gregorian.forecast(april, t).toString())
        .isEqualTo(plain.forecast(april, t).toString());
    for (PeriodLength h : PeriodLength.values()) {
      BookingsBacktest a = plain.backtest(plan(h));
      BookingsBacktest b = gregorian.backtest(plan(h));
      assertThat(b.rows()).hasSameSizeAs(a.rows());
      for (int i = 0; i < a.rows().size(); i++) {
        assertThat(b.rows().get(i).period()).isEqualTo(a.rows().get(i).period());
        assertThat(b.rows().get(i).expected()).isEqualTo(a.rows().get(i).expected());
        assertThat(b.rows().get(i).actual()).isEqualTo(a.rows().get(i).actual());
      }
      assertThat(b.wape()).isEqualTo(a.wape());
    }
  }

  @Test
  void aRetailCalendarForecastsItsFiscalMonthsAndQuarters() {
    FiscalCalendar retail =
        FiscalCalendar.retail(
            RetailPattern.FOUR_FOUR_FIVE,
            DayOfWeek.SUNDAY,
            Month.DECEMBER,
            YearEndRule.LAST_IN_MONTH);
    BookingsForecaster f = forecaster(Synthetic.history(7, 500).events, retail);
    for (PeriodLength h : PeriodLength.values()) {
      BookingsBacktest bt = f.backtest(plan(h));
      PeriodKind kind = h == PeriodLength.MONTH ? PeriodKind.MONTH : PeriodKind.QUARTER;
      for (BacktestRow r : bt.rows()) {
        assertThat(r.period()).isEqualTo(ForecastPeriod.of(retail.periodOf(r.origin(), kind)));
        BookingsForecast alone = f.forecast(r.period(), r.origin());
        assertThat(r.expected()).isEqualTo(alone.expected());
      }
      assertThat(bt.wape()).isBetween(0.0, 10.0);
      assertThat(bt.baselines())
          .extracting(BookingsAccuracy::method)
          .containsExactly("persistence", "seasonal-naive", "trailing-mean");
    }
  }
}
