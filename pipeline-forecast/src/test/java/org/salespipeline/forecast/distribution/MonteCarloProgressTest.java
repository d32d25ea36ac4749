package org.salespipeline.forecast.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.ValidationException;
import org.salespipeline.forecast.distribution.DistributionPropertiesTest.Pipe;

class MonteCarloProgressTest {
  static final long[] A = {1000, 2500, 400, 9000};
  static final double[] P = {0.2, 0.5, 0.9, 0.1};

  @Test
  void reportsEveryBlockInTrials() {
    List<long[]> calls = new ArrayList<>();
    RevenueDistribution d =
        RevenueDistributions.monteCarlo(
            A, P, 1000, 5, (done, total) -> calls.add(new long[] {done, total}));
    // 1000 trials are 4 blocks of 256, fewer than 100, so every block is reported
    assertThat(calls)
        .containsExactly(
            new long[] {0, 1000},
            new long[] {256, 1000},
            new long[] {512, 1000},
            new long[] {768, 1000},
            new long[] {1000, 1000});
    assertThat(d.engine()).isEqualTo(Engine.MONTE_CARLO);
  }

  @Test
  void aLongRunReportsAboutAHundredTimesIncreasingAndEndsAtTheTotal() {
    int trials = 100_000; // 391 blocks: a report every 3 blocks
    List<Long> seen = java.util.Collections.synchronizedList(new ArrayList<>());
    long[] sums =
        MonteCarlo.of(trials, 9, 2)
            .trialSums(
                A,
                P,
                (done, total) -> {
                  assertThat(total).isEqualTo(trials);
                  seen.add(done);
                });
    assertThat(seen).isSorted().startsWith(0L).endsWith((long) trials);
    assertThat(seen.size()).isBetween(50, 140);
    assertThat(sums).isEqualTo(MonteCarlo.of(trials, 9, 1).trialSums(A, P));
  }

  @Test
  void aNullListenerOnTheEngineIsATypedError() {
    assertThatThrownBy(() -> MonteCarlo.of(10, 1, 1).trialSums(A, P, null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("progress");
  }

  @Test
  void aNullListenerIsATypedError() {
    assertThatThrownBy(() -> RevenueDistributions.monteCarlo(A, P, 10, 5, null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("progress");
  }

  @Property(tries = 30)
  void theListenerDoesNotChangeTheResult(
      @ForAll("medium") Pipe d,
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 1500) int trials) {
    RevenueDistribution plain = RevenueDistributions.monteCarlo(d.a(), d.p(), trials, seed);
    RevenueDistribution heard =
        RevenueDistributions.monteCarlo(d.a(), d.p(), trials, seed, (done, total) -> {});
    for (double q = 0.05; q < 1; q += 0.05) {
      assertThat(heard.quantile(q)).isEqualTo(plain.quantile(q));
    }
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<Pipe> medium() {
    return DistributionPropertiesTest.pipes(60, 1_000_000);
  }
}
