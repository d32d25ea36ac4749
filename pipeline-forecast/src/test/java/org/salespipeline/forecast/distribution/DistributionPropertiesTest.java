package org.salespipeline.forecast.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** FORECASTING.md invariants 2, 3, 4 and 5. */
class DistributionPropertiesTest {
  static final double[] LEVELS = {0.1, 0.5, 0.9};

  record Pipe(long[] a, double[] p) {}

  @Provide
  Arbitrary<Pipe> small() {
    return pipes(14, 1_000);
  }

  @Provide
  Arbitrary<Pipe> medium() {
    return pipes(60, 1_000_000);
  }

  static Arbitrary<Pipe> pipes(int maxSize, long maxAmount) {
    Arbitrary<Double> p =
        Arbitraries.oneOf(
            Arbitraries.doubles().between(0, 1), Arbitraries.of(0.0, 1.0, 0.5, 0.05, 0.95));
    return Combinators.combine(Arbitraries.longs().between(0, maxAmount), p)
        .as((a, q) -> new double[] {a, q})
        .list()
        .ofMaxSize(maxSize)
        .map(
            l -> {
              long[] a = new long[l.size()];
              double[] q = new double[l.size()];
              for (int i = 0; i < a.length; i++) {
                a[i] = (long) l.get(i)[0];
                q[i] = l.get(i)[1];
              }
              return new Pipe(a, q);
            });
  }

  /** Brute force: enumerate all 2^N outcomes; returns P(S <= x). */
  static double bruteCdf(Pipe d, double x) {
    int n = d.a.length;
    double f = 0;
    for (int m = 0; m < (1 << n); m++) {
      double pr = 1;
      long s = 0;
      for (int i = 0; i < n; i++) {
        if ((m >> i & 1) == 1) {
          pr *= d.p[i];
          s += d.a[i];
        } else {
          pr *= 1 - d.p[i];
        }
      }
      if (s <= x) {
        f += pr;
      }
    }
    return f;
  }

  static long certain(Pipe d) {
    long s = 0;
    for (int i = 0; i < d.a.length; i++) {
      s += d.p[i] == 1 ? d.a[i] : 0;
    }
    return s;
  }

  static long possible(Pipe d) {
    long s = 0;
    for (int i = 0; i < d.a.length; i++) {
      s += d.p[i] > 0 ? d.a[i] : 0;
    }
    return s;
  }

  static List<RevenueDistribution> engines(Pipe d) {
    return List.of(
        RevenueDistributions.exact(d.a, d.p),
        RevenueDistributions.hybrid(d.a, d.p),
        RevenueDistributions.normal(d.a, d.p),
        RevenueDistributions.monteCarlo(d.a, d.p, 2000, 7));
  }

  @Property(tries = 150)
  void quantilesAreOrderedWithinTheSupportRange(@ForAll("small") Pipe d) {
    for (RevenueDistribution r : engines(d)) {
      assertThat(r.p10()).isLessThanOrEqualTo(r.p50());
      assertThat(r.p50()).isLessThanOrEqualTo(r.p90());
      assertThat(r.p10()).isGreaterThanOrEqualTo(certain(d));
      assertThat(r.p90()).isLessThanOrEqualTo(possible(d));
      assertThat(r.probabilityAtLeast(r.p10())).isBetween(0.0, 1.0);
    }
  }

  @Property(tries = 150)
  void exactEqualsBruteForceEnumeration(@ForAll("small") Pipe d) {
    RevenueDistribution r = RevenueDistributions.exact(d.a, d.p);
    for (long x : ((ExactDistribution) r).support()) {
      assertThat(r.cdf(x)).isCloseTo(bruteCdf(d, x), within(1e-9));
      assertThat(r.probabilityAtLeast(x)).isCloseTo(1 - bruteCdf(d, x - 1), within(1e-9));
    }
    for (double q : LEVELS) {
      double x = r.quantile(q);
      assertThat(bruteCdf(d, x)).isGreaterThanOrEqualTo(q - 1e-9);
      assertThat(bruteCdf(d, x - 1)).isLessThan(q + 1e-9);
    }
  }

  @Property(tries = 150)
  void hybridWithinItsBoundOfBruteForce(@ForAll("small") Pipe d) {
    RevenueDistribution h = RevenueDistributions.hybrid(d.a, d.p);
    RevenueDistribution e = RevenueDistributions.exact(d.a, d.p);
    long[] support = ((ExactDistribution) e).support();
    double slack = ((HybridDistribution) h).largeCount() * ((HybridDistribution) h).step() / 2.0;
    for (long x : support) {
      // lattice rounding moves each large amount by at most step / 2
      double lo = e.cdf(x - slack - 1e-6);
      double hi = e.cdf(x + slack);
      assertThat(h.cdf(x)).isBetween(lo - h.errorBound() - 1e-9, hi + h.errorBound() + 1e-9);
    }
  }

  @Property(tries = 150)
  void normalWithinBerryEsseenOfExact(@ForAll("small") Pipe d) {
    RevenueDistribution n = RevenueDistributions.normal(d.a, d.p);
    RevenueDistribution e = RevenueDistributions.exact(d.a, d.p);
    for (long x : ((ExactDistribution) e).support()) {
      // both one-sided limits of the exact CDF at a jump
      double gap = Math.min(Math.abs(n.cdf(x) - e.cdf(x)), Math.abs(n.cdf(x) - e.cdf(x - 0.5)));
      assertThat(gap).isLessThanOrEqualTo(n.errorBound() + 1e-9);
    }
  }

