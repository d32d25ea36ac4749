package org.salespipeline.forecast.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.ValidationException;

class DistributionExamplesTest {

  @Test
  void poissonBinomialReferenceValues() {
    assertThat(PoissonBinomial.pmf(new double[] {0.1, 0.2, 0.2}))
        .containsExactly(new double[] {0.576, 0.352, 0.068, 0.004}, within(1e-12));
    assertThat(PoissonBinomial.pmf(new double[] {0.5, 0.3, 0.7, 0.3, 0.9}))
        .containsExactly(
            new double[] {0.00735, 0.09695, 0.3167, 0.3747, 0.17595, 0.02835}, within(1e-12));
  }

  @Test
  void badInputIsATypedError() {
    assertThatThrownBy(() -> RevenueDistributions.exact(new long[] {1}, new double[] {Double.NaN}))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> RevenueDistributions.normal(new long[] {-1}, new double[] {0.5}))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> RevenueDistributions.hybrid(new long[] {1, 2}, new double[] {0.5}))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> RevenueDistributions.auto(new long[0], new double[0]).quantile(1.0))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void emptyPipelineIsAPointMassAtZero() {
    RevenueDistribution d = RevenueDistributions.auto(new long[0], new double[0]);
    assertThat(d.p10()).isZero();
    assertThat(d.p90()).isZero();
    assertThat(d.probabilityAtLeast(0)).isEqualTo(1);
    assertThat(d.probabilityAtLeast(1)).isZero();
  }

  /** 100k deals, 5 of which hold 25% of the amount: the normal is visibly off, the hybrid not. */
  @Test
  void hybridMatchesMonteCarloWithDominantDeals() {
    int n = 20_000;
    long[] a = new long[n];
    double[] p = new double[n];
    SplittableRandom r = new SplittableRandom(11);
    long small = 0;
    for (int i = 5; i < n; i++) {
      a[i] = 1_000 + r.nextInt(100_000);
      p[i] = r.nextDouble();
      small += a[i];
    }
    for (int i = 0; i < 5; i++) {
      a[i] = small / 15;
      p[i] = 0.3 + 0.1 * i;
    }
    RevenueDistribution h = RevenueDistributions.hybrid(a, p);
    RevenueDistribution auto = RevenueDistributions.auto(a, p);
    RevenueDistribution mc = MonteCarlo.of(100_000, 5, 2).distribution(a, p);
    assertThat(auto.engine()).isEqualTo(Engine.HYBRID);
    // the 2^5 outcomes of the dominant deals make the density multimodal: a quantile in a gap
    // between modes is ill-conditioned, so compare in probability (DKW radius of 1e5 trials ~0.004)
    for (double q = 0.05; q < 1; q += 0.05) {
      assertThat(mc.cdf(h.quantile(q))).isCloseTo(q, within(0.006));
    }
  }
}
