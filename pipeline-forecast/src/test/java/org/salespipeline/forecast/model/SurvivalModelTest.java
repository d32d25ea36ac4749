package org.salespipeline.forecast.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.salespipeline.forecast.model.SurvivalModel.Outcome;

class SurvivalModelTest {

  @Example
  void lifeTableByHand() {
    SurvivalModel m =
        SurvivalModel.builder(List.of("A"), 30, 90)
            .spell("A", 0, 10, Outcome.WON)
            .spell("A", 0, 40, Outcome.LOST)
            .spell("A", 0, 70, Outcome.WON)
            .spell("A", 0, 45, Outcome.CENSORED)
            .build();
    // h_w = (1/4, 0, 1), h_l = (0, 1/3, 0): CIF_w = (0, .25, .25, .75), S = (1, .75, .5, 0)
    assertThat(m.winWithinHorizon(0, 0)).isCloseTo(0.75, within(1e-12));
    assertThat(m.withHorizon(30).winWithinHorizon(0, 0)).isCloseTo(0.25, within(1e-12));
    assertThat(m.withHorizon(60).winWithinHorizon(0, 35)).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(m.withHorizon(0).winWithinHorizon(0, 35)).isZero();
    assertThat(m.winWithinHorizon(0, 400)).isNaN();
  }

  @Example
  void pushCountStrataWithFallbackToTheStage() {
    var b = SurvivalModel.builder(List.of("A"), 10, 100);
    for (int i = 0; i < 4; i++) {
      b.spell("A", 0, 0, 15, Outcome.WON);
      b.spell("A", 2, 0, 15, Outcome.LOST);
    }
    SurvivalModel m = b.build();
    assertThat(m.winWithinHorizon(0, 0, 0)).isEqualTo(1.0);
    assertThat(m.winWithinHorizon(0, 5, 0)).isEqualTo(0.0);
    // nobody with one push: the stage over all push counts answers
    assertThat(m.winWithinHorizon(0, 1, 0)).isCloseTo(0.5, within(1e-12));
  }

  @Property(tries = 200)
  void probabilitiesAreValidAndGrowWithTheHorizon(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 30) int interval) {
    SplittableRandom r = new SplittableRandom(seed);
    var b = SurvivalModel.builder(List.of("A", "B"), interval, 0);
    for (int i = 0; i < 200; i++) {
      int entry = r.nextInt(100);
      int exit = entry + r.nextInt(300);
      b.spell(r.nextBoolean() ? "A" : "B", entry, exit, Outcome.values()[r.nextInt(3)]);
    }
    SurvivalModel m = b.build();
    for (int stage = 0; stage < 2; stage++) {
      for (int age = 0; age < 400; age += 7) {
        double prev = 0;
        for (int h = 0; h <= 360; h += 15) {
          double p = m.withHorizon(h).winWithinHorizon(stage, age);
          if (Double.isNaN(p)) {
            break;
          }
          assertThat(p).isBetween(0.0, 1.0).isGreaterThanOrEqualTo(prev - 1e-12);
          prev = p;
        }
      }
    }
  }
}
