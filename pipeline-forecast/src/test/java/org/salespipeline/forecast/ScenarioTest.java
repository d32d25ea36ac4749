package org.salespipeline.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ScenarioTest {

  @Test
  void whatIfChangesLeaveTheBaseAlone() {
    Forecaster base = Forecaster.of(ForecasterTest.pipeline());
    double before = base.weighted(ForecasterTest.JAN);
    Forecaster up = Scenario.of(base).winRateChange(0.10).apply();
    assertThat(up.weighted())
        .isCloseTo(base.weighted() * 1.1, org.assertj.core.api.Assertions.within(1.0));
    Forecaster slipped = Scenario.of(base).slip("c1", 10).apply();
    assertThat(slipped.weighted(ForecasterTest.JAN)).isEqualTo(before - 1600);
    assertThat(slipped.weighted(ForecasterTest.FEB)).isEqualTo(500 + 1600);
    Forecaster edited =
        Scenario.of(base)
            .remove("m1")
            .add(
                b ->
                    b.deal("n1")
                        .amountMinor(10_000)
                        .probability(0.5)
                        .closeDate(LocalDate.of(2026, 1, 31))
                        .stage("qualify")
                        .owner("dee")
                        .add())
            .apply();
    assertThat(edited.weighted(ForecasterTest.JAN)).isEqualTo(before - 1500 + 5000);
    assertThat(base.weighted(ForecasterTest.JAN)).isEqualTo(before);
    assertThat(Scenario.of(base).slipAll(40).apply().weighted(ForecasterTest.JAN)).isZero();
  }
}
