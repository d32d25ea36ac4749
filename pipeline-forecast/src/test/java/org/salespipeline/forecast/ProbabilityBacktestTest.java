package org.salespipeline.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.CurrencyConverter;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.ProgressListener;
import org.salespipeline.core.ValidationException;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.forecast.model.MarkovChainModel;
import org.salespipeline.forecast.model.ProbabilityModel;

class ProbabilityBacktestTest {
  static final List<ForecastPeriod> MONTHS = ForecastPeriod.months(YearMonth.of(2026, 2), 3);

  static ProbabilityBacktest.Result run(List<DealEvent> events, List<Integer> weeks) {
    return ProbabilityBacktest.run(
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
    ProbabilityBacktest.Result result = run(events, List.of(0, 2, 6));

    assertThat(result.rows()).hasSize(9);
    for (ProbabilityBacktest.Row row : result.rows()) {
      assertThat(row.origin())
          .isBefore(row.period().end().atStartOfDay(ZoneOffset.UTC).toInstant());
      if (row.lead().equals(ProbabilityBacktest.weeksBeforeEnd(0))) {
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
    assertThat(result.byLead())
        .containsOnlyKeys(
            ProbabilityBacktest.weeksBeforeEnd(0),
            ProbabilityBacktest.weeksBeforeEnd(2),
            ProbabilityBacktest.weeksBeforeEnd(6));
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
    ProbabilityBacktest.Result empty = run(none, List.of(1));
    assertThat(empty.rows()).allSatisfy(r -> assertThat(r.forecast()).isZero());
    assertThat(empty.overall().wape()).isEmpty();
  }

  static PipelineSnapshot at(List<DealEvent> events, Instant asOf) {
    return DealSnapshots.fromHistory(
        events.stream(),
        DealSnapshotsTest.PIPE,
        DealSnapshotsTest.USD,
        asOf,
        ZoneOffset.UTC,
        CurrencyConverter.sameCurrencyOnly());
  }

  @Test
  void calibrationScoresEveryDealOpenAtAnOriginByItsInPeriodProbability() {
    List<DealEvent> events = DealSnapshotsTest.histories(5, 300);
    ProbabilityBacktest.Result result = run(events, List.of(1, 5));

    double squares = 0;
    int pairs = 0;
    int wins = 0;
    Map<String, Integer> pairsByLead = new HashMap<>();
    for (ProbabilityBacktest.Row row : result.rows()) {
      ForecastPeriod p = row.period();
      PipelineSnapshot end =
          at(events, p.end().atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1));
      Set<String> won = new HashSet<>();
      for (int i = end.openCount(); i < end.size(); i++) {
        if (end.status(i) == DealStatus.WON && p.contains(LocalDate.ofEpochDay(end.closeDay(i)))) {
          won.add(end.id(i));
        }
      }
      PipelineSnapshot then = at(events, row.origin());
      Forecaster f = Forecaster.of(then);
      double weighted = 0;
      for (int i = 0; i < then.openCount(); i++) {
        boolean due = p.contains(LocalDate.ofEpochDay(then.closeDay(i)));
        double q = due ? f.probability(i) : 0;
        int o = won.contains(then.id(i)) ? 1 : 0;
        squares += (q - o) * (q - o);
        wins += o;
        weighted += q * then.amount(i);
      }
      pairs += then.openCount();
      pairsByLead.merge(row.lead(), then.openCount(), Integer::sum);
      // the pairs are exactly what the forecast sums
      assertThat(row.forecast() - f.closed(p)).isCloseTo(weighted, within(1e-6 * (1 + weighted)));
    }
    Calibration c = result.calibration();
    assertThat(pairs).isPositive();
    assertThat(wins).isPositive();
    assertThat(c.count()).isEqualTo(pairs);
    assertThat(c.brier()).isCloseTo(squares / pairs, within(1e-12));
    double hits = c.table().stream().mapToDouble(b -> b.count() * b.observedRate()).sum();
    assertThat(hits).isCloseTo(wins, within(1e-6));
    assertThat(result.calibrationByLead())
        .containsOnlyKeys(
            ProbabilityBacktest.weeksBeforeEnd(1), ProbabilityBacktest.weeksBeforeEnd(5));
    result
        .calibrationByLead()
        .forEach((w, cw) -> assertThat(cw.count()).isEqualTo(pairsByLead.get(w)));
  }

  @Test
  void accuracyIsGivenPerPeriodAndPerLeadTime() {
    List<DealEvent> events = DealSnapshotsTest.histories(3, 300);
    ProbabilityBacktest.Result result = run(events, List.of(0, 3));

    assertThat(result.byPeriod()).containsOnlyKeys(MONTHS.toArray(new ForecastPeriod[0]));
    for (ForecastPeriod p : MONTHS) {
      List<ProbabilityBacktest.Row> rows =
          result.rows().stream().filter(r -> r.period().equals(p)).toList();
      ForecastAccuracy expected =
          ForecastAccuracy.of(
              rows.stream().mapToDouble(ProbabilityBacktest.Row::forecast).toArray(),
              rows.stream().mapToDouble(ProbabilityBacktest.Row::actual).toArray());
      assertThat(result.byPeriod().get(p)).isEqualTo(expected);
      assertThat(result.byPeriod().get(p).periods()).isEqualTo(2);
    }
    assertThat(result.byLead().get(ProbabilityBacktest.weeksBeforeEnd(3)).periods()).isEqualTo(3);
    assertThat(result.overall().periods()).isEqualTo(6);
  }

  @Test
  void originsBeforeAnyHistorySeeAnEmptyPipelineAndMeasuresWithoutActualsAreEmpty() {
    // the histories start on 2026-01-01: every origin of 2025 is before them
    List<ForecastPeriod> before = ForecastPeriod.months(YearMonth.of(2025, 6), 2);
    ProbabilityBacktest.Result result =
        ProbabilityBacktest.run(
            DealSnapshotsTest.histories(7, 100)::stream,
            DealSnapshotsTest.PIPE,
            DealSnapshotsTest.USD,
            CurrencyConverter.sameCurrencyOnly(),
            ZoneOffset.UTC,
            before,
            List.of(0, 4),
            origin -> ProbabilityModel.stageDefault(),
            ProgressListener.NONE);

    assertThat(result.rows())
        .hasSize(4)
        .allSatisfy(
            r -> {
              assertThat(r.forecast()).isZero();
              assertThat(r.actual()).isZero();
            });
    assertThat(result.byPeriod().values())
        .allSatisfy(
            a -> {
              assertThat(a.wape()).isEmpty();
              assertThat(a.bias()).isEmpty();
              assertThat(a.mape()).isEmpty();
            });
    assertThat(result.calibration().count()).isZero();
    assertThat(result.calibration().brier()).isZero();
    assertThat(result.calibration().table()).isEmpty();
    assertThat(new ProbabilityBacktest.Comparison(List.of(result)).table())
        .contains("| n/a | n/a | n/a |");
  }

  @Test
  void compareRunsEveryModelOverTheSameOriginsAndTabulatesThem() {
    List<DealEvent> events = DealSnapshotsTest.histories(9, 300);
    Instant lastEnd = MONTHS.get(2).end().atStartOfDay(ZoneOffset.UTC).toInstant();
    List<Long> progress = new ArrayList<>();
    ProbabilityBacktest.Comparison comparison =
        ProbabilityBacktest.compare(
            events::stream,
            DealSnapshotsTest.PIPE,
            DealSnapshotsTest.USD,
            CurrencyConverter.sameCurrencyOnly(),
            ZoneOffset.UTC,
            MONTHS,
            List.of(0, 2),
            List.of(
                origin -> ProbabilityModel.stageDefault(),
                origin ->
                    MarkovChainModel.fit(
                        DealSnapshots.transitions(
                            events.stream(), DealSnapshotsTest.PIPE, origin))),
            (done, total) -> progress.add(done));

    assertThat(comparison.results())
        .extracting(ProbabilityBacktest.Result::model)
        .containsExactly(
            ProbabilityModel.stageDefault().name(),
            MarkovChainModel.fit(
                    DealSnapshots.transitions(events.stream(), DealSnapshotsTest.PIPE, lastEnd))
                .name());
    ProbabilityBacktest.Result first = comparison.results().get(0);
    ProbabilityBacktest.Result second = comparison.results().get(1);
    assertThat(first).isEqualTo(run(events, List.of(0, 2)));
    assertThat(second.rows())
        .extracting(ProbabilityBacktest.Row::actual)
        .isEqualTo(first.rows().stream().map(ProbabilityBacktest.Row::actual).toList());
    assertThat(second.calibration().count()).isEqualTo(first.calibration().count());
    assertThat(progress).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
    String table = comparison.table();
    assertThat(table.lines()).hasSize(4);
    assertThat(table).contains("| " + first.model() + " |", "| " + second.model() + " |");
  }

  @Test
  void duplicateLeadTimesEmptyPeriodsAndNoModelsAreRefused() {
    List<DealEvent> none = List.of();
    assertThatThrownBy(() -> run(none, List.of(2, 2)))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.concerns("weeksBefore")).isTrue());
    assertThatThrownBy(
            () ->
                ProbabilityBacktest.run(
                    none::stream,
                    DealSnapshotsTest.PIPE,
                    DealSnapshotsTest.USD,
                    CurrencyConverter.sameCurrencyOnly(),
                    ZoneOffset.UTC,
                    List.of(),
                    List.of(1),
                    origin -> ProbabilityModel.stageDefault(),
                    ProgressListener.NONE))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.concerns("periods")).isTrue());
    assertThatThrownBy(
            () ->
                ProbabilityBacktest.compare(
                    none::stream,
                    DealSnapshotsTest.PIPE,
                    DealSnapshotsTest.USD,
                    CurrencyConverter.sameCurrencyOnly(),
                    ZoneOffset.UTC,
                    MONTHS,
                    List.of(1),
                    List.of(),
                    ProgressListener.NONE))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.concerns("fits")).isTrue());
  }

  @Test
  void originsCanBeAtAnyDateSuchAsTheFirstOfEachMonth() {
    // issue 13, defect 6: origins were whole weeks before the period's end only; the 1st of a
    // month is 28 to 31 days before it
    List<DealEvent> events = DealSnapshotsTest.histories(11, 300);
    ProbabilityBacktest.Result result =
        ProbabilityBacktest.run(
            events::stream,
            DealSnapshotsTest.PIPE,
            DealSnapshotsTest.USD,
            CurrencyConverter.sameCurrencyOnly(),
            ZoneOffset.UTC,
            MONTHS,
            ProbabilityBacktest.OriginRule.periodStart(),
            origin -> ProbabilityModel.stageDefault(),
            ProgressListener.NONE);
    assertThat(result.rows()).hasSize(3);
    for (ProbabilityBacktest.Row row : result.rows()) {
      ForecastPeriod p = row.period();
      // as known at the start of the 1st: the last instant of the month before
      assertThat(row.origin())
          .isEqualTo(p.start().atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1));
      assertThat(row.lead()).isEqualTo(ProbabilityBacktest.PERIOD_START);
      // nothing of the period is won before it starts
      assertThat(row.wonSoFar()).isZero();
      Forecaster then = Forecaster.of(at(events, row.origin()));
      assertThat(row.forecast()).isCloseTo(then.weighted(p), within(1e-9));
    }
    assertThat(result.byLead()).containsOnlyKeys(ProbabilityBacktest.PERIOD_START);
  }

  @Test
  void aRuleCanPlaceSeveralOriginsWithItsOwnLeads() {
    // every Monday of the period, led by its position in the period
    ProbabilityBacktest.OriginRule mondays =
        period -> {
          List<ProbabilityBacktest.Origin> out = new ArrayList<>();
          LocalDate d = period.start();
          while (d.getDayOfWeek() != java.time.DayOfWeek.MONDAY) {
            d = d.plusDays(1);
          }
          for (int k = 1; d.isBefore(period.end()); d = d.plusWeeks(1), k++) {
            out.add(new ProbabilityBacktest.Origin(d, "Monday " + k));
          }
          return out;
        };
    List<DealEvent> events = DealSnapshotsTest.histories(4, 200);
    List<Long> progress = new ArrayList<>();
    ProbabilityBacktest.Result result =
        ProbabilityBacktest.run(
            events::stream,
            DealSnapshotsTest.PIPE,
            DealSnapshotsTest.USD,
            CurrencyConverter.sameCurrencyOnly(),
            ZoneOffset.UTC,
            MONTHS,
            mondays,
            origin -> ProbabilityModel.stageDefault(),
            (done, total) -> progress.add(total));
    // February, March and April 2026 hold 4, 5 and 4 Mondays
    assertThat(result.rows()).hasSize(13);
    assertThat(result.byLead()).containsKeys("Monday 1", "Monday 5");
    assertThat(result.byLead().get("Monday 5").periods()).isEqualTo(1);
    assertThat(progress).containsOnly(3L + 13);
    for (ProbabilityBacktest.Row row : result.rows()) {
      LocalDate day = row.origin().plusNanos(1).atZone(ZoneOffset.UTC).toLocalDate();
      assertThat(day.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
      assertThat(row.forecast()).isGreaterThanOrEqualTo(row.wonSoFar());
    }
  }

  @Test
  void originsAfterThePeriodTwiceTheSameLeadOrNoneAreRefused() {
    List<DealEvent> none = List.of();
    for (ProbabilityBacktest.OriginRule bad :
        List.<ProbabilityBacktest.OriginRule>of(
            period -> List.of(new ProbabilityBacktest.Origin(period.end().plusDays(1), "late")),
            period ->
                List.of(
                    new ProbabilityBacktest.Origin(period.start(), "a"),
                    new ProbabilityBacktest.Origin(period.start().plusDays(1), "a")),
            period -> List.of())) {
      assertThatThrownBy(
              () ->
                  ProbabilityBacktest.run(
                      none::stream,
                      DealSnapshotsTest.PIPE,
                      DealSnapshotsTest.USD,
                      CurrencyConverter.sameCurrencyOnly(),
                      ZoneOffset.UTC,
                      MONTHS,
                      bad,
                      origin -> ProbabilityModel.stageDefault(),
                      ProgressListener.NONE))
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.concerns("origins")).isTrue());
    }
    assertThatThrownBy(() -> new ProbabilityBacktest.Origin(LocalDate.of(2026, 1, 1), " "))
        .isInstanceOf(ValidationException.class);
  }
}
