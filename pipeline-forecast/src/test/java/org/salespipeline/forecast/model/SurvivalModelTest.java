package org.salespipeline.forecast.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.ValidationException;
import org.salespipeline.forecast.PipelineSnapshot;
import org.salespipeline.forecast.model.SurvivalModel.Outcome;

class SurvivalModelTest {
  static final List<String> STAGES = List.of("A", "B", "C");

  @Example
  void lifeTableByHand() {
    SurvivalModel m =
        SurvivalModel.builder(List.of("A"), 30, 90)
            .minAtRisk(1)
            .spell("A", 0, 10, Outcome.WON)
            .spell("A", 0, 40, Outcome.LOST)
            .spell("A", 0, 70, Outcome.WON)
            .spell("A", 0, 45, Outcome.CENSORED)
            .build();
    // at risk (4, 3, 1); q_w = (1/4, 0, 1), q_l = (0, 1/3, 0); S = (1, .75, .5, 0)
    assertThat(m.winWithinHorizon(0, 0)).isCloseTo(0.75, within(1e-12));
    assertThat(m.withHorizon(30).winWithinHorizon(0, 0)).isCloseTo(0.25, within(1e-12));
    // exits spread evenly within an interval: S(35) = .75 (1 - (1/3)(5/30)) = .75 * 17/18;
    // days 35..89 hold interval 2's wins, .5 of the entrants: .5 / (.75 * 17/18) = 12/17
    assertThat(m.withHorizon(60).winWithinHorizon(0, 35)).isCloseTo(12.0 / 17, within(1e-12));
    assertThat(m.withHorizon(0).winWithinHorizon(0, 35)).isZero();
    // beyond the data the last interval with a visit at risk (minAtRisk 1) carries on: it won
    assertThat(m.winWithinHorizon(0, 400)).isCloseTo(1, within(1e-12));
    assertThat(m.withHorizon(0).winProbability(0, -1, 400)).hasValue(0);
  }

  /**
   * Stage A: four visits, one lost on day 0, two moved to B on day 1, one won on day 2. Stage B:
   * two visits, one won on day 0, one lost on day 3. A move costs one day.
   */
  static SurvivalModel twoStages(int horizon) {
    return SurvivalModel.builder(List.of("A", "B"), 1, horizon)
        .minAtRisk(1)
        .visit("A", 0, Outcome.LOST, null, -1)
        .visit("A", 1, Outcome.MOVED, "B", -1)
        .visit("A", 1, Outcome.MOVED, "B", -1)
        .visit("A", 2, Outcome.WON, null, -1)
        .visit("B", 0, Outcome.WON, null, -1)
        .visit("B", 3, Outcome.LOST, null, -1)
        .build();
  }

  @Example
  void aPushStratumWithoutASurvivalEstimateFallsBackToTheStage() {
    // stratum "1 push": five visits entered with one push and won on day 0, five more that
    // arrive by a push on day 1; on day 1 all early entrants are gone, so the stratum has visits
    // at risk but no survival estimate, and the stage answers
    SurvivalModel.Builder b = SurvivalModel.builder(List.of("A", "B"), 1, 10).minAtRisk(5);
    for (int i = 0; i < 5; i++) {
      b.visit("A", 0, Outcome.WON, null, 1);
      b.visit("A", 3, Outcome.WON, null, 0, 1);
    }
    SurvivalModel m = b.build();
    assertThat(m.winProbability(0, 1, 1)).isPresent();
    assertThat(m.winProbability(0, 1, 1).getAsDouble())
        .isEqualTo(m.winProbability(0, -1, 1).getAsDouble());
  }

