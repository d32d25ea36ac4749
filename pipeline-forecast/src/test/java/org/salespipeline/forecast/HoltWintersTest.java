package org.salespipeline.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.salespipeline.core.ValidationException;

/** Which components a series is long enough for (issue 13, defect 5). */
class HoltWintersTest {

  @Test
  void twoValuesDoNotMakeATrend() {
    // was 897,681: the two-point trend extrapolated
    HoltWinters hw = HoltWinters.fit(new double[] {198833, 548257}, 1);
    assertThat(hw.method()).isEqualTo(HoltWinters.Method.LEVEL);
    assertThat(hw.forecast(1)).isBetween(198833.0, 548257.0);
    assertThat(hw.forecast(5)).isEqualTo(hw.forecast(1));
    assertThat(hw.beta()).isZero();
    assertThat(hw.gamma()).isZero();
  }

  @Test
  void theLevelIsSimpleExponentialSmoothing() {
    // l = .5 * 20 + .5 * 10 = 15, then .5 * 30 + .5 * 15 = 22.5
    HoltWinters hw = HoltWinters.of(new double[] {10, 20, 30}, 1, 0.5, 0.9, 0.9);
    assertThat(hw.method()).isEqualTo(HoltWinters.Method.LEVEL);
    assertThat(hw.forecast(1)).isCloseTo(22.5, within(1e-12));
    assertThat(hw.forecast(3)).isCloseTo(22.5, within(1e-12));
    assertThat(hw.alpha()).isEqualTo(0.5);
    // one-step errors: 20 - 10, 30 - 15
    assertThat(hw.sse()).isCloseTo(100 + 225, within(1e-9));
    assertThat(HoltWinters.fit(new double[] {7}, 12).forecast(2)).isEqualTo(7);
  }

  @Test
  void lessThanTwoSeasonsIsTheSeasonalNaiveForecast() {
    double[] y = {100, 300, 200, 400, 110, 310, 210};
    HoltWinters hw = HoltWinters.fit(y, 4);
    assertThat(hw.method()).isEqualTo(HoltWinters.Method.SEASONAL_NAIVE);
    // the same period of the last season: 400, 110, 310, 210, then 400 again
    assertThat(hw.forecast(1)).isEqualTo(400);
    assertThat(hw.forecast(2)).isEqualTo(110);
    assertThat(hw.forecast(4)).isEqualTo(210);
    assertThat(hw.forecast(5)).isEqualTo(400);
    assertThat(hw.sse()).isCloseTo(100 + 100 + 100, within(1e-9));
    assertThat(HoltWinters.of(y, 4, 0.5, 0.5, 0.5).forecast(2)).isEqualTo(110);
  }

  @Test
  void twoFullSeasonsFitLevelTrendAndSeason() {
    double[] pattern = {10, -5, 0, -5};
    double[] y = new double[8];
    for (int t = 0; t < y.length; t++) {
      y[t] = 100 + 2 * t + pattern[t % 4];
    }
    HoltWinters hw = HoltWinters.fit(y, 4);
    assertThat(hw.method()).isEqualTo(HoltWinters.Method.ADDITIVE);
    assertThat(hw.forecast(1)).isCloseTo(100 + 2 * 8 + pattern[0], within(5.0));
    // without a season, a trend needs four values
    assertThat(HoltWinters.fit(new double[] {1, 2, 3}, 1).method())
        .isEqualTo(HoltWinters.Method.LEVEL);
    assertThat(HoltWinters.fit(new double[] {1, 2, 3, 4}, 1).method())
        .isEqualTo(HoltWinters.Method.ADDITIVE);
    assertThat(HoltWinters.fit(new double[] {1, 2, 3, 4, 5, 6, 7}, 4).method())
        .isEqualTo(HoltWinters.Method.SEASONAL_NAIVE);
  }

  @Test
  void anEmptySeriesIsAnError() {
    assertThatThrownBy(() -> HoltWinters.fit(new double[0], 1))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("series");
  }
}
