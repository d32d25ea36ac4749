package org.salespipeline.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.ValidationException;

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

  @Test
  void slipsBeyondTenThousandYearsAreRefusedAndLeaveTheScenarioAsItWas() {
    Forecaster base = Forecaster.of(ForecasterTest.pipeline());
    double before = base.weighted(ForecasterTest.JAN);
    Scenario s = Scenario.of(base).slip("c1", 10);
    assertThatThrownBy(() -> s.slip("c1", Scenario.MAX_SLIP_DAYS))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("days");
    assertThatThrownBy(() -> s.slip("c1", Integer.MAX_VALUE))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> s.slipAll(Integer.MIN_VALUE)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> s.slip(null, 1)).isInstanceOf(ValidationException.class);
    // the refused calls changed nothing: c1 is still slipped by 10 days only
    assertThat(s.apply().weighted(ForecasterTest.JAN)).isEqualTo(before - 1600);
    // the largest slips allowed either way still give a forecast
    assertThat(
            Scenario.of(base).slipAll(Scenario.MAX_SLIP_DAYS).apply().weighted(ForecasterTest.JAN))
        .isZero();
    assertThat(
            Scenario.of(base).slipAll(-Scenario.MAX_SLIP_DAYS).apply().weighted(ForecasterTest.JAN))
        .isZero();
  }
}