  @Example
  void dealsThatMoveOnCanStillWinThroughLaterStages() {
    // W_B(r) = .5 for r >= 1. From A: f_A->B(1) = .75 * 2/3 = .5, f_won(2) = .25:
    // W_A(3) = .5 W_B(1) + .25 = .5; W_A(2) = .5 W_B(0) = 0
    assertThat(twoStages(3).winProbability(0, -1, 0).getAsDouble()).isCloseTo(0.5, within(1e-12));
    assertThat(twoStages(2).winProbability(0, -1, 0).getAsDouble()).isZero();
    assertThat(twoStages(100).winProbability(0, -1, 0).getAsDouble()).isCloseTo(0.5, within(1e-12));
    // after a day in A three deals remain: two move on and win half the time, one wins: 2/3
    assertThat(twoStages(2).winProbability(0, -1, 1).getAsDouble())
        .isCloseTo(2.0 / 3, within(1e-12));
    assertThat(twoStages(1).winProbability(1, -1, 0).getAsDouble()).isCloseTo(0.5, within(1e-12));
    // in B after day 0 only the deal lost on day 3 remains
    assertThat(twoStages(10).winProbability(1, -1, 1).getAsDouble()).isZero();
  }

  @Example
  void visitsEndAtTheStageExitNotAtTheDealsClose() {
    // ten deals go A -> B on day 10 and win in B on day 20: A itself wins nothing within 10 days
    var b = SurvivalModel.builder(List.of("A", "B"), 1, 10);
    for (int i = 0; i < 10; i++) {
      b.visit("A", 10, Outcome.MOVED, "B", -1).visit("B", 10, Outcome.WON, null, -1);
    }
    SurvivalModel m = b.build();
    assertThat(m.winProbability(0, -1, 0).getAsDouble()).isZero();
    // 21 days: 10 in A, one for the move, 10 in B, and the win on B's day 10
    assertThat(m.withHorizon(21).winProbability(0, -1, 0).getAsDouble()).isZero();
    assertThat(m.withHorizon(22).winProbability(0, -1, 0).getAsDouble())
        .isCloseTo(1, within(1e-12));
    assertThat(m.winProbability(1, -1, 5).getAsDouble()).isCloseTo(1, within(1e-12));
  }

  @Example
  void pushCountStrataWithFallbackToTheStage() {
    var b = SurvivalModel.builder(List.of("A"), 10, 100);
    for (int i = 0; i < 5; i++) {
      b.spell("A", 0, 0, 15, Outcome.WON);
      b.spell("A", 2, 0, 15, Outcome.LOST);
    }
    SurvivalModel m = b.build();
    assertThat(m.winWithinHorizon(0, 0, 0)).isCloseTo(1.0, within(1e-12));
    assertThat(m.winWithinHorizon(0, 5, 0)).isEqualTo(0.0);
    // nobody with one push: the stage over all push counts answers
    assertThat(m.winWithinHorizon(0, 1, 0)).isCloseTo(0.5, within(1e-12));
  }

  @Example
  void pushStrataFollowThePushesDuringTheVisit() {
    var b = SurvivalModel.builder(List.of("A"), 1, 10);
    for (int i = 0; i < 5; i++) {
      b.visit("A", 4, Outcome.WON, null, 0, 2); // pushed on day 2, won on day 4
      b.visit("A", 4, Outcome.LOST, null, 0); // never pushed, lost on day 4
    }
    SurvivalModel m = b.build();
    assertThat(m.winProbability(0, -1, 0).getAsDouble()).isCloseTo(0.5, within(1e-12));
    // from day 2 on the pushed visits are in the one-push stratum, the others in the zero one
    assertThat(m.winProbability(0, 1, 3).getAsDouble()).isCloseTo(1, within(1e-12));
    assertThat(m.winProbability(0, 0, 3).getAsDouble()).isZero();
  }

