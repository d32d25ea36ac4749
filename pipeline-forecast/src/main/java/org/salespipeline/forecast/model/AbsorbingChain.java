package org.salespipeline.forecast.model;

import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.ValidationException;

/**
 * An absorbing Markov chain in canonical form: {@code Q} (t x t) between transient states (open
 * stages) and {@code R} (t x r) into absorbing states (won, lost). Computes the fundamental matrix
 * {@code N = (I - Q)^-1}, absorption probabilities {@code B = N R}, expected steps to absorption
 * {@code t = N 1}, and absorption within h steps {@code sum_{k<h} Q^k R} (Kemeny and Snell, Finite
 * Markov Chains, 1960; Grinstead and Snell, Introduction to Probability, ch. 11).
 *
 * <p>Immutable and thread-safe; accessors return copies.
 */
public final class AbsorbingChain {
  private final double[][] q;
  private final double[][] r;
  private final double[][] n;
  private final double[][] b;
  private final double[] steps;

  private AbsorbingChain(double[][] q, double[][] r) {
    this.q = q;
    this.r = r;
    this.n = invert(identityMinus(q));
    this.b = multiply(n, r);
    this.steps = new double[q.length];
    for (int i = 0; i < q.length; i++) {
      double s = 0;
      for (double x : n[i]) {
        s += x;
      }
      steps[i] = s;
    }
  }

  /**
   * A chain from its canonical blocks. Each row of {@code [Q R]} must be non-negative and sum to 1
   * (within 1e-9), and every transient state must reach absorption.
   *
   * @throws ValidationException if the shapes disagree, a row is not a distribution, or some state
   *     never absorbs ({@code I - Q} singular)
   */
  public static AbsorbingChain of(double[][] q, double[][] r) {
    int t = q.length;
    if (r.length != t || t == 0) {
      throw new ValidationException(FieldProblem.of("r", r.length, "must have " + t + " rows"));
    }
    double[][] qc = new double[t][];
    double[][] rc = new double[t][];
    for (int i = 0; i < t; i++) {
      if (q[i].length != t || r[i].length != r[0].length) {
        throw new ValidationException(FieldProblem.of("q[" + i + "]", q[i].length, "bad shape"));
      }
      qc[i] = q[i].clone();
      rc[i] = r[i].clone();
      double s = 0;
      for (double x : qc[i]) {
        s += check(x, i);
      }
      for (double x : rc[i]) {
        s += check(x, i);
      }
      if (Math.abs(s - 1) > 1e-9) {
        throw new ValidationException(FieldProblem.of("row[" + i + "]", s, "must sum to 1"));
      }
    }
    return new AbsorbingChain(qc, rc);
  }

  private static double check(double x, int i) {
    if (!(x >= 0 && x <= 1)) {
      throw new ValidationException(FieldProblem.of("row[" + i + "]", x, "must be in [0, 1]"));
    }
    return x;
  }

  /** The number of transient states. */
  public int transientStates() {
    return q.length;
  }

  /** The fundamental matrix N: expected visits to j starting from i. */
  public double[][] fundamental() {
    return copy(n);
  }

  /** Absorption probabilities B = N R. */
  public double[][] absorption() {
    return copy(b);
  }

  /** The probability of ending in absorbing state {@code k} from transient state {@code i}. */
  public double absorption(int i, int k) {
    return b[i][k];
  }

  /** Expected steps before absorption, t = N 1. */
  public double[] expectedSteps() {
    return steps.clone();
  }

  /**
   * Absorption into each absorbing state within {@code h} steps, {@code sum_{k<h} Q^k R}; grows
   * with h toward {@link #absorption()}.
   *
   * @param h steps, not negative
   */
  public double[][] absorptionWithin(int h) {
    if (h < 0) {
      throw new ValidationException(FieldProblem.of("h", h, "must not be negative"));
    }
    int t = q.length;
    double[][] power = new double[t][t];
    for (int i = 0; i < t; i++) {
      power[i][i] = 1;
    }
    double[][] acc = new double[t][r[0].length];
    for (int k = 0; k < h; k++) {
      double[][] pr = multiply(power, r);
      for (int i = 0; i < t; i++) {
        for (int j = 0; j < acc[i].length; j++) {
          acc[i][j] += pr[i][j];
        }
      }
      power = multiply(power, q);
    }
    return acc;
  }

  private static double[][] identityMinus(double[][] q) {
    int t = q.length;
    double[][] m = new double[t][t];
    for (int i = 0; i < t; i++) {
      for (int j = 0; j < t; j++) {
        m[i][j] = (i == j ? 1 : 0) - q[i][j];
      }
    }
    return m;
  }

  /** Gauss-Jordan with partial pivoting. */
  private static double[][] invert(double[][] m) {
    int t = m.length;
    double[][] a = copy(m);
    double[][] inv = new double[t][t];
    for (int i = 0; i < t; i++) {
      inv[i][i] = 1;
    }
    for (int c = 0; c < t; c++) {
      int piv = c;
      for (int i = c + 1; i < t; i++) {
        if (Math.abs(a[i][c]) > Math.abs(a[piv][c])) {
          piv = i;
        }
      }
      if (Math.abs(a[piv][c]) < 1e-12) {
        throw new ValidationException(
            FieldProblem.of("q", "state " + c, "never reaches an absorbing state"));
      }
      double[] tmp = a[c];
      a[c] = a[piv];
      a[piv] = tmp;
      tmp = inv[c];
      inv[c] = inv[piv];
      inv[piv] = tmp;
      double d = a[c][c];
      for (int j = 0; j < t; j++) {
        a[c][j] /= d;
        inv[c][j] /= d;
      }
      for (int i = 0; i < t; i++) {
        if (i != c && a[i][c] != 0) {
          double f = a[i][c];
          for (int j = 0; j < t; j++) {
            a[i][j] -= f * a[c][j];
            inv[i][j] -= f * inv[c][j];
          }
        }
      }
    }
    return inv;
  }

  private static double[][] multiply(double[][] x, double[][] y) {
    int rows = x.length;
    int inner = y.length;
    int cols = y[0].length;
    double[][] out = new double[rows][cols];
    for (int i = 0; i < rows; i++) {
      for (int k = 0; k < inner; k++) {
        double v = x[i][k];
        if (v != 0) {
          for (int j = 0; j < cols; j++) {
            out[i][j] += v * y[k][j];
          }
        }
      }
    }
    return out;
  }

  private static double[][] copy(double[][] m) {
    double[][] c = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      c[i] = m[i].clone();
    }
    return c;
  }
}
