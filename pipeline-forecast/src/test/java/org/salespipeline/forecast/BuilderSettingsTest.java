package org.salespipeline.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.ConfigurationException;
import org.salespipeline.core.CurrencyConverter;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.forecast.model.SurvivalModel;

/** Builders refuse a second set of the same setting; repeated additions are not settings. */
class BuilderSettingsTest {
  static final Currency USD = Currency.getInstance("USD");
  static final LocalDate DAY = LocalDate.of(2026, 1, 1);

  static PipelineSnapshot.Builder builder() {
    return PipelineSnapshot.builder(USD, DAY);
  }

  @Test
  void snapshotSettingsAreSetOnce() {
    assertThatThrownBy(
            () ->
                builder()
                    .converter(CurrencyConverter.sameCurrencyOnly())
                    .converter(CurrencyConverter.sameCurrencyOnly()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("converter was already set");
    assertThatThrownBy(() -> builder().stages(List.of("a")).stages(List.of("b")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("stages were already set to [a]");
    // the stage order comes first: after a row named a stage it could not hold
    PipelineSnapshot.Builder b =
        builder().deal("d").amountMinor(1).closeDate(DAY).stage("x").owner("o").add();
    assertThatThrownBy(() -> b.stages(List.of("a", "x")))
        .isInstanceOf(ConfigurationException.class);
  }

  @Test
  void aNewRowSetsEachFieldOnce() {
    assertThatThrownBy(() -> builder().deal("d").amountMinor(1).amountMinor(2))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("row d: amount was already set to 1");
    assertThatThrownBy(() -> builder().deal("d").probability(0.1).probability(0.2))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("probability");
    assertThatThrownBy(() -> builder().deal("d").createdOn(DAY.minusDays(3)).ageDays(5))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("ageDays was already set to 3");
    assertThatThrownBy(() -> builder().deal("d").stage("a").stage("b"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("stage was already set to a");
    assertThatThrownBy(
            () ->
                builder()
                    .deal("d")
                    .category(ForecastCategory.COMMIT)
                    .category(ForecastCategory.PIPELINE))
        .isInstanceOf(ConfigurationException.class);
  }

  @Test
  void anAddedRowIsEditedThroughRow() {
    PipelineSnapshot.Builder b =
        builder()
            .deal("d")
            .amountMinor(100)
            .probability(0.5)
            .closeDate(DAY)
            .stage("a")
            .owner("o")
            .add();
    b.row("d").probability(0.9).amountMinor(200).add();
    PipelineSnapshot s = b.build();
    assertThat(s.probability(0)).isEqualTo(0.9);
    assertThat(s.amount(0)).isEqualTo(200);
    // several deals are several rows, not a second set
    assertThat(
            builder()
                .deal("e")
                .amountMinor(1)
                .closeDate(DAY)
                .stage("a")
                .owner("o")
                .add()
                .deal("f")
                .amountMinor(2)
                .closeDate(DAY)
                .stage("a")
                .owner("o")
                .add()
                .build()
                .size())
        .isEqualTo(2);
  }

  @Test
  void survivalModelSettingsAreSetOnce() {
    assertThatThrownBy(() -> SurvivalModel.builder(List.of("A"), 7, 30).minAtRisk(3).minAtRisk(4))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("minAtRisk was already set to 3");
    // visits are added repeatedly
    SurvivalModel m =
        SurvivalModel.builder(List.of("A"), 7, 30)
            .minAtRisk(1)
            .visit("A", 3, SurvivalModel.Outcome.WON, null, -1)
            .visit("A", 3, SurvivalModel.Outcome.LOST, null, -1)
            .build();
    assertThat(m.winProbability(0, -1, 0)).hasValue(0.5);
  }

  @Test
  void aScenarioSetsItsWinRateChangeOnce() {
    Forecaster f = Forecaster.of(ForecasterTest.pipeline());
    assertThatThrownBy(() -> Scenario.of(f).winRateChange(0.1).winRateChange(0.2))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("winRateChange was already set to 0.1");
    // slips add up: repeated by design
    assertThat(Scenario.of(f).slip("c1", 10).slip("c1", 10).apply().weighted()).isPositive();
  }
}
