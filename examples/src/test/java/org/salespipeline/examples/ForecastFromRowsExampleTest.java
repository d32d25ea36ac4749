package org.salespipeline.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ForecastFromRowsExampleTest {
  @Test
  void forecastsTheQuarterFromPlainArrays() {
    ForecastFromRowsExample.Result r = ForecastFromRowsExample.run();
    // closed 9,500 + 12,000 x 0.6 + 45,000 x 0.3 + 8,000 x 0.9 = 37,400 USD; D-4 closes in Q3
    assertThat(r.weighted()).isEqualTo(3_740_000.0);
    assertThat(r.range().p10()).isLessThanOrEqualTo(r.range().p50());
    assertThat(r.range().p50()).isLessThanOrEqualTo(r.range().p90());
    assertThat(r.range().p10()).isGreaterThanOrEqualTo(950_000.0);
    assertThat(r.ann().attainment()).hasValue(0.19);
  }
}
