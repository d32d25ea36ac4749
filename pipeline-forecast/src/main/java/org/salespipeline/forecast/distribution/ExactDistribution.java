package org.salespipeline.forecast.distribution;

import java.util.Arrays;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.ValidationException;

/** Exact distribution over the distinct sums, by repeated merge-convolution. */
final class ExactDistribution implements RevenueDistribution {
  static final int MAX_SUPPORT = 1 << 22;

  private final long[] values;
  private final double[] cum;
  private final double mean;
  private final double sd;

  private ExactDistribution(long[] values, double[] pmf, double mean, double sd) {
    this.values = values;
    this.cum = new double[pmf.length];
    double c = 0;
    for (int i = 0; i < pmf.length; i++) {
      c += pmf[i];
      cum[i] = Math.min(1.0, c);
    }
    cum[cum.length - 1] = 1.0;
    this.mean = mean;
    this.sd = sd;
  }

  static ExactDistribution of(Deals d) {
    long[] vals = {0};
    double[] pr = {1.0};
    for (int i = 0; i < d.a.length; i++) {
      long a = d.a[i];
      double p = d.p[i];
      double q = 1 - p;
      int n = vals.length;
      long[] nv = new long[2 * n];
      double[] np = new double[2 * n];
      int x = 0;
      int y = 0;
      int k = 0;
      while (x < n || y < n) {
        long vx = x < n ? vals[x] : Long.MAX_VALUE;
        long vy = y < n ? vals[y] + a : Long.MAX_VALUE;
        if (vx < vy) {
          nv[k] = vx;
          np[k++] = pr[x++] * q;
        } else if (vy < vx) {
          nv[k] = vy;
          np[k++] = pr[y++] * p;
        } else {
          nv[k] = vx;
          np[k++] = pr[x++] * q + pr[y++] * p;
        }
      }
      if (k > MAX_SUPPORT) {
        throw new ValidationException(
            FieldProblem.of(
                "amounts",
                d.a.length + " deals",
                "give more than " + MAX_SUPPORT + " distinct sums; use the hybrid engine"));
      }
      vals = Arrays.copyOf(nv, k);
      pr = Arrays.copyOf(np, k);
    }
    for (int i = 0; i < vals.length; i++) {
      vals[i] += d.offset;
    }
    return new ExactDistribution(vals, pr, d.mean, d.sd());
  }

  /** The distinct values S can take, ascending. */
  long[] support() {
    return values.clone();
  }

  @Override
  public Engine engine() {
    return Engine.EXACT;
  }

  @Override
  public double mean() {
    return mean;
  }

  @Override
  public double standardDeviation() {
    return sd;
  }

  @Override
  public double cdf(double x) {
    int i = lastAtMost(x);
    return i < 0 ? 0 : cum[i];
  }

  @Override
  public double probabilityAtLeast(double x) {
    int i = lastAtMost(Math.nextDown(x));
    return i < 0 ? 1 : Math.max(0, 1 - cum[i]);
  }

  @Override
  public double quantile(double q) {
    Deals.checkLevel(q);
    // why: cumulative sums carry rounding of ~1e-16; a level reached within 1e-12 counts as
    // reached, so that quantiles stay monotone when an input changes by a rounding error
    double level = q - 1e-12;
    int lo = 0;
    int hi = cum.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cum[mid] >= level) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return values[lo];
  }

  @Override
  public double errorBound() {
    return 0;
  }

  private int lastAtMost(double x) {
    int lo = 0;
    int hi = values.length - 1;
    int ans = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (values[mid] <= x) {
        ans = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return ans;
  }
}
