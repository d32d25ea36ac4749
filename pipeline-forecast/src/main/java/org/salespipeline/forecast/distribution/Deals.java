package org.salespipeline.forecast.distribution;

import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.ValidationException;

/**
 * Validated engine input: deals with p = 1 folded into a constant, deals with p = 0 or a = 0
 * dropped, the rest ("active") kept with their exact moments.
 */
final class Deals {
  final long offset;
  final long[] a;
  final double[] p;
  final double mean;
  final double variance;
  final double rho;
  final long max;

  private Deals(
      long offset, long[] a, double[] p, double mean, double variance, double rho, long max) {
    this.offset = offset;
    this.a = a;
    this.p = p;
    this.mean = mean;
    this.variance = variance;
    this.rho = rho;
    this.max = max;
  }

  /**
   * Validates and computes the moments in one pass without copying the active deals (for the normal
   * approximation and for choosing an engine); {@link #a} and {@link #p} stay empty.
   */
  static Deals moments(long[] amounts, double[] probabilities) {
    checkShape(amounts, probabilities);
    long offset = 0;
    long hi = 0;
    double m = 0;
    double v = 0;
    double r = 0;
    for (int i = 0; i < amounts.length; i++) {
      long x = amounts[i];
      double pi = probabilities[i];
      if (x < 0 || !(pi >= 0 && pi <= 1)) {
        checkEntry(i, x, pi);
      }
      double xd = x;
      double qi = 1 - pi;
      double x2pq = xd * xd * pi * qi;
      m += xd * pi;
      v += x2pq;
      r += xd * x2pq * (pi * pi + qi * qi);
      hi += pi > 0 ? x : 0;
      offset += pi == 1 ? x : 0;
    }
    return new Deals(offset, new long[0], new double[0], m, v, r, hi);
  }

  private static void checkShape(long[] amounts, double[] probabilities) {
    if (amounts == null || probabilities == null) {
      throw new ValidationException(FieldProblem.of("deals", null, "must not be null"));
    }
    if (amounts.length != probabilities.length) {
      throw new ValidationException(
          FieldProblem.of(
              "probabilities",
              probabilities.length,
              "must have one entry per amount (" + amounts.length + ")"));
    }
  }

  private static void checkEntry(int i, long x, double pi) {
    if (x < 0) {
      throw new ValidationException(FieldProblem.of("amounts[" + i + "]", x, "is negative"));
    }
    throw new ValidationException(
        FieldProblem.of("probabilities[" + i + "]", pi, "must be in [0, 1]"));
  }

  private Deals(long offset, long[] a, double[] p) {
    this.offset = offset;
    this.a = a;
    this.p = p;
    double m = offset;
    double v = 0;
    double r = 0;
    long hi = offset;
    for (int i = 0; i < a.length; i++) {
      double x = a[i];
      double pi = p[i];
      double qi = 1 - pi;
      m += x * pi;
      v += x * x * pi * qi;
      r += x * x * x * pi * qi * (pi * pi + qi * qi);
      hi += a[i];
    }
    this.mean = m;
    this.variance = v;
    this.rho = r;
    this.max = hi;
  }

  static Deals of(long[] amounts, double[] probabilities) {
    checkShape(amounts, probabilities);
    long offset = 0;
    int active = 0;
    for (int i = 0; i < amounts.length; i++) {
      long x = amounts[i];
      double pi = probabilities[i];
      if (x < 0) {
        throw new ValidationException(FieldProblem.of("amounts[" + i + "]", x, "is negative"));
      }
      if (!(pi >= 0 && pi <= 1)) {
        throw new ValidationException(
            FieldProblem.of("probabilities[" + i + "]", pi, "must be in [0, 1]"));
      }
      if (x > 0 && pi > 0 && pi < 1) {
        active++;
      } else if (pi == 1) {
        offset = Math.addExact(offset, x);
      }
    }
    long[] a = new long[active];
    double[] p = new double[active];
    int k = 0;
    for (int i = 0; i < amounts.length; i++) {
      if (amounts[i] > 0 && probabilities[i] > 0 && probabilities[i] < 1) {
        a[k] = amounts[i];
        p[k++] = probabilities[i];
      }
    }
    return new Deals(offset, a, p);
  }

  double sd() {
    return Math.sqrt(variance);
  }

  /** 0.56 sum rho / sigma^3 (Shevtsova 2010 constant), capped at 1; 0 for a point mass. */
  double berryEsseen() {
    if (variance <= 0) {
      return 0;
    }
    return Math.min(1.0, 0.56 * rho / (variance * Math.sqrt(variance)));
  }

  static void checkLevel(double q) {
    if (!(q > 0 && q < 1)) {
      throw new ValidationException(FieldProblem.of("q", q, "must be in (0, 1)"));
    }
  }
}
