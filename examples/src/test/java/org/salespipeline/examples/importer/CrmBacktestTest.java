package org.salespipeline.examples.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.CurrencyConverter;
import org.salespipeline.core.Deal;
import org.salespipeline.core.ProgressListener;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.stage.PipelineDefinition;
import org.salespipeline.core.store.EventQuery;
import org.salespipeline.core.store.memory.InMemoryPipelineStore;
import org.salespipeline.examples.progress.Progress;
import org.salespipeline.forecast.Calibration;
import org.salespipeline.forecast.DealSnapshots;
import org.salespipeline.forecast.ForecastAccuracy;
import org.salespipeline.forecast.ForecastPeriod;
import org.salespipeline.forecast.PipelineSnapshot;
import org.salespipeline.forecast.ProbabilityBacktest;
import org.salespipeline.forecast.model.MarkovChainModel;
import org.salespipeline.forecast.model.ProbabilityModel;
import org.salespipeline.forecast.model.StageConversionModel;
import org.salespipeline.forecast.model.StageTransitions;

/**
 * The figures of the "Accuracy on the CRM Sales Opportunities data set" section of
 * pipeline-forecast/README.md: the data set is imported by {@link CrmDatasetImporter} (history
 * rebuilt from engage and close dates, list prices of products.csv for open deals) and {@link
 * ProbabilityBacktest#compare} runs the stage-default, stage-conversion, Markov and survival models
 * over the months March to December 2017, 4, 2 and 1 weeks before each month's end. Figures go to
 * stdout and target/crm-backtest.md.
 */
class CrmBacktestTest {
  static final Path DATA = Path.of("../../shared/data/crm-sales-opportunities");
  static final Currency USD = Currency.getInstance("USD");
  static final List<ForecastPeriod> MONTHS = ForecastPeriod.months(YearMonth.of(2017, 3), 10);
  static final List<Integer> WEEKS_BEFORE = List.of(4, 2, 1);
  static final int PUSH_DAYS = 30;

  @Test
  void everyModelIsBacktestedOnTheImportedHistory() throws Exception {
    assumeThat(Files.isDirectory(DATA))
        .as("the CRM data set is expected at %s; skipping", DATA.toAbsolutePath().normalize())
        .isTrue();
    InMemoryPipelineStore store = new InMemoryPipelineStore();
    CrmDatasetImporter.importFolder(DATA, store, Progress.NONE);
    List<DealEvent> imported;
    try (Stream<DealEvent> events =
        store.workspace(CrmDatasetImporter.WORKSPACE).streamEvents(EventQuery.all())) {
      imported = events.toList();
    }
    int median = medianWonCycleDays(imported);
    List<DealEvent> history = withRepCloseDates(imported, median);
    PipelineDefinition pipe = CrmDatasetImporter.pipeline();
    // both learned stage models read the same counts at an origin: count them once
    Map<Instant, StageTransitions> counted = new HashMap<>();
    Function<Instant, StageTransitions> transitions =
        origin ->
            counted.computeIfAbsent(
                origin, o -> DealSnapshots.transitions(history.stream(), pipe, o));

    ProbabilityBacktest.Comparison comparison =
        ProbabilityBacktest.compare(
            history::stream,
            pipe,
            USD,
            CurrencyConverter.sameCurrencyOnly(),
            ZoneOffset.UTC,
            MONTHS,
            WEEKS_BEFORE,
            List.of(
                origin -> ProbabilityModel.stageDefault(),
                origin -> StageConversionModel.fit(transitions.apply(origin)),
                origin -> MarkovChainModel.fit(transitions.apply(origin)),
                // why: the survival model's name carries its horizon, which differs by origin
                origin ->
                    named(
                        "survival",
                        DealSnapshots.survival(
                            history.stream(), pipe, origin, 7, daysToMonthEnd(origin)))),
            ProgressListener.NONE);

    String md = report(comparison, median);
    System.out.println(md);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/crm-backtest.md"), md);

    assertThat(comparison.results())
        .extracting(ProbabilityBacktest.Result::model)
        .containsExactly("stage-default", "stage-conversion", "markov", "survival");
    for (ProbabilityBacktest.Result r : comparison.results()) {
      assertThat(r.rows()).hasSize(MONTHS.size() * WEEKS_BEFORE.size());
      assertThat(r.rows())
          .allSatisfy(
              row -> {
                assertThat(row.forecast()).isFinite().isNotNegative();
                // every month from March to December 2017 books something
                assertThat(row.actual()).isPositive();
              });
      ForecastAccuracy overall = r.overall();
      assertThat(overall.wape().getAsDouble()).isBetween(0.0, 1.0);
      assertThat(overall.bias().getAsDouble()).isBetween(-1.0, 1.0);
      assertThat(overall.mape()).isPresent();
      Calibration c = r.calibration();
      assertThat(c.count()).isGreaterThan(10_000);
      assertThat(c.brier()).isBetween(0.0, 0.25);
      assertThat(c.uncertainty()).isBetween(0.0, 0.25);
      assertThat(c.reliability() - c.resolution() + c.uncertainty() + c.withinBin())
          .isCloseTo(c.brier(), org.assertj.core.data.Offset.offset(1e-9));
      // closer to the period end, more of the period is known: the error does not grow
      assertThat(r.byLead().get(ProbabilityBacktest.weeksBeforeEnd(1)).wape().getAsDouble())
          .isLessThanOrEqualTo(
              r.byLead().get(ProbabilityBacktest.weeksBeforeEnd(4)).wape().getAsDouble());
    }
  }

  static ProbabilityModel named(String name, ProbabilityModel model) {
    return new ProbabilityModel() {
      @Override
      public double[] probabilities(PipelineSnapshot snapshot) {
        return model.probabilities(snapshot);
      }

      @Override
      public String name() {
        return name;
      }
    };
  }

