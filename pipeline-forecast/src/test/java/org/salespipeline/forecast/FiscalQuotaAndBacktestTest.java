package org.salespipeline.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.CurrencyConverter;
import org.salespipeline.core.ProgressListener;
import org.salespipeline.core.ValidationException;
import org.salespipeline.core.calendar.FiscalCalendar;
import org.salespipeline.core.calendar.PeriodKind;
import org.salespipeline.core.calendar.RetailPattern;
import org.salespipeline.core.calendar.YearEndRule;
import org.salespipeline.forecast.model.ProbabilityModel;

/** Quota reports and backtests over fiscal periods (issue 18). */
class FiscalQuotaAndBacktestTest {
  /** 4-4-5 weeks from Sunday; FY2025 ends on the last Saturday of December 2025, 27 December. */
  static final FiscalCalendar RETAIL =
      FiscalCalendar.retail(
          RetailPattern.FOUR_FOUR_FIVE,
          DayOfWeek.SUNDAY,
          Month.DECEMBER,
          YearEndRule.LAST_IN_MONTH);

  @Test
  void quotaReportsOfARetailQuarterUseTheFiscalQuartersBoundaries() {
    ForecastPeriod fiscalQ1 =
        ForecastPeriod.of(LocalDate.of(2025, 12, 28), LocalDate.of(2026, 3, 29));
    Forecaster f = Forecaster.of(ForecasterTest.pipeline());

    List<QuotaReport> reports =
        f.quotaReports(
            RETAIL,
            PeriodKind.QUARTER,
            LocalDate.of(2026, 1, 20),
            TeamHierarchy.none(),
            List.of(
                new QuotaTarget("ann", fiscalQ1, 4000),
                // a calendar quarter's quota is another period's: ignored
                new QuotaTarget("bob", ForecastPeriod.quarter(2026, 1), 4000)));

    assertThat(reports).allSatisfy(r -> assertThat(r.period()).isEqualTo(fiscalQ1));
    assertThat(fiscalQ1.days()).isEqualTo(91);
    QuotaReport ann = reports.stream().filter(r -> r.subject().equals("ann")).findFirst().get();
    assertThat(ann.quota()).isEqualTo(4000);
    QuotaReport bob = reports.stream().filter(r -> r.subject().equals("bob")).findFirst().get();
    assertThat(bob.quota()).isZero();
    assertThat(reports)
        .isEqualTo(
            f.quotaReports(
                fiscalQ1, TeamHierarchy.none(), List.of(new QuotaTarget("ann", fiscalQ1, 4000))));
  }

  @Test
  void quotaReportsRefuseAMissingCalendar() {
    Forecaster f = Forecaster.of(ForecasterTest.pipeline());
    assertThatThrownBy(
            () ->
                f.quotaReports(
                    null,
                    PeriodKind.QUARTER,
                    LocalDate.of(2026, 1, 20),
                    TeamHierarchy.none(),
                    List.of()))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.concerns("calendar")).isTrue());
  }

  @Test
  void backtestOverRetailMonthsForecastsEachFiscalMonth() {
    List<ForecastPeriod> months =
        List.of(
            ForecastPeriod.of(LocalDate.of(2026, 1, 25), LocalDate.of(2026, 2, 22)),
            ForecastPeriod.of(LocalDate.of(2026, 2, 22), LocalDate.of(2026, 3, 29)),
            ForecastPeriod.of(LocalDate.of(2026, 3, 29), LocalDate.of(2026, 4, 26)));

    ProbabilityBacktest.Result fiscal =
        ProbabilityBacktest.run(
            DealSnapshotsTest.histories(7, 100)::stream,
            DealSnapshotsTest.PIPE,
            DealSnapshotsTest.USD,
            CurrencyConverter.sameCurrencyOnly(),
            ZoneOffset.UTC,
            RETAIL,
            PeriodKind.MONTH,
            LocalDate.of(2026, 2, 1),
            3,
            ProbabilityBacktest.OriginRule.periodStart(),
            origin -> ProbabilityModel.stageDefault(),
            ProgressListener.NONE);

    assertThat(fiscal.byPeriod().keySet()).containsExactlyElementsOf(months);
    assertThat(fiscal.rows()).extracting(ProbabilityBacktest.Row::period).containsAll(months);
    assertThat(
            ProbabilityBacktest.run(
                    DealSnapshotsTest.histories(7, 100)::stream,
                    DealSnapshotsTest.PIPE,
                    DealSnapshotsTest.USD,
                    CurrencyConverter.sameCurrencyOnly(),
                    ZoneOffset.UTC,
                    months,
                    ProbabilityBacktest.OriginRule.periodStart(),
                    origin -> ProbabilityModel.stageDefault(),
                    ProgressListener.NONE)
                .rows())
        .isEqualTo(fiscal.rows());
  }

  @Test
  void backtestRefusesAMissingCalendarOrNoPeriods() {
    assertThatThrownBy(() -> fiscalRun(null, 3))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.concerns("calendar")).isTrue());
    assertThatThrownBy(() -> fiscalRun(RETAIL, 0))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.concerns("count")).isTrue());
  }

  private static ProbabilityBacktest.Result fiscalRun(FiscalCalendar calendar, int count) {
    return ProbabilityBacktest.run(
        DealSnapshotsTest.histories(7, 10)::stream,
        DealSnapshotsTest.PIPE,
        DealSnapshotsTest.USD,
        CurrencyConverter.sameCurrencyOnly(),
        ZoneOffset.UTC,
        calendar,
        PeriodKind.MONTH,
        LocalDate.of(2026, 2, 1),
        count,
        ProbabilityBacktest.OriginRule.periodStart(),
        origin -> ProbabilityModel.stageDefault(),
        ProgressListener.NONE);
  }
}