  @Example
  void aPushMovesTheDealToTheNextStratumWithoutEndingItsChance() {
    // issue 13, defect 1: every deal is pushed on day 10 and won on day 20; a deal on day 5 with
    // no push yet will be pushed and then won, so it wins within 30 days for certain
    var b = SurvivalModel.builder(List.of("A"), 1, 30);
    for (int i = 0; i < 100; i++) {
      b.visit("A", 20, Outcome.WON, null, 0, 10);
    }
    SurvivalModel m = b.build();
    assertThat(m.winProbability(0, 0, 5).getAsDouble()).isCloseTo(1, within(1e-12));
    assertThat(m.winProbability(0, 1, 12).getAsDouble()).isCloseTo(1, within(1e-12));
    // the push costs a day, as a move does: day 5 + 16 days ends on day 20, the win is on it
    assertThat(m.withHorizon(16).winProbability(0, 0, 5).getAsDouble()).isCloseTo(1, within(1e-12));
    assertThat(m.withHorizon(15).winProbability(0, 0, 5).getAsDouble()).isZero();
    // the same with weekly intervals
    var weekly = SurvivalModel.builder(List.of("A"), 7, 30);
    for (int i = 0; i < 100; i++) {
      weekly.visit("A", 20, Outcome.WON, null, 0, 10);
    }
    assertThat(weekly.build().winProbability(0, 0, 5).getAsDouble()).isCloseTo(1, within(1e-12));
  }

  @Example
  void aPushStratumHandsOverToTheStageWhereItRunsOutOfData() {
    // ten deals never pushed win on day 2; ten pushed on day 1 win on day 8. The one-push stratum
    // has nobody at risk on day 0, so a deal there and then is predicted by the stage table
    var b = SurvivalModel.builder(List.of("A"), 1, 30);
    for (int i = 0; i < 10; i++) {
      b.visit("A", 2, Outcome.WON, null, 0);
      b.visit("A", 8, Outcome.WON, null, 0, 1);
    }
    SurvivalModel m = b.build();
    assertThat(m.winProbability(0, 1, 0)).isEqualTo(m.winProbability(0, -1, 0));
    // a deal not pushed by day 1 is one of the early winners half the time, else pushed and won
    assertThat(m.winProbability(0, 0, 1).getAsDouble()).isCloseTo(1, within(1e-12));
    assertThat(m.withHorizon(2).winProbability(0, 0, 1).getAsDouble())
        .isCloseTo(0.5, within(1e-12));
  }

  @Example
  void aDealOlderThanTheDataGetsTheStagesTailHazardNotTheSnapshotsProbability() {
    // issue 13, defect 4: 320 visits, each 10-day interval a quarter of those at risk win and a
    // quarter are lost (320, 160, 80, 40, 20 at risk); the last ten are censored on day 49
    var b = SurvivalModel.builder(List.of("A"), 10, 10);
    int atRisk = 320;
    for (int j = 0; j < 5; j++) {
      for (int i = 0; i < atRisk / 4; i++) {
        b.visit("A", 10 * j + 5, Outcome.WON, null, -1);
        b.visit("A", 10 * j + 5, Outcome.LOST, null, -1);
      }
      atRisk /= 2;
    }
    for (int i = 0; i < 10; i++) {
      b.visit("A", 49, Outcome.CENSORED, null, -1);
    }
    SurvivalModel m = b.build();
    assertThat(m.winProbability(0, -1, 0).getAsDouble()).isCloseTo(0.25, within(1e-12));
    // 300 days in the stage: the last interval with at least 5 at risk carries on (a quarter of
    // the deals win in each interval), not the snapshot's eventual-win probability
    assertThat(m.winProbability(0, -1, 300).getAsDouble()).isCloseTo(0.25, within(1e-12));
    assertThat(m.winProbability(0, 0, 300).getAsDouble()).isCloseTo(0.25, within(1e-12));
    PipelineSnapshot s =
        PipelineSnapshot.builder(Currency.getInstance("USD"), LocalDate.of(2026, 1, 1))
            .deal("old")
            .amountMinor(100)
            .probability(0.9)
            .closeDate(LocalDate.of(2026, 1, 20))
            .stage("A")
            .owner("o")
            .ageDays(300)
            .daysInStage(300)
            .add()
            .build();
    assertThat(m.probabilities(s)[0]).isCloseTo(0.25, within(1e-12));
  }

