package org.salespipeline.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.salespipeline.forecast.model.MarkovChainModel;
import org.salespipeline.forecast.model.ProbabilityModel;
import org.salespipeline.forecast.model.StageTransitions;
import org.salespipeline.forecast.model.SurvivalModel;

/**
 * Rolling-origin backtest on the public "CRM Sales Opportunities" data set (read from
 * ../shared/data/crm-sales-opportunities, never shipped): at each month end T from March to
 * November 2017 the pipeline is rebuilt from what was known at T (no look-ahead), models are fitted
 * on closes up to T, and the next month is forecast. Figures go to stdout and
 * target/crm-backtest.md, and must equal the block the module README publishes between {@link
 * #BEGIN} and {@link #END}: the test fails when the code's output differs from the README.
 */
class CrmBacktestTest {
  static final Currency USD = Currency.getInstance("USD");
  static final String BEGIN = "<!-- CrmBacktestTest: generated block, do not edit by hand -->";
  static final String END = "<!-- CrmBacktestTest: end of generated block -->";

  record Opp(
      String id, String agent, long amount, LocalDate engaged, LocalDate closed, boolean won) {}

  static Path dataDir() {
    for (String p :
        List.of(
            "../shared/data/crm-sales-opportunities",
            "../../shared/data/crm-sales-opportunities",
            "/work/shared/data/crm-sales-opportunities")) {
      Path d = Path.of(p);
      if (Files.isRegularFile(d.resolve("sales_pipeline.csv"))) {
        return d;
      }
    }
    return null;
  }

  static List<Opp> load(Path dir, int[] skippedProspecting) throws IOException {
    Map<String, Long> price = new HashMap<>();
    for (String line : Files.readAllLines(dir.resolve("products.csv")).subList(1, 8)) {
      String[] f = line.split(",", -1);
      price.put(f[0].replace(" ", ""), Long.parseLong(f[2]) * 100);
    }
    List<Opp> out = new ArrayList<>();
    List<String> lines = Files.readAllLines(dir.resolve("sales_pipeline.csv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      if (f[5].isEmpty()) {
        // Prospecting rows carry no dates: they cannot be placed on a timeline (counted, reported)
        skippedProspecting[0]++;
        continue;
      }
      // quirk: GTXPro in sales_pipeline.csv is "GTX Pro" in products.csv, so compare without spaces
      Long list = price.get(f[2].replace(" ", ""));
      if (list == null) {
        throw new IllegalStateException("unknown product " + f[2] + " in " + f[0]);
      }
      boolean won = f[4].equals("Won");
      LocalDate closed = f[6].isEmpty() ? null : LocalDate.parse(f[6]);
      long amount = won ? Long.parseLong(f[7]) * 100 : list;
      out.add(new Opp(f[0], f[1], amount, LocalDate.parse(f[5]), closed, won));
    }
    return out;
  }

  record Origin(
      LocalDate asOf,
      ForecastPeriod period,
      int open,
      double survivalForecast,
      double markovForecast,
      double actualFromPipeline,
      double runRateForecast,
      HoltWinters.Method runRateMethod,
      double persistenceForecast,
      double actualBookings) {}

