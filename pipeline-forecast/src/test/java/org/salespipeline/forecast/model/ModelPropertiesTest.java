package org.salespipeline.forecast.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** FORECASTING.md invariants 6 (Markov) and 7 (Beta posterior). */
class ModelPropertiesTest {

  /** A random chain where every state closes with positive probability. */
  static AbsorbingChain randomChain(int t, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] q = new double[t][t];
    double[][] rr = new double[t][2];
    for (int i = 0; i < t; i++) {
      double[] w = new double[t + 2];
      double s = 0;
      for (int j = 0; j < w.length; j++) {
        w[j] = r.nextDouble() < 0.4 ? 0 : r.nextDouble();
        s += w[j];
      }
      w[t + 1] += 0.05;
      s += 0.05;
      for (int j = 0; j < t; j++) {
        q[i][j] = w[j] / s;
      }
      rr[i][0] = w[t] / s;
      rr[i][1] = w[t + 1] / s;
      double total = rr[i][0] + rr[i][1];
      for (int j = 0; j < t; j++) {
        total += q[i][j];
      }
      rr[i][1] += 1 - total;
      rr[i][1] = Math.max(0, rr[i][1]);
    }
    return AbsorbingChain.of(q, rr);
  }

  @Property(tries = 300)
  void absorptionRowsSumToOne(@ForAll @IntRange(min = 1, max = 8) int t, @ForAll long seed) {
    AbsorbingChain c = randomChain(t, seed);
    for (double[] row : c.absorption()) {
      assertThat(row[0] + row[1]).isCloseTo(1, within(1e-9));
      assertThat(row[0]).isBetween(-1e-12, 1 + 1e-12);
    }
  }

  @Property(tries = 200)
  void horizonWinGrowsTowardB(@ForAll @IntRange(min = 1, max = 6) int t, @ForAll long seed) {
    AbsorbingChain c = randomChain(t, seed);
    double[][] prev = c.absorptionWithin(0);
    for (int h = 1; h <= 40; h++) {
      double[][] next = c.absorptionWithin(h);
      for (int i = 0; i < t; i++) {
        assertThat(next[i][0]).isGreaterThanOrEqualTo(prev[i][0] - 1e-15);
        assertThat(next[i][0]).isLessThanOrEqualTo(c.absorption(i, 0) + 1e-9);
      }
      prev = next;
    }
    double[][] far = c.absorptionWithin(3000);
    for (int i = 0; i < t; i++) {
      assertThat(far[i][0]).isCloseTo(c.absorption(i, 0), within(1e-6));
    }
  }

  @Property(tries = 300)
  void linearFunnelGivesTheProductOfConversions(
      @ForAll @IntRange(min = 1, max = 7) int t, @ForAll long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<String> names = new java.util.ArrayList<>();
    for (int k = 0; k < t; k++) {
      names.add("s" + k);
    }
    var b = StageTransitions.builder(names);
    double[] conv = new double[t];
    for (int k = 0; k < t; k++) {
      int adv = 1 + r.nextInt(50);
      int lost = r.nextInt(50);
      conv[k] = (double) adv / (adv + lost);
      for (int i = 0; i < adv; i++) {
        if (k + 1 < t) {
          b.moved(k, k + 1);
        } else {
          b.won(k);
        }
      }
      for (int i = 0; i < lost; i++) {
        b.lost(k);
      }
    }
    MarkovChainModel m = MarkovChainModel.fit(b.build());
    double prod = 1;
    for (int k = t - 1; k >= 0; k--) {
      prod *= conv[k];
      assertThat(m.winProbability(k)).isCloseTo(prod, within(1e-12));
    }
  }

  @Property
  void betaPosteriorLiesBetweenPriorMeanAndRawRate(
      @ForAll @DoubleRange(min = 0.01, max = 100) double alpha,
      @ForAll @DoubleRange(min = 0.01, max = 100) double beta,
      @ForAll @LongRange(min = 1, max = 1_000_000) long n,
      @ForAll @DoubleRange(min = 0, max = 1) double share) {
    long s = Math.round(n * share);
    BetaPrior prior = new BetaPrior(alpha, beta);
    double post = prior.posteriorMean(s, n);
    double raw = (double) s / n;
    assertThat(post)
        .isBetween(Math.min(raw, prior.mean()) - 1e-12, Math.max(raw, prior.mean()) + 1e-12);
  }

  @Property
  void fittedPriorIsValidForAnyCounts(@ForAll("counts") long[][] counts) {
    BetaPrior p = BetaPrior.fitMoments(counts[0], counts[1]);
    assertThat(p.alpha()).isPositive();
    assertThat(p.beta()).isPositive();
    assertThat(p.mean()).isBetween(0.0, 1.0);
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<long[][]> counts() {
    return net.jqwik.api.Arbitraries.longs()
        .between(0, 10_000)
        .list()
        .ofMinSize(0)
        .ofMaxSize(10)
        .flatMap(
            ns ->
                net.jqwik.api.Arbitraries.doubles()
                    .between(0, 1)
                    .list()
                    .ofSize(ns.size())
                    .map(
                        shares -> {
                          long[] n = ns.stream().mapToLong(Long::longValue).toArray();
                          long[] s = new long[n.length];
                          for (int i = 0; i < n.length; i++) {
                            s[i] = Math.round(n[i] * shares.get(i));
                          }
                          return new long[][] {s, n};
                        }));
  }
}
