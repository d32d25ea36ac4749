package org.salespipeline.forecast.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.salespipeline.forecast.insight.Histories.day;

import java.time.DayOfWeek;
import java.time.Month;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.ConfigurationException;
import org.salespipeline.core.calendar.FiscalCalendar;
import org.salespipeline.core.calendar.PeriodKind;
import org.salespipeline.core.calendar.RetailPattern;
import org.salespipeline.core.calendar.YearEndRule;
import org.salespipeline.forecast.ForecastPeriod;

class FiscalInsightTest {

  private static PipelineInsight.Builder builder() {
    return PipelineInsight.builder()
        .addPipeline(Histories.pipeline())
        .events(List.of())
        .reportingCurrency("USD")
        .asOf(day(30));
  }

  @Test
  void theDefaultPeriodsAreTheTwelveFiscalMonthsEndingWithTheCurrentOne() {
    FiscalCalendar retail =
        FiscalCalendar.retail(
            RetailPattern.FOUR_FIVE_FOUR,
            DayOfWeek.SUNDAY,
            Month.JANUARY,
            YearEndRule.NEAREST_MONTH_END);
    List<VelocityPoint> trend = builder().calendar(retail).build().analyze().velocity().trend();
    var today = day(30).atZone(java.time.ZoneOffset.UTC).toLocalDate();
    var current = retail.periodOf(today, PeriodKind.MONTH);
    assertThat(trend).hasSize(12);
    assertThat(trend.get(11).period()).isEqualTo(ForecastPeriod.of(current));
    var first = current;
    for (int i = 0; i < 11; i++) {
      first = retail.previous(first);
    }
    assertThat(trend.get(0).period()).isEqualTo(ForecastPeriod.of(first));
    for (int i = 1; i < 12; i++) {
      assertThat(trend.get(i).period().start()).isEqualTo(trend.get(i - 1).period().end());
    }
  }

  @Test
  void theGregorianCalendarGivesTheDefaultPeriods() {
    List<VelocityPoint> plain = builder().build().analyze().velocity().trend();
    List<VelocityPoint> gregorian =
        builder().calendar(FiscalCalendar.gregorian()).build().analyze().velocity().trend();
    assertThat(gregorian)
        .extracting(VelocityPoint::period)
        .isEqualTo(plain.stream().map(VelocityPoint::period).toList())
        .last()
        .isEqualTo(ForecastPeriod.month(YearMonth.from(day(30).atZone(java.time.ZoneOffset.UTC))));
  }

  @Test
  void aSecondCalendarIsRefused() {
    assertThatThrownBy(
            () ->
                builder().calendar(FiscalCalendar.gregorian()).calendar(FiscalCalendar.gregorian()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("calendar");
  }
}