  @Test
  void rollingOriginBacktest() throws IOException {
    Path dir = dataDir();
    Assumptions.assumeTrue(
        dir != null,
        "CRM data set not found at ../shared/data/crm-sales-opportunities: backtest skipped");
    int[] prospecting = new int[1];
    List<Opp> opps = load(dir, prospecting);
    List<Origin> origins = new ArrayList<>();
    List<Double> pSurv = new ArrayList<>();
    List<Double> pMarkov = new ArrayList<>();
    List<Boolean> outcome = new ArrayList<>();
    for (YearMonth m = YearMonth.of(2017, 3);
        !m.isAfter(YearMonth.of(2017, 11));
        m = m.plusMonths(1)) {
      LocalDate t = m.atEndOfMonth();
      ForecastPeriod next = ForecastPeriod.month(m.plusMonths(1));
      // history known at T: closes on or before T; everything else is open or censored at T
      StageTransitions.Builder tb = StageTransitions.builder(List.of("Engaging"));
      SurvivalModel.Builder sb = SurvivalModel.builder(List.of("Engaging"), 7, next.days());
      PipelineSnapshot.Builder snap = PipelineSnapshot.builder(USD, t);
      for (Opp o : opps) {
        if (o.engaged.isAfter(t)) {
          continue;
        }
        int entryAge = 0;
        if (o.closed != null && !o.closed.isAfter(t)) {
          int age = (int) ChronoUnit.DAYS.between(o.engaged, o.closed);
          if (o.won) {
            tb.won(0);
          } else {
            tb.lost(0);
          }
          sb.spell(
              "Engaging",
              entryAge,
              age,
              o.won ? SurvivalModel.Outcome.WON : SurvivalModel.Outcome.LOST);
        } else {
          int age = (int) ChronoUnit.DAYS.between(o.engaged, t);
          sb.spell("Engaging", entryAge, age, SurvivalModel.Outcome.CENSORED);
          // the data set has no expected close dates: every open deal is a candidate for the month
          snap.deal(o.id)
              .amountMinor(o.amount)
              .probability(0.5)
              .closeDate(next.start())
              .stage("Engaging")
              .owner(o.agent)
              .ageDays(age)
              .daysInStage(age)
              .add();
        }
      }
      PipelineSnapshot s = snap.build();
      ProbabilityModel survival = sb.build();
      ProbabilityModel markov = MarkovChainModel.fit(tb.build());
      Forecaster fs = Forecaster.of(s).withModel(survival);
      Forecaster fm = Forecaster.of(s).withModel(markov);
      double actualPipe = 0;
      Map<String, Boolean> wonInPeriod = new HashMap<>();
      for (Opp o : opps) {
        boolean inPeriod = o.won && o.closed != null && next.contains(o.closed);
        if (inPeriod && !o.engaged.isAfter(t)) {
          actualPipe += o.amount;
        }
        wonInPeriod.put(o.id, inPeriod);
      }
      for (int i = 0; i < s.openCount(); i++) {
        pSurv.add(fs.probability(i));
        pMarkov.add(fm.probability(i));
        outcome.add(wonInPeriod.get(s.id(i)));
      }
      // run-rate: Holt-Winters (season 3; the method its length allows) on bookings known at T
      List<Double> series = new ArrayList<>();
      for (YearMonth b = YearMonth.of(2017, 3); !b.isAfter(m); b = b.plusMonths(1)) {
        ForecastPeriod pb = ForecastPeriod.month(b);
        series.add(bookings(opps, pb));
      }
      HoltWinters hw =
          HoltWinters.fit(series.stream().mapToDouble(Double::doubleValue).toArray(), 3);
      origins.add(
          new Origin(
              t,
              next,
              s.openCount(),
              fs.weighted(next),
              fm.weighted(next),
              actualPipe,
              hw.forecastNonNegative(1),
              hw.method(),
              series.get(series.size() - 1),
              bookings(opps, next)));
    }
    ForecastAccuracy survAcc =
        ForecastAccuracy.of(
            origins.stream().mapToDouble(Origin::survivalForecast).toArray(),
            origins.stream().mapToDouble(Origin::actualFromPipeline).toArray());
    ForecastAccuracy markovAcc =
        ForecastAccuracy.of(
            origins.stream().mapToDouble(Origin::markovForecast).toArray(),
            origins.stream().mapToDouble(Origin::actualFromPipeline).toArray());
    ForecastAccuracy runAcc =
        ForecastAccuracy.of(
            origins.stream().mapToDouble(Origin::runRateForecast).toArray(),
            origins.stream().mapToDouble(Origin::actualBookings).toArray());
    ForecastAccuracy persistenceAcc =
        ForecastAccuracy.of(
            origins.stream().mapToDouble(Origin::persistenceForecast).toArray(),
            origins.stream().mapToDouble(Origin::actualBookings).toArray());
    boolean[] o = new boolean[outcome.size()];
    for (int i = 0; i < o.length; i++) {
      o[i] = outcome.get(i);
    }
    Calibration cs =
        Calibration.of(pSurv.stream().mapToDouble(Double::doubleValue).toArray(), o, 10);
    Calibration cm =
        Calibration.of(pMarkov.stream().mapToDouble(Double::doubleValue).toArray(), o, 10);

    StringBuilder md = new StringBuilder();
    md.append(
        String.format(
            Locale.ROOT,
            "Rows: %d dated opportunities (%d Prospecting rows without dates skipped).\n\n",
            opps.size(),
            prospecting[0]));
    md.append(
        "| origin T | month | open at T | survival F | Markov F | actual (pipeline at T) |"
            + " run-rate F | run-rate method | persistence F | actual bookings |\n"
            + "|---|---|---|---|---|---|---|---|---|---|\n");
    for (Origin x : origins) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %d | %,.0f | %,.0f | %,.0f | %,.0f | %s | %,.0f | %,.0f |\n",
              x.asOf,
              YearMonth.from(x.period.start()),
              x.open,
              x.survivalForecast / 100,
              x.markovForecast / 100,
              x.actualFromPipeline / 100,
              x.runRateForecast / 100,
              x.runRateMethod.name().toLowerCase(Locale.ROOT).replace('_', ' '),
              x.persistenceForecast / 100,
              x.actualBookings / 100));
    }
    md.append("\n| forecast | WAPE | bias | MAPE |\n|---|---|---|---|\n");
    md.append(row("survival (in-period p) vs pipeline actual", survAcc));
    md.append(row("Markov (eventual p) vs pipeline actual", markovAcc));
    md.append(row("Holt-Winters run-rate vs all bookings", runAcc));
    md.append(row("persistence (last month) vs all bookings", persistenceAcc));
    md.append(
        "\n| calibration (deal won in the month) | N | Brier | base-rate Brier | skill |"
            + " reliability | resolution |\n|---|---|---|---|---|---|---|\n");
    md.append(cal("survival", cs));
    md.append(cal("Markov", cm));
    md.append(
        "\nReliability table (survival):\n\n| bin | n | mean p | observed |\n|---|---|---|---|\n");
    for (Calibration.Bin b : cs.table()) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %.1f-%.1f | %d | %.3f | %.3f |\n",
              b.lower(),
              b.upper(),
              b.count(),
              b.meanForecast(),
              b.observedRate()));
    }
    System.out.println(md);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/crm-backtest.md"), md.toString());

    // every figure the README publishes on this data set is this output
    String readme = Files.readString(Path.of("README.md"));
    int begin = readme.indexOf(BEGIN);
    int end = readme.indexOf(END);
    assertThat(begin).as("README.md holds the generated block").isNotNegative();
    assertThat(end).as("README.md closes the generated block").isGreaterThan(begin);
    assertThat(readme.substring(begin + BEGIN.length(), end).strip())
        .as(
            "pipeline-forecast/README.md publishes other CRM figures than the code gives; the"
                + " code's block is in pipeline-forecast/target/crm-backtest.md")
        .isEqualTo(md.toString().strip());

    assertThat(origins).hasSize(9);
    for (Origin x : origins) {
      assertThat(x.survivalForecast).isFinite().isNotNegative();
      assertThat(x.markovForecast).isFinite().isGreaterThanOrEqualTo(x.survivalForecast - 1e-6);
    }
    assertThat(cs.brier()).isBetween(0.0, 1.0);
    assertThat(survAcc.wape()).isPresent();
    // the in-period model must beat the eventual-win model on an in-period question
    assertThat(survAcc.wape().getAsDouble()).isLessThan(markovAcc.wape().getAsDouble());
    assertThat(cs.brier()).isLessThan(cm.brier());
  }

  static double bookings(List<Opp> opps, ForecastPeriod p) {
    double s = 0;
    for (Opp o : opps) {
      if (o.won && o.closed != null && p.contains(o.closed)) {
        s += o.amount;
      }
    }
    return s;
  }

  static String row(String name, ForecastAccuracy a) {
    return String.format(
        Locale.ROOT,
        "| %s | %.1f%% | %+.1f%% | %.1f%% |\n",
        name,
        100 * a.wape().orElse(0),
        100 * a.bias().orElse(0),
        100 * a.mape().orElse(0));
  }

  /** Brier beside the Brier of always forecasting the base rate (the uncertainty term). */
  static String cal(String name, Calibration c) {
    return String.format(
        Locale.ROOT,
        "| %s | %d | %.4f | %.4f | %+.3f | %.4f | %.4f |\n",
        name,
        c.count(),
        c.brier(),
        c.uncertainty(),
        1 - c.brier() / c.uncertainty(),
        c.reliability(),
        c.resolution());
  }
}