  @Property(tries = 200)
  void raisingAProbabilityOrAmountNeverLowersAQuantile(
      @ForAll("small") Pipe d,
      @ForAll @IntRange(max = 13) int which,
      @ForAll @DoubleRange(min = 0, max = 1) double up,
      @ForAll @IntRange(max = 1000) int more) {
    if (d.a.length == 0) {
      return;
    }
    int i = which % d.a.length;
    double[] p2 = d.p.clone();
    p2[i] = d.p[i] + (1 - d.p[i]) * up;
    long[] a2 = d.a.clone();
    a2[i] += more;
    for (Pipe e : List.of(new Pipe(d.a, p2), new Pipe(a2, d.p))) {
      RevenueDistribution x0 = RevenueDistributions.exact(d.a, d.p);
      RevenueDistribution x1 = RevenueDistributions.exact(e.a, e.p);
      RevenueDistribution m0 = RevenueDistributions.monteCarlo(d.a, d.p, 1000, 3);
      RevenueDistribution m1 = RevenueDistributions.monteCarlo(e.a, e.p, 1000, 3);
      for (double q : LEVELS) {
        assertThat(x1.quantile(q)).isGreaterThanOrEqualTo(x0.quantile(q));
        assertThat(m1.quantile(q)).isGreaterThanOrEqualTo(m0.quantile(q));
      }
    }
  }

  @Property(tries = 200)
  void zeroOneProbabilitiesGiveAPointMass(
      @ForAll @Size(max = 30) List<@IntRange(max = 1_000_000) Integer> amounts, @ForAll long seed) {
    long[] a = amounts.stream().mapToLong(Integer::longValue).toArray();
    double[] p = new double[a.length];
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
    long sum = 0;
    for (int i = 0; i < a.length; i++) {
      p[i] = r.nextBoolean() ? 1 : 0;
      sum += p[i] == 1 ? a[i] : 0;
    }
    for (RevenueDistribution e :
        List.of(
            RevenueDistributions.exact(a, p),
            RevenueDistributions.hybrid(a, p),
            RevenueDistributions.normal(a, p),
            RevenueDistributions.auto(a, p),
            RevenueDistributions.monteCarlo(a, p, 300, seed))) {
      for (double q : LEVELS) {
        assertThat(e.quantile(q)).isEqualTo((double) sum);
      }
      assertThat(e.standardDeviation()).isZero();
      assertThat(e.probabilityAtLeast(sum)).isEqualTo(1.0);
    }
  }

  @Property(tries = 100)
  void equalDealsGiveABinomial(
      @ForAll @IntRange(min = 1, max = 40) int n,
      @ForAll @DoubleRange(min = 0.01, max = 0.99) double p,
      @ForAll @IntRange(min = 1, max = 10_000) int a) {
    long[] amounts = new long[n];
    double[] ps = new double[n];
    java.util.Arrays.fill(amounts, a);
    java.util.Arrays.fill(ps, p);
    RevenueDistribution e = RevenueDistributions.exact(amounts, ps);
    double c = 0;
    for (int k = 0; k <= n; k++) {
      c += binomial(n, k) * Math.pow(p, k) * Math.pow(1 - p, n - k);
      assertThat(e.cdf((double) k * a)).isCloseTo(Math.min(1, c), within(1e-9));
    }
  }

  static double binomial(int n, int k) {
    double r = 1;
    for (int i = 1; i <= k; i++) {
      r = r * (n - k + i) / i;
    }
    return r;
  }

  @Provide
  Arbitrary<Pipe> mediumSmallAmounts() {
    return pipes(60, 1_000);
  }

  @Property(tries = 30)
  void monteCarloWithinDkwOfExact(@ForAll("mediumSmallAmounts") Pipe d, @ForAll long seed) {
    int trials = 4000;
    RevenueDistribution m = RevenueDistributions.monteCarlo(d.a, d.p, trials, seed);
    ExactDistribution e = (ExactDistribution) RevenueDistributions.exact(d.a, d.p);
    // P(sup|F_T - F| > eps) <= 2 exp(-2 T eps^2) = 1e-6 (Massart's tight DKW constant)
    double eps = Math.sqrt(Math.log(2 / 1e-6) / (2.0 * trials));
    for (long x : e.support()) {
      assertThat(Math.abs(m.cdf(x) - e.cdf(x))).isLessThanOrEqualTo(eps);
      assertThat(Math.abs(m.cdf(x - 0.5) - e.cdf(x - 0.5))).isLessThanOrEqualTo(eps);
    }
  }

  @Property(tries = 20)
  void monteCarloDoesNotDependOnThreads(@ForAll("medium") Pipe d, @ForAll long seed) {
    long[] one = MonteCarlo.of(1000, seed, 1).trialSums(d.a, d.p);
    long[] two = MonteCarlo.of(1000, seed, 2).trialSums(d.a, d.p);
    assertThat(two).isEqualTo(one);
  }

  @Property
  void poissonBinomialSumsToOneWithItsMoments(
      @ForAll @Size(max = 50) List<@DoubleRange(min = 0, max = 1) Double> ps) {
    double[] p = ps.stream().mapToDouble(Double::doubleValue).toArray();
    double[] f = PoissonBinomial.pmf(p);
    double total = 0;
    double mean = 0;
    double second = 0;
    for (int k = 0; k < f.length; k++) {
      assertThat(f[k]).isGreaterThanOrEqualTo(0);
      total += f[k];
      mean += k * f[k];
      second += (double) k * k * f[k];
    }
    double mu = 0;
    double var = 0;
    for (double x : p) {
      mu += x;
      var += x * (1 - x);
    }
    assertThat(total).isCloseTo(1, within(1e-12));
    assertThat(mean).isCloseTo(mu, within(1e-9));
    assertThat(second - mean * mean).isCloseTo(var, within(1e-8));
  }
}
