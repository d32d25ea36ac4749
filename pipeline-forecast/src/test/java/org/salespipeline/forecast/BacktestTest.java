package org.salespipeline.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.CurrencyConverter;
import org.salespipeline.core.ProgressListener;
import org.salespipeline.core.ValidationException;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.forecast.model.ProbabilityModel;

class BacktestTest {
  static final List<Period> MONTHS = Period.months(YearMonth.of(2026, 2), 3);

  static Backtest.Result run(List<DealEvent> events, List<Integer> weeks) {
    return Backtest.run(
        events::stream,
        DealSnapshotsTest.PIPE,
        DealSnapshotsTest.USD,
        CurrencyConverter.sameCurrencyOnly(),
        ZoneOffset.UTC,
        MONTHS,
        weeks,
        origin -> ProbabilityModel.stageDefault(),
        ProgressListener.NONE);
  }

  @Test
  void atThePeriodEndTheForecastIsWhatClosedPlusWhatIsStillOpenAndDue() {
    List<DealEvent> events = DealSnapshotsTest.histories(7, 300);
    Backtest.Result result = run(events, List.of(0, 2, 6));

    assertThat(result.rows()).hasSize(9);
    for (Backtest.Row row : result.rows()) {
      assertThat(row.origin())
          .isBefore(row.period().end().atStartOfDay(ZoneOffset.UTC).toInstant());
      if (row.weeksBefore() == 0) {
        Forecaster atEnd =
            Forecaster.of(
                DealSnapshots.fromHistory(
                    events.stream(),
                    DealSnapshotsTest.PIPE,
                    DealSnapshotsTest.USD,
                    row.origin(),
                    ZoneOffset.UTC,
                    CurrencyConverter.sameCurrencyOnly()));
        assertThat(atEnd.closed(row.period())).isEqualTo(row.actual());
        assertThat(row.forecast()).isEqualTo(row.actual() + atEnd.weighted(row.period()));
      }
    }
    assertThat(result.byWeeksBefore()).containsOnlyKeys(0, 2, 6);
    assertThat(result.model()).isEqualTo(ProbabilityModel.stageDefault().name());
  }

  @Test
  void eventsAfterTheLastPeriodChangeNothing() {
    List<DealEvent> events = DealSnapshotsTest.histories(11, 200);
    Instant lastEnd = MONTHS.get(2).end().atStartOfDay(ZoneOffset.UTC).toInstant();
    List<DealEvent> known = new ArrayList<>();
    List<DealEvent> truncatedPerDeal = new ArrayList<>();
    for (DealEvent e : events) {
      known.add(e);
      if (!e.at().isAfter(lastEnd)) {
        truncatedPerDeal.add(e);
      }
    }
    assertThat(run(truncatedPerDeal, List.of(1, 4)).rows())
        .isEqualTo(run(known, List.of(1, 4)).rows());
  }

  @Test
  void badLeadTimesAndEmptyInputAreRefused() {
    List<DealEvent> none = List.of();
    assertThatThrownBy(() -> run(none, List.of()))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.concerns("weeksBefore")).isTrue());
    assertThatThrownBy(() -> run(none, List.of(-1)))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.concerns("weeksBefore")).isTrue());
    Backtest.Result empty = run(none, List.of(1));
    assertThat(empty.rows()).allSatisfy(r -> assertThat(r.forecast()).isZero());
    assertThat(empty.overall().wape()).isEmpty();
  }
}
