package org.salespipeline.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.salespipeline.core.ValidationException;

/** FORECASTING.md invariants 8 (Brier) and 9 (Holt-Winters), plus accuracy measures. */
class AccuracyPropertiesTest {

  @Property
  void brierIsInUnitIntervalAndDecomposes(
      @ForAll @Size(max = 200) List<@DoubleRange(min = 0, max = 1) Double> ps,
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 20) int bins) {
    double[] p = ps.stream().mapToDouble(Double::doubleValue).toArray();
    boolean[] o = new boolean[p.length];
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
    for (int i = 0; i < o.length; i++) {
      o[i] = r.nextDouble() < p[i];
    }
    Calibration c = Calibration.of(p, o, bins);
    assertThat(c.brier()).isBetween(0.0, 1.0);
    assertThat(c.reliability()).isGreaterThanOrEqualTo(0);
    assertThat(c.resolution()).isGreaterThanOrEqualTo(0);
    assertThat(c.uncertainty()).isBetween(0.0, 0.25);
    assertThat(c.reliability() - c.resolution() + c.uncertainty() + c.withinBin())
        .isCloseTo(c.brier(), within(1e-12));
    assertThat(c.table().stream().mapToInt(Calibration.Bin::count).sum()).isEqualTo(p.length);
  }

  @Property
  void decompositionIsExactWhenBinsHoldOneValue(
      @ForAll @Size(max = 200) List<@IntRange(min = 0, max = 9) Integer> levels,
      @ForAll long seed) {
    double[] p = levels.stream().mapToDouble(k -> (k + 0.5) / 10).toArray();
    boolean[] o = new boolean[p.length];
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
    for (int i = 0; i < o.length; i++) {
      o[i] = r.nextDouble() < p[i];
    }
    Calibration c = Calibration.of(p, o, 10);
    assertThat(c.withinBin()).isCloseTo(0, within(1e-12));
  }

  @Example
  void perfectForecastsScoreZero() {
    Calibration c = Calibration.of(new double[] {1, 0, 1}, new boolean[] {true, false, true}, 10);
    assertThat(c.brier()).isZero();
    assertThat(c.reliability()).isZero();
  }

  @Example
  void accuracyMeasures() {
    ForecastAccuracy a = ForecastAccuracy.of(new double[] {110, 90, 5}, new double[] {100, 100, 0});
    assertThat(a.wape()).hasValue(25.0 / 200);
    assertThat(a.bias()).hasValue(5.0 / 200);
    assertThat(a.mape()).hasValue(0.1);
    ForecastAccuracy none = ForecastAccuracy.of(new double[] {1}, new double[] {0});
    assertThat(none.wape()).isEmpty();
    assertThat(none.bias()).isEmpty();
    assertThat(none.mape()).isEmpty();
    assertThatThrownBy(() -> ForecastAccuracy.of(new double[] {Double.NaN}, new double[] {1}))
        .isInstanceOf(ValidationException.class);
  }

  @Property
  void holtWintersForecastsAConstantAsThatConstant(
      @ForAll @DoubleRange(min = -1e9, max = 1e9) double c,
      @ForAll @IntRange(min = 1, max = 12) int season,
      @ForAll @IntRange(min = 1, max = 40) int extra,
      @ForAll @IntRange(min = 1, max = 24) int h) {
    double[] y = new double[season + extra];
    java.util.Arrays.fill(y, c);
    for (HoltWinters hw :
        List.of(HoltWinters.fit(y, season), HoltWinters.of(y, season, 0.3, 0.1, 0.2))) {
      assertThat(hw.forecast(h)).isCloseTo(c, within(1e-9 * Math.max(1, Math.abs(c))));
    }
  }

  @Example
  void holtWintersFollowsTrendAndSeason() {
    double[] y = new double[48];
    double[] pattern = {10, -5, 0, -5};
    for (int t = 0; t < y.length; t++) {
      y[t] = 100 + 2 * t + pattern[t % 4];
    }
    HoltWinters hw = HoltWinters.fit(y, 4);
    for (int h = 1; h <= 8; h++) {
      int t = y.length - 1 + h;
      assertThat(hw.forecast(h)).isCloseTo(100 + 2 * t + pattern[t % 4], within(0.5));
    }
    // shorter than a season: a level only (HoltWintersTest has the rules)
    assertThat(HoltWinters.fit(new double[] {1, 2}, 4).method())
        .isEqualTo(HoltWinters.Method.LEVEL);
  }
}
