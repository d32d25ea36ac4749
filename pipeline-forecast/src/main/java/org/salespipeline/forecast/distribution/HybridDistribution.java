package org.salespipeline.forecast.distribution;

import java.util.Arrays;

/**
 * Large deals convolved exactly on a lattice of step h, the remaining small deals as one Gaussian
 * kernel: {@code F(x) = sum_j P(L = j h) Phi((x - offset - mu_s - j h) / sigma_s)}.
 *
 * <p>Large deals are those with {@code a_i >= 0.02 sigma}, largest first, as many as keep both the
 * lattice within {@value #MAX_LATTICE} points and the rounding of their amounts to the lattice
 * within {@code 0.002 sigma} in total. The error bound is the Berry-Esseen bound of the small part
 * alone (the mixture cannot be further from the truth than its kernel).
 *
 * <p>{@link #cdf} is non-decreasing in x (each kernel term is, through the monotone {@link
 * NormalDistribution#phi}, and the terms are added in a fixed order), so the bisection of {@link
 * #quantile} is non-decreasing in q and {@code quantile(cdf(x)) <= x + 0.5}.
 */
final class HybridDistribution implements RevenueDistribution {
  static final int MAX_LATTICE = 1 << 14;
  private static final int MAX_LARGE = 64;
  private static final double LARGE = 0.02;
  private static final double ROUNDING = 0.002;
  private static final double WINDOW = 8.5;

  private final double mean;
  private final double sd;
  private final double base;
  private final long step;
  private final double[] pmf;
  private final double[] cum;
  private final double sdSmall;
  private final double lo;
  private final double hi;
  private final double bound;
  private final int largeCount;

  private HybridDistribution(
      Deals d, long step, double[] pmf, double muSmall, double sdSmall, double bound, int k) {
    this.mean = d.mean;
    this.sd = d.sd();
    this.base = d.offset + muSmall;
    this.step = step;
    this.pmf = pmf;
    this.cum = new double[pmf.length];
    double c = 0;
    for (int j = 0; j < pmf.length; j++) {
      c += pmf[j];
      cum[j] = c;
    }
    this.sdSmall = sdSmall;
    this.lo = d.offset;
    this.hi = d.max;
    this.bound = bound;
    this.largeCount = k;
  }

  static HybridDistribution of(Deals d) {
    double sigma = d.sd();
    int n = d.a.length;
    // candidates: deals at or above the threshold, largest first
    long threshold = (long) Math.ceil(LARGE * sigma);
    int c = 0;
    for (int i = 0; i < n; i++) {
      if (d.a[i] >= threshold) {
        c++;
      }
    }
    if (c > MAX_LARGE) {
      long[] amounts = new long[c];
      c = 0;
      for (int i = 0; i < n; i++) {
        if (d.a[i] >= threshold) {
          amounts[c++] = d.a[i];
        }
      }
      Arrays.sort(amounts);
      threshold = amounts[c - MAX_LARGE];
    }
    java.util.List<Integer> cand = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (d.a[i] >= threshold) {
        cand.add(i);
      }
    }
    cand.sort((x, y) -> Long.compare(d.a[y], d.a[x]));
    int[] order = cand.stream().mapToInt(Integer::intValue).toArray();
    c = order.length;
    int k = Math.min(c, MAX_LARGE);
    long step = 1;
    while (k > 0) {
      long sumLarge = 0;
      for (int j = 0; j < k; j++) {
        sumLarge += d.a[order[j]];
      }
      step = Math.max(1, (sumLarge + MAX_LATTICE - 1) / MAX_LATTICE);
      if (step == 1 || k * (step / 2.0) <= ROUNDING * sigma) {
        break;
      }
      k--;
    }
    boolean[] large = new boolean[n];
    double[] pmf = {1.0};
    int len = 1;
    if (k > 0) {
      int total = 0;
      int[] m = new int[k];
      for (int j = 0; j < k; j++) {
        int i = order[j];
        large[i] = true;
        m[j] = (int) Math.max(1, Math.round((double) d.a[i] / step));
        total += m[j];
      }
      pmf = new double[total + 1];
      pmf[0] = 1.0;
      len = 1;
      for (int j = 0; j < k; j++) {
        double p = d.p[order[j]];
        double q = 1 - p;
        int mj = m[j];
        for (int x = len - 1; x >= 0; x--) {
          double v = pmf[x];
          pmf[x + mj] += v * p;
          pmf[x] = v * q;
        }
        len += mj;
      }
    }
    double mu = 0;
    double var = 0;
    double rho = 0;
    for (int i = 0; i < n; i++) {
      if (!large[i]) {
        double x = d.a[i];
        double p = d.p[i];
        double q = 1 - p;
        mu += x * p;
        var += x * x * p * q;
        rho += x * x * x * p * q * (p * p + q * q);
      }
    }
    double sdSmall = Math.sqrt(var);
    double bound = var > 0 ? Math.min(1.0, 0.56 * rho / (var * sdSmall)) : 0;
    return new HybridDistribution(d, step, Arrays.copyOf(pmf, len), mu, sdSmall, bound, k);
  }

  /** How many deals went onto the exact lattice. */
  int largeCount() {
    return largeCount;
  }

  /** The lattice step in minor units. */
  long step() {
    return step;
  }

  @Override
  public Engine engine() {
    return Engine.HYBRID;
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
    if (x < lo) {
      return 0;
    }
    if (x >= hi) {
      return 1;
    }
    return clampedCdf(x);
  }

  private double clampedCdf(double x) {
    double y = x - base;
    int last = pmf.length - 1;
    if (sdSmall == 0) {
      double j = Math.floor(y / step);
      return j < 0 ? 0 : cum[(int) Math.min(last, j)];
    }
    double jhiD = Math.floor((y + WINDOW * sdSmall) / step);
    double jloD = Math.ceil((y - WINDOW * sdSmall) / step);
    if (jhiD < 0) {
      return 0;
    }
    int jlo = (int) Math.max(0, jloD);
    if (jlo > last) {
      return 1;
    }
    int jhi = (int) Math.min(last, jhiD);
    double f = jlo > 0 ? cum[jlo - 1] : 0;
    double inv = 1 / sdSmall;
    for (int j = jlo; j <= jhi; j++) {
      f += pmf[j] * NormalDistribution.phi((y - (double) j * step) * inv);
    }
    return Math.min(1, Math.max(0, f));
  }

  @Override
  public double probabilityAtLeast(double x) {
    if (x <= lo) {
      return 1;
    }
    if (x > hi) {
      return 0;
    }
    return Math.max(0, 1 - clampedCdf(sdSmall == 0 ? Math.nextDown(x) : x));
  }

  @Override
  public double quantile(double q) {
    Deals.checkLevel(q);
    double a = base - WINDOW * sdSmall - step;
    double b = base + (double) (pmf.length - 1) * step + WINDOW * sdSmall + step;
    // bisection to half a minor unit: F is monotone
    for (int it = 0; it < 200 && b - a > 0.5; it++) {
      double mid = 0.5 * (a + b);
      if (clampedCdf(mid) >= q) {
        b = mid;
      } else {
        a = mid;
      }
    }
    return Math.min(hi, Math.max(lo, b));
  }

  @Override
  public double errorBound() {
    return bound;
  }
}