  @Example
  void aStageWithoutEnoughDataGetsAllStagesPooledNotTheSnapshotsProbability() {
    // stage B saw one visit (fewer than minAtRisk): its deals are predicted from the visits of
    // every stage pooled, an in-period estimate, instead of keeping an eventual-win probability
    var b = SurvivalModel.builder(List.of("A", "B"), 1, 10).minAtRisk(3);
    for (int i = 0; i < 10; i++) {
      b.visit("A", 1, Outcome.WON, null, -1);
    }
    b.visit("B", 0, Outcome.LOST, null, -1);
    SurvivalModel m = b.build();
    assertThat(m.winProbability(1, -1, 0).getAsDouble()).isCloseTo(10.0 / 11, within(1e-12));
    assertThat(m.winProbability(1, 2, 0).getAsDouble()).isCloseTo(10.0 / 11, within(1e-12));
    // a stage the model does not know (index -1) is predicted the same way
    assertThat(m.winProbability(-1, -1, 0)).isEqualTo(m.winProbability(1, -1, 0));
    assertThat(m.winProbability(2, -1, 0)).isEmpty();
    assertThat(m.winProbability(-2, -1, 0)).isEmpty();
  }

  @Example
  void tooFewAtRiskFallsBackToTheStageAndItsTail() {
    var b = SurvivalModel.builder(List.of("A"), 1, 10).minAtRisk(3);
    b.visit("A", 0, Outcome.WON, null, 1); // one push: one visit only
    b.visit("A", 0, Outcome.LOST, null, 0);
    b.visit("A", 5, Outcome.LOST, null, 0);
    SurvivalModel m = b.build();
    // the stage has 3 at risk on day 0 only; its tail pools day 0 and every later day: 8 visit-days
    // at risk, 1 win, 3 exits; a day in the tail wins 1/8 and stays with 5/8
    double tail = (1.0 / 3) * (1 - Math.pow(5.0 / 8, 9));
    // stratum "one push" has 1 at risk on day 0: the stage answers, 1/3 on day 0 then the tail
    assertThat(m.winProbability(0, 1, 0).getAsDouble())
        .isCloseTo(1.0 / 3 + tail / 3, within(1e-12));
    assertThat(m.winProbability(0, -1, 0)).isEqualTo(m.winProbability(0, 1, 0));
    // on day 2 only one visit is at risk anywhere: the stage's tail answers
    assertThat(m.winProbability(0, 1, 2).getAsDouble())
        .isCloseTo((1.0 / 3) * (1 - Math.pow(5.0 / 8, 10)), within(1e-12));
    assertThat(m.winProbability(3, 0, 0)).isEmpty();
    assertThat(m.winProbability(0, 0, -1)).isEmpty();
    // a stage with fewer than minAtRisk visits in all does not answer
    var thin = SurvivalModel.builder(List.of("A"), 1, 10).minAtRisk(3);
    thin.visit("A", 0, Outcome.WON, null, 0).visit("A", 4, Outcome.LOST, null, 0);
    assertThat(thin.build().winProbability(0, 0, 0)).isEmpty();
  }

  @Example
  void probabilitiesUseStageDaysInStageAndPushCountAndFallBackToTheSnapshot() {
    SurvivalModel m = twoStages(2);
    PipelineSnapshot s =
        PipelineSnapshot.builder(Currency.getInstance("USD"), LocalDate.of(2026, 1, 1))
            .stages(List.of("A", "B", "Z"))
            .deal("fresh")
            .amountMinor(100)
            .probability(0.3)
            .closeDate(LocalDate.of(2026, 1, 20))
            .stage("A")
            .owner("o")
            .ageDays(40)
            .add()
            .deal("oneDay")
            .amountMinor(100)
            .probability(0.3)
            .closeDate(LocalDate.of(2026, 1, 20))
            .stage("A")
            .owner("o")
            .ageDays(40)
            .daysInStage(1)
            .add()
            .deal("unknownStage")
            .amountMinor(100)
            .probability(0.3)
            .closeDate(LocalDate.of(2026, 1, 20))
            .stage("Z")
            .owner("o")
            .add()
            .deal("tooLong")
            .amountMinor(100)
            .probability(0.4)
            .closeDate(LocalDate.of(2026, 1, 20))
            .stage("B")
            .owner("o")
            .daysInStage(99)
            .add()
            .deal("won")
            .amountMinor(100)
            .probability(0.4)
            .closeDate(LocalDate.of(2025, 12, 20))
            .stage("B")
            .owner("o")
            .status(DealStatus.WON)
            .add()
            .build();
    double[] p = m.probabilities(s);
    assertThat(p[s.openCount()]).isEqualTo(1.0);
    for (int i = 0; i < s.openCount(); i++) {
      double expected =
          switch (s.id(i)) {
            case "fresh" -> 0.0;
            case "oneDay" -> 2.0 / 3;
            // a stage the model does not know: all stages pooled (day 0: 1 won of 6 at risk,
            // the moves to B on day 1 have no day left to win in B)
            case "unknownStage" -> 1.0 / 6;
            // 99 days in B: B's tail (its last day with a visit at risk) lost
            case "tooLong" -> 0.0;
            default -> 0.4;
          };
      assertThat(p[i]).as(s.id(i)).isCloseTo(expected, within(1e-12));
    }
    assertThat(m.name()).isEqualTo("survival-2d");
  }

