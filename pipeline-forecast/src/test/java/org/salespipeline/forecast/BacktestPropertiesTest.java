package org.salespipeline.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.salespipeline.core.CurrencyConverter;
import org.salespipeline.core.ProgressListener;
import org.salespipeline.forecast.model.MarkovChainModel;
import org.salespipeline.forecast.model.ProbabilityModel;

/**
 * Invariants of the accuracy measures and of Murphy's (1973) decomposition of the Brier score, and
 * of the backtest's results on random histories.
 */
class BacktestPropertiesTest {

  static boolean[] outcomes(double[] p, long seed) {
    boolean[] o = new boolean[p.length];
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < o.length; i++) {
      o[i] = r.nextDouble() < p[i];
    }
    return o;
  }

  @Property
  void brierIsReliabilityMinusResolutionPlusUncertaintyWhenEachBinHoldsOneValue(
      @ForAll @Size(max = 300) List<@IntRange(min = 0, max = 19) Integer> levels,
      @ForAll @IntRange(min = 1, max = 20) int bins,
      @ForAll long seed) {
    // one forecast value per bin (its middle): Murphy's partition is then an identity
    double[] p = levels.stream().mapToDouble(k -> (k % bins + 0.5) / bins).toArray();
    Calibration c = Calibration.of(p, outcomes(p, seed), bins);
    assertThat(c.reliability() - c.resolution() + c.uncertainty())
        .isCloseTo(c.brier(), within(1e-9));
    assertThat(c.withinBin()).isCloseTo(0, within(1e-9));
  }

  @Property
  void everyCalibrationFigureIsInRange(
      @ForAll @Size(max = 300) List<@DoubleRange(min = 0, max = 1) Double> ps,
      @ForAll @IntRange(min = 1, max = 20) int bins,
      @ForAll long seed) {
    double[] p = ps.stream().mapToDouble(Double::doubleValue).toArray();
    Calibration c = Calibration.of(p, outcomes(p, seed), bins);
    assertThat(c.brier()).isBetween(0.0, 1.0);
    assertThat(c.reliability()).isBetween(0.0, 1.0);
    assertThat(c.resolution()).isBetween(0.0, 0.25);
    assertThat(c.uncertainty()).isBetween(0.0, 0.25);
    assertThat(c.resolution()).isLessThanOrEqualTo(c.uncertainty() + 1e-12);
    assertThat(c.count()).isEqualTo(p.length);
    for (Calibration.Bin b : c.table()) {
      assertThat(b.count()).isPositive();
      assertThat(b.meanForecast()).isBetween(b.lower() - 1e-12, b.upper() + 1e-12);
      assertThat(b.observedRate()).isBetween(0.0, 1.0);
    }
    assertThat(c.table()).isSortedAccordingTo((x, y) -> Double.compare(x.lower(), y.lower()));
  }

  @Property
  void perfectProbabilitiesScoreZero(
      @ForAll @Size(max = 200) List<Boolean> happened,
      // why: one bin would hold both 0 and 1, so the decomposition would not see the resolution
      @ForAll @IntRange(min = 2, max = 20) int bins) {
    double[] p = happened.stream().mapToDouble(h -> h ? 1 : 0).toArray();
    boolean[] o = new boolean[p.length];
    for (int i = 0; i < o.length; i++) {
      o[i] = happened.get(i);
    }
    Calibration c = Calibration.of(p, o, bins);
    assertThat(c.brier()).isZero();
    assertThat(c.reliability()).isZero();
    // all of the outcome's variance is resolved
    assertThat(c.resolution()).isCloseTo(c.uncertainty(), within(1e-12));
  }

  @Property
  void wapeAndMapeAreNonNegativeAndBoundTheBias(
      @ForAll @Size(min = 1, max = 50) List<@DoubleRange(min = 0, max = 1e9) Double> forecasts,
      @ForAll long seed) {
    double[] f = forecasts.stream().mapToDouble(Double::doubleValue).toArray();
    double[] a = new double[f.length];
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < a.length; i++) {
      a[i] = r.nextInt(4) == 0 ? 0 : r.nextDouble() * 1e9;
    }
    ForecastAccuracy acc = ForecastAccuracy.of(f, a);
    assertThat(acc.periods()).isEqualTo(f.length);
    acc.wape().ifPresent(w -> assertThat(w).isNotNegative().isFinite());
    acc.mape().ifPresent(m -> assertThat(m).isNotNegative().isFinite());
    // |sum (F - A)| <= sum |F - A| and, with actuals >= 0, sum A = sum |A|
    acc.bias()
        .ifPresent(
            b -> assertThat(Math.abs(b)).isLessThanOrEqualTo(acc.wape().getAsDouble() + 1e-9));
    assertThat(acc.wape().isPresent()).isEqualTo(acc.mape().isPresent());
  }

  @Property
  void perfectForecastsHaveZeroError(
      @ForAll @Size(min = 1, max = 50) List<@DoubleRange(min = 0, max = 1e12) Double> actuals) {
    double[] a = actuals.stream().mapToDouble(Double::doubleValue).toArray();
    ForecastAccuracy acc = ForecastAccuracy.of(a.clone(), a);
    acc.wape().ifPresent(w -> assertThat(w).isZero());
    acc.bias().ifPresent(b -> assertThat(b).isZero());
    acc.mape().ifPresent(m -> assertThat(m).isZero());
  }

  @Property
  void accuracyDoesNotDependOnTheUnit(
      @ForAll @Size(min = 1, max = 30) List<@DoubleRange(min = 0, max = 1e6) Double> forecasts,
      @ForAll @DoubleRange(min = 1, max = 1e6) double actual,
      @ForAll @IntRange(min = 2, max = 1000) int unit) {
    double[] f = forecasts.stream().mapToDouble(Double::doubleValue).toArray();
    double[] a = new double[f.length];
    java.util.Arrays.fill(a, actual);
    ForecastAccuracy once = ForecastAccuracy.of(f, a);
    double[] fu = java.util.Arrays.stream(f).map(x -> x * unit).toArray();
    double[] au = java.util.Arrays.stream(a).map(x -> x * unit).toArray();
    ForecastAccuracy scaled = ForecastAccuracy.of(fu, au);
    assertThat(scaled.wape().getAsDouble()).isCloseTo(once.wape().getAsDouble(), within(1e-9));
    assertThat(scaled.bias().getAsDouble()).isCloseTo(once.bias().getAsDouble(), within(1e-9));
    assertThat(scaled.mape().getAsDouble()).isCloseTo(once.mape().getAsDouble(), within(1e-9));
  }

  @Property(tries = 15)
  void backtestFiguresAreInRangeForEveryModel(
      @ForAll @IntRange(min = 0, max = 1000) int seed,
      @ForAll @IntRange(min = 0, max = 8) int lead) {
    var events = DealSnapshotsTest.histories(seed, 120);
    ProbabilityBacktest.Comparison comparison =
        ProbabilityBacktest.compare(
            events::stream,
            DealSnapshotsTest.PIPE,
            DealSnapshotsTest.USD,
            CurrencyConverter.sameCurrencyOnly(),
            ZoneOffset.UTC,
            ProbabilityBacktestTest.MONTHS,
            List.of(lead),
            List.of(
                origin -> ProbabilityModel.stageDefault(),
                origin ->
                    MarkovChainModel.fit(
                        DealSnapshots.transitions(
                            events.stream(), DealSnapshotsTest.PIPE, origin))),
            ProgressListener.NONE);
    for (ProbabilityBacktest.Result r : comparison.results()) {
      for (ProbabilityBacktest.Row row : r.rows()) {
        assertThat(row.forecast()).isFinite().isGreaterThanOrEqualTo(0);
        assertThat(row.actual()).isNotNegative();
      }
      r.overall().wape().ifPresent(w -> assertThat(w).isNotNegative().isFinite());
      Calibration c = r.calibration();
      assertThat(c.brier()).isBetween(0.0, 1.0);
      assertThat(c.reliability() - c.resolution() + c.uncertainty() + c.withinBin())
          .isCloseTo(c.brier(), within(1e-9));
      assertThat(r.calibrationByLead().get(ProbabilityBacktest.weeksBeforeEnd(lead))).isEqualTo(c);
    }
  }
}
