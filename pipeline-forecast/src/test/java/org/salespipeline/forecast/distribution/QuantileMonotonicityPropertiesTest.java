package org.salespipeline.forecast.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import org.salespipeline.forecast.distribution.DistributionPropertiesTest.Pipe;
import org.salespipeline.forecast.internal.Gaussian;

/**
 * Every engine is a distribution function: {@code quantile} non-decreasing in q, {@code cdf}
 * non-decreasing in x and within [0, 1], {@code probabilityAtLeast} non-increasing, and {@code
 * quantile(cdf(x))} consistent with x (at most x, up to the engine's search resolution).
 */
class QuantileMonotonicityPropertiesTest {

  @Provide
  Arbitrary<Pipe> pipes() {
    return Arbitraries.oneOf(
        DistributionPropertiesTest.pipes(14, 1_000),
        DistributionPropertiesTest.pipes(80, 1_000_000),
        dominated());
  }

  /** Many small deals and a few dominant ones: the hybrid's lattice plus kernel case. */
  static Arbitrary<Pipe> dominated() {
    return Arbitraries.integers()
        .between(1, 4)
        .flatMap(
            big ->
                DistributionPropertiesTest.pipes(200, 5_000)
                    .map(
                        small -> {
                          int n = small.a().length + big;
                          long[] a = java.util.Arrays.copyOf(small.a(), n);
                          double[] p = java.util.Arrays.copyOf(small.p(), n);
                          for (int k = small.a().length; k < n; k++) {
                            a[k] = 1_000_000L * (k % 5 + 1);
                            p[k] = 0.1 + 0.2 * (k % 4);
                          }
                          return new Pipe(a, p);
                        }));
  }

  static List<RevenueDistribution> engines(Pipe d) {
    List<RevenueDistribution> out =
        new java.util.ArrayList<>(
            List.of(
                RevenueDistributions.hybrid(d.a(), d.p()),
                RevenueDistributions.normal(d.a(), d.p()),
                RevenueDistributions.auto(d.a(), d.p()),
                RevenueDistributions.monteCarlo(d.a(), d.p(), 700, 11)));
    if (d.a().length <= 20) {
      out.add(RevenueDistributions.exact(d.a(), d.p()));
    }
    return out;
  }

  @net.jqwik.api.Example
  void levelsNearZeroAndOneGiveFiniteOrderedQuantiles() {
    RevenueDistribution n =
        RevenueDistributions.normal(new long[] {1000, 2000, 3000}, new double[] {0.5, 0.5, 0.5});
    double[] levels = {Double.MIN_VALUE, 1e-310, 1e-300, 1e-12, 0.5, 1 - 1e-16};
    double previous = Double.NEGATIVE_INFINITY;
    for (double q : levels) {
      double x = n.quantile(q);
      assertThat(x).as("q=%s", q).isFinite().isGreaterThanOrEqualTo(previous);
      previous = x;
    }
    assertThat(NormalDistribution.phiInverse(Double.MIN_VALUE)).isFinite();
  }

  @Property(tries = 200)
  void quantileIsNonDecreasingInQ(
      @ForAll("pipes") Pipe d,
      @ForAll @DoubleRange(min = 1e-9, max = 1, maxIncluded = false) @Scale(12) double q1,
      @ForAll @DoubleRange(min = 0, max = 1) double t) {
    double q2 = q1 + (1 - q1) * t;
    if (!(q2 < 1)) {
      return;
    }
    for (RevenueDistribution r : engines(d)) {
      assertThat(r.quantile(q2)).as("%s", r.engine()).isGreaterThanOrEqualTo(r.quantile(q1));
      // neighbouring levels: the place where rounding would show
      double up = Math.nextUp(q1);
      if (up < 1) {
        assertThat(r.quantile(up)).as("%s", r.engine()).isGreaterThanOrEqualTo(r.quantile(q1));
      }
    }
  }