  @Example
  void badSpellsAreTypedErrors() {
    var b = SurvivalModel.builder(STAGES, 7, 30);
    assertThatThrownBy(() -> b.spell("A", 0, 5, Outcome.MOVED))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("movedTo");
    assertThatThrownBy(() -> b.visit("A", 5, Outcome.MOVED, "A", -1))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> b.visit("A", 5, Outcome.WON, "B", -1))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> b.visit("X", 5, Outcome.WON, null, -1))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> b.visit("A", -1, Outcome.WON, null, -1))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> b.visit("A", 5, Outcome.WON, null, 0, 3, 2))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("pushDays");
    assertThatThrownBy(() -> b.visit("A", 5, Outcome.WON, null, -1, 3))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> b.visit("A", 5, null, null, -1))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> b.minAtRisk(0)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> b.build().withHorizon(-1)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> b.build().withHorizon(SurvivalModel.MAX_HORIZON_DAYS + 1))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> SurvivalModel.builder(STAGES, 0, 30))
        .isInstanceOf(ValidationException.class);
  }

  /** Random visits of three stages: moves to any other stage, pushes, all outcomes. */
  static List<Object[]> randomVisits(long seed, int n) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Object[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int k = r.nextInt(3);
      int days = r.nextInt(120);
      Outcome o = Outcome.values()[r.nextInt(4)];
      String to = o == Outcome.MOVED ? STAGES.get((k + 1 + r.nextInt(2)) % 3) : null;
      int push = r.nextInt(4) - 1;
      int[] pushes = push < 0 || days == 0 ? new int[0] : new int[] {r.nextInt(days)};
      out.add(new Object[] {STAGES.get(k), days, o, to, push, pushes});
    }
    return out;
  }

  static SurvivalModel fit(List<Object[]> visits, int interval, int horizon) {
    var b = SurvivalModel.builder(STAGES, interval, horizon).minAtRisk(2);
    for (Object[] v : visits) {
      b.visit((String) v[0], (int) v[1], (Outcome) v[2], (String) v[3], (int) v[4], (int[]) v[5]);
    }
    return b.build();
  }

  @Property(tries = 100)
  void probabilitiesAreValidAndGrowWithTheHorizon(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 30) int interval) {
    SurvivalModel base = fit(randomVisits(seed, 150), interval, 0);
    List<SurvivalModel> byHorizon = new ArrayList<>();
    for (int h = 0; h <= 200; h += 20) {
      byHorizon.add(base.withHorizon(h));
    }
    for (int stage = 0; stage < 3; stage++) {
      for (int push = -1; push < 3; push++) {
        for (int d = 0; d < 130; d += 9) {
          double prev = 0;
          for (SurvivalModel m : byHorizon) {
            var p = m.winProbability(stage, push, d);
            // whether there is an answer depends on the data, not on the horizon
            assertThat(p.isPresent()).isEqualTo(base.winProbability(stage, push, d).isPresent());
            if (p.isEmpty()) {
              break;
            }
            assertThat(p.getAsDouble()).isBetween(0.0, 1.0).isGreaterThanOrEqualTo(prev - 1e-12);
            prev = p.getAsDouble();
          }
        }
      }
    }
  }

  @Property(tries = 50)
  void withoutDataEveryOpenDealKeepsTheSnapshotsProbability(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 365) int horizon) {
    SplittableRandom r = new SplittableRandom(seed);
    PipelineSnapshot.Builder sb =
        PipelineSnapshot.builder(Currency.getInstance("USD"), LocalDate.of(2026, 1, 1));
    for (int i = 0; i < 20; i++) {
      sb.deal("d" + i)
          .amountMinor(1 + r.nextInt(1000))
          .probability(r.nextInt(101) / 100.0)
          .closeDate(LocalDate.of(2026, 2, 1))
          .stage(STAGES.get(r.nextInt(3)))
          .owner("o")
          .pushCount(r.nextInt(4))
          .ageDays(r.nextInt(300))
          .daysInStage(r.nextInt(100))
          .add();
    }
    PipelineSnapshot s = sb.build();
    SurvivalModel empty = SurvivalModel.builder(STAGES, 1 + r.nextInt(30), horizon).build();
    assertThat(empty.probabilities(s)).containsExactly(s.probabilities());
  }

  @Property(tries = 50)
  void fittingIsDeterministicAndIgnoresTheOrderOfTheVisits(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 14) int interval) {
    List<Object[]> visits = randomVisits(seed, 100);
    SurvivalModel a = fit(visits, interval, 60);
    List<Object[]> shuffled = new ArrayList<>(visits);
    Collections.shuffle(shuffled, new Random(seed));
    SurvivalModel b = fit(shuffled, interval, 60);
    for (int stage = 0; stage < 3; stage++) {
      for (int d = 0; d < 130; d += 5) {
        var p = a.winProbability(stage, 1, d);
        assertThat(b.winProbability(stage, 1, d)).isEqualTo(p);
        assertThat(a.winProbability(stage, 1, d)).isEqualTo(p);
      }
    }
  }

  @Property(tries = 50)
  void withoutMovesALongHorizonGivesTheLifeTablesShareOfWins(@ForAll long seed) {
    // one stage, no censoring: from entry the eventual win probability is the share of wins
    SplittableRandom r = new SplittableRandom(seed);
    var b = SurvivalModel.builder(List.of("A"), 1 + r.nextInt(10), 1000).minAtRisk(1);
    int won = 0;
    int n = 1 + r.nextInt(50);
    for (int i = 0; i < n; i++) {
      boolean w = r.nextBoolean();
      won += w ? 1 : 0;
      b.visit("A", r.nextInt(200), w ? Outcome.WON : Outcome.LOST, null, -1);
    }
    assertThat(b.build().winProbability(0, -1, 0).getAsDouble())
        .isCloseTo((double) won / n, within(1e-9));
  }

  @Property(tries = 50)
  void withoutPushesTheNoPushStratumIsTheStage(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 14) int interval) {
    // every visit entered unpushed and was never pushed: stratum 0 holds exactly the stage's
    // visits, so it answers as the stage does, on every day
    SplittableRandom r = new SplittableRandom(seed);
    var b = SurvivalModel.builder(STAGES, interval, 60).minAtRisk(2);
    for (Object[] v : randomVisits(seed, 120)) {
      b.visit((String) v[0], (int) v[1], (Outcome) v[2], (String) v[3], 0);
    }
    SurvivalModel m = b.build();
    for (int stage = 0; stage < 3; stage++) {
      for (int d = 0; d < 130; d += 1 + r.nextInt(9)) {
        var stratum = m.winProbability(stage, 0, d);
        var pooled = m.winProbability(stage, -1, d);
        assertThat(stratum.isPresent()).isEqualTo(pooled.isPresent());
        if (pooled.isPresent()) {
          assertThat(stratum.getAsDouble()).isCloseTo(pooled.getAsDouble(), within(1e-12));
        }
      }
    }
  }
}
