package org.salespipeline.forecast.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.ValidationException;
import org.salespipeline.forecast.Forecaster;
import org.salespipeline.forecast.PipelineSnapshot;

class ModelExamplesTest {

  @Test
  void drunkardsWalkReferenceValues() {
    AbsorbingChain c =
        AbsorbingChain.of(
            new double[][] {{0, .5, 0}, {.5, 0, .5}, {0, .5, 0}},
            new double[][] {{.5, 0}, {0, 0}, {0, .5}});
    double[][] n = c.fundamental();
    double[][] expectedN = {{1.5, 1, .5}, {1, 2, 1}, {.5, 1, 1.5}};
    double[][] expectedB = {{.75, .25}, {.5, .5}, {.25, .75}};
    for (int i = 0; i < 3; i++) {
      assertThat(n[i]).containsExactly(expectedN[i], within(1e-12));
      assertThat(c.absorption()[i]).containsExactly(expectedB[i], within(1e-12));
    }
    assertThat(c.expectedSteps()).containsExactly(new double[] {3, 4, 3}, within(1e-12));
  }

  @Test
  void chainThatNeverClosesIsRefused() {
    assertThatThrownBy(
            () -> AbsorbingChain.of(new double[][] {{0, 1}, {1, 0}}, new double[][] {{0}, {0}}))
        .isInstanceOf(ValidationException.class);
  }

  static StageTransitions funnel() {
    var b = StageTransitions.builder(List.of("qualify", "propose", "negotiate"));
    for (int i = 0; i < 100; i++) {
      if (i < 60) {
        b.moved("qualify", "propose");
      } else {
        b.lost("qualify");
      }
    }
    for (int i = 0; i < 60; i++) {
      if (i < 30) {
        b.moved("propose", "negotiate");
      } else {
        b.lost("propose");
      }
    }
    for (int i = 0; i < 30; i++) {
      if (i < 24) {
        b.won("negotiate");
      } else {
        b.lost("negotiate");
      }
    }
    return b.build();
  }

  @Test
  void linearFunnelWinsWithTheProductOfConversions() {
    MarkovChainModel m = MarkovChainModel.fit(funnel());
    assertThat(m.winProbability(0)).isCloseTo(0.6 * 0.5 * 0.8, within(1e-12));
    assertThat(m.winProbability(2)).isCloseTo(0.8, within(1e-12));
    assertThat(m.chain().expectedSteps()[0]).isCloseTo(1 + 0.6 + 0.3, within(1e-12));
    assertThat(m.withinSteps(1).winProbability(0)).isZero();
    assertThat(m.withinSteps(3).winProbability(0)).isCloseTo(0.24, within(1e-12));
  }

  @Test
  void stageConversionShrinksTowardThePrior() {
    StageConversionModel m = StageConversionModel.fit(funnel());
    BetaPrior prior = m.prior();
    double[] raw = {0.6, 0.5, 0.8};
    for (int k = 0; k < 3; k++) {
      double lo = Math.min(raw[k], prior.mean());
      double hi = Math.max(raw[k], prior.mean());
      assertThat(m.conversion(k)).isBetween(lo, hi);
    }
    assertThat(m.winProbability(0))
        .isCloseTo(m.conversion(0) * m.conversion(1) * m.conversion(2), within(1e-12));
  }

  @Test
  void modelsPlugIntoTheForecasterAndKeepOverridesApart() {
    LocalDate d = LocalDate.of(2026, 2, 1);
    PipelineSnapshot s =
        PipelineSnapshot.builder(Currency.getInstance("EUR"), d)
            .deal("a")
            .amountMinor(1000)
            .probability(0.1)
            .probabilityOverride(0.99)
            .closeDate(d)
            .stage("negotiate")
            .owner("o")
            .add()
            .deal("b")
            .amountMinor(1000)
            .probability(0.3)
            .closeDate(d)
            .stage("unknown")
            .owner("o")
            .add()
            .deal("c")
            .amountMinor(1000)
            .closeDate(d)
            .stage("negotiate")
            .owner("o")
            .status(DealStatus.WON)
            .add()
            .build();
    MarkovChainModel m = MarkovChainModel.fit(funnel());
    Forecaster f = Forecaster.of(s).withModel(m);
    assertThat(f.probability(0)).isCloseTo(0.8, within(1e-12));
    assertThat(f.probability(1)).isEqualTo(0.3);
    assertThat(f.probability(2)).isEqualTo(1.0);
    assertThat(s.probabilityOverride(0)).hasValue(0.99);
    Forecaster blended =
        Forecaster.of(s)
            .withModel(
                ProbabilityModel.blend(
                    List.of(m, ProbabilityModel.stageDefault()), List.of(1.0, 1.0)));
    assertThat(blended.probability(0)).isCloseTo(0.45, within(1e-12));
    assertThat(blended.modelName()).contains("markov");
  }
}