  @Property(tries = 200)
  void cdfIsNonDecreasingAndProbabilityAtLeastNonIncreasing(
      @ForAll("pipes") Pipe d,
      @ForAll @DoubleRange(min = -0.1, max = 1.1) double u,
      @ForAll @DoubleRange(min = 0, max = 1) double t) {
    long lo = DistributionPropertiesTest.certain(d);
    long hi = DistributionPropertiesTest.possible(d);
    double x1 = lo + (hi - lo) * u;
    double x2 = x1 + (hi - lo + 1) * t;
    for (RevenueDistribution r : engines(d)) {
      for (double[] pair :
          new double[][] {{x1, x2}, {x1, Math.nextUp(x1)}, {x1, x1 + 0.5}, {x1, x1 + 1}}) {
        double f1 = r.cdf(pair[0]);
        double f2 = r.cdf(pair[1]);
        assertThat(f1).as("%s", r.engine()).isBetween(0.0, 1.0);
        assertThat(f2).as("%s", r.engine()).isGreaterThanOrEqualTo(f1);
        assertThat(r.probabilityAtLeast(pair[1]))
            .as("%s", r.engine())
            .isBetween(0.0, 1.0)
            .isLessThanOrEqualTo(r.probabilityAtLeast(pair[0]));
      }
    }
  }

  @Property(tries = 200)
  void quantileOfCdfIsConsistent(
      @ForAll("pipes") Pipe d,
      @ForAll @DoubleRange(min = 0, max = 1) double u,
      @ForAll @DoubleRange(min = 0.001, max = 0.999) @Scale(6) double q) {
    long lo = DistributionPropertiesTest.certain(d);
    long hi = DistributionPropertiesTest.possible(d);
    double x = lo + (hi - lo) * u;
    for (RevenueDistribution r : engines(d)) {
      // why: the hybrid searches by bisection to half a minor unit; the normal inverts its Phi
      // grid exactly, but near Phi = 1 the levels are 1.1e-16 apart, coarser than the grid's
      // steps there, so z comes back to within one grid step (2^-20) of sigma
      double resolution =
          r.engine() == Engine.HYBRID
              ? 0.5
              : 1e-9 * (1 + Math.abs(x)) + r.standardDeviation() * 0x1p-20;
      double f = r.cdf(x);
      if (f > 0 && f < 1) {
        double back = r.quantile(f);
        assertThat(back).as("%s", r.engine()).isLessThanOrEqualTo(x + resolution);
        // the exact engine counts a level reached within 1e-12 as reached
        assertThat(r.cdf(back + resolution)).as("%s", r.engine()).isGreaterThanOrEqualTo(f - 1e-12);
      }
      double xq = r.quantile(q);
      assertThat(xq).as("%s", r.engine()).isBetween((double) lo, (double) hi);
      // the smallest x with cdf(x) >= q: reached at xq, not reached just below it
      assertThat(r.cdf(xq + resolution)).as("%s", r.engine()).isGreaterThanOrEqualTo(q - 1e-12);
    }
  }

  @Property(tries = 2000)
  void monotonePhiIsNonDecreasingAndCloseToGaussian(
      @ForAll @DoubleRange(min = -45, max = 45) double z,
      @ForAll @DoubleRange(min = 0, max = 1e-3) @Scale(9) double dz) {
    double f = NormalDistribution.phi(z);
    assertThat(f).isBetween(0.0, 1.0);
    assertThat(NormalDistribution.phi(Math.nextUp(z))).isGreaterThanOrEqualTo(f);
    assertThat(NormalDistribution.phi(z + dz)).isGreaterThanOrEqualTo(f);
    assertThat(f).isCloseTo(Gaussian.cdf(z), org.assertj.core.api.Assertions.within(1e-13));
  }

  @Property(tries = 2000)
  void phiInverseIsNonDecreasingAndInvertsPhi(
      @ForAll @DoubleRange(min = 0, max = 1, minIncluded = false, maxIncluded = false) @Scale(15)
          double q) {
    double z = NormalDistribution.phiInverse(q);
    double up = Math.nextUp(q);
    if (up < 1) {
      assertThat(NormalDistribution.phiInverse(up)).isGreaterThanOrEqualTo(z);
    }
    // the smallest z of the grid interpolation that reaches q, up to one rounding of z
    assertThat(NormalDistribution.phi(Math.nextUp(z))).isGreaterThanOrEqualTo(q);
    assertThat(NormalDistribution.phi(Math.nextDown(Math.nextDown(z)))).isLessThanOrEqualTo(q);
  }

  /** The interpolation is monotone only if Phi is on the grid: checked at every grid point. */
  @org.junit.jupiter.api.Test
  void phiIsNonDecreasingOnEveryGridPoint() {
    double previous = 0;
    for (long k = -40L << 20; k <= 40L << 20; k++) {
      double f = Gaussian.cdf(k * 0x1p-20);
      if (f < previous) {
        throw new AssertionError("Gaussian.cdf falls at grid point " + k * 0x1p-20);
      }
      previous = f;
    }
    assertThat(previous).isEqualTo(1.0);
  }
}