  /** Days from the origin's date to the end of its month: the survival model's horizon. */
  static int daysToMonthEnd(Instant origin) {
    LocalDate d = LocalDate.ofInstant(origin, ZoneOffset.UTC);
    return (int) ChronoUnit.DAYS.between(d, d.withDayOfMonth(1).plusMonths(1));
  }

  static int medianWonCycleDays(List<DealEvent> events) {
    List<Long> days = new ArrayList<>();
    Instant created = null;
    for (DealEvent e : events) {
      if (e.change() instanceof Change.Created) {
        created = e.at();
      } else if (e.change() instanceof Change.Won) {
        days.add(ChronoUnit.DAYS.between(created, e.at()));
      }
    }
    days.sort(Long::compare);
    return days.get(days.size() / 2).intValue();
  }

  /**
   * The importer gives each closed deal its real close date as the expected one from the day it is
   * opened, so a backtest would know which deals close in which month (look-ahead). Instead, as a
   * rep would: expected close = engage date + the median won cycle, and on the evening of that date
   * a deal still open is pushed by {@value #PUSH_DAYS} days, again and again, until it closes or
   * the data ends. Each push is an event at the time it happens, so a past snapshot sees only the
   * pushes made by then.
   */
  static List<DealEvent> withRepCloseDates(List<DealEvent> events, int medianDays) {
    Instant dataEnd = events.stream().map(DealEvent::at).max(Instant::compareTo).orElseThrow();
    List<DealEvent> out = new ArrayList<>(events.size() * 2);
    List<DealEvent> deal = new ArrayList<>();
    for (DealEvent e : events) {
      if (!deal.isEmpty() && !deal.get(0).dealId().equals(e.dealId())) {
        rewrite(deal, medianDays, dataEnd, out);
        deal.clear();
      }
      deal.add(e);
    }
    if (!deal.isEmpty()) {
      rewrite(deal, medianDays, dataEnd, out);
    }
    return List.copyOf(out);
  }

  private static void rewrite(
      List<DealEvent> deal, int medianDays, Instant dataEnd, List<DealEvent> out) {
    DealEvent first = deal.get(0);
    Deal created = ((Change.Created) first.change()).deal();
    LocalDate expected = LocalDate.ofInstant(first.at(), ZoneOffset.UTC).plusDays(medianDays);
    Instant closedAt = dataEnd;
    for (DealEvent e : deal) {
      if (e.change() instanceof Change.Won
          || e.change() instanceof Change.Lost
          || e.change() instanceof Change.Disqualified) {
        closedAt = e.at();
      }
    }
    List<DealEvent> merged = new ArrayList<>();
    merged.add(
        new DealEvent(
            first.dealId(),
            1,
            1,
            first.at(),
            first.actor(),
            first.idempotencyKey(),
            new Change.Created(Deal.builder().from(created).expectedCloseDate(expected).build())));
    int pushes = 0;
    int next = 1;
    Instant push = expected.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1);
    while (push.isBefore(closedAt)) {
      while (next < deal.size() && !deal.get(next).at().isAfter(push)) {
        merged.add(deal.get(next++));
      }
      LocalDate later = expected.plusDays(PUSH_DAYS);
      merged.add(
          new DealEvent(
              first.dealId(),
              1,
              1,
              push,
              first.actor(),
              java.util.Optional.empty(),
              new Change.CloseDateChanged(expected, later, ++pushes)));
      expected = later;
      push = expected.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1);
    }
    while (next < deal.size()) {
      merged.add(deal.get(next++));
    }
    for (int i = 0; i < merged.size(); i++) {
      DealEvent e = merged.get(i);
      out.add(
          new DealEvent(
              e.dealId(), i + 1, i + 1, e.at(), e.actor(), e.idempotencyKey(), e.change()));
    }
  }

  static String report(ProbabilityBacktest.Comparison comparison, int median) {
    StringBuilder md = new StringBuilder();
    md.append(
        String.format(
            Locale.ROOT,
            "Months %s to %s, %s weeks before each month's end; expected close = engage + %d days"
                + " (median won cycle), pushed %d days while open.%n%n",
            MONTHS.get(0).start(),
            MONTHS.get(MONTHS.size() - 1).start(),
            WEEKS_BEFORE,
            median,
            PUSH_DAYS));
    md.append(comparison.table());
    md.append("\nWAPE by weeks before the month's end:\n\n| model |");
    WEEKS_BEFORE.forEach(w -> md.append(' ').append(w).append(" |"));
    md.append("\n|---|").append("---|".repeat(WEEKS_BEFORE.size())).append('\n');
    for (ProbabilityBacktest.Result r : comparison.results()) {
      md.append("| ").append(r.model()).append(" |");
      for (int w : WEEKS_BEFORE) {
        md.append(
            String.format(
                Locale.ROOT,
                " %.1f%% |",
                100 * r.byLead().get(ProbabilityBacktest.weeksBeforeEnd(w)).wape().orElse(0)));
      }
      md.append('\n');
    }
    md.append("\nwithin-bin remainder of the Brier decomposition:");
    for (ProbabilityBacktest.Result r : comparison.results()) {
      md.append(String.format(Locale.ROOT, " %s %.5f;", r.model(), r.calibration().withinBin()));
    }
    md.append(
        "\n\nReliability table (survival):\n\n| bin | n | mean p | observed |\n|---|---|---|---|\n");
    for (Calibration.Bin b : comparison.results().get(3).calibration().table()) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %.1f-%.1f | %d | %.3f | %.3f |%n",
              b.lower(),
              b.upper(),
              b.count(),
              b.meanForecast(),
              b.observedRate()));
    }
    return md.toString();
  }
}
