package org.salespipeline.forecast.bookings;

import java.util.List;

/**
 * The rolling-origin evaluation of every candidate method before one origin, the choice among them
 * and each method's calibrated band at the origin. Immutable.
 *
 * <p>Choice (documented tie rule): while the pipeline model has fewer than {@link
 * ForecastEngine#MIN_CHOICE} scored past periods it is used; afterwards a naive method replaces it
 * when it has at least that many scored periods and a strictly lower WAPE than the pipeline model
 * on the same periods; among several such the lowest WAPE wins, ties going to the earlier of
 * persistence, seasonal naive, trailing mean.
 */
final class Evaluation {
  private final ForecastEngine.Point now;
  private final double[] remainingNow;
  private final double priorNow;
  private final List<ForecastEngine.Inner> inner;
  private final int chosen;
  private final BookingsAccuracy[] accuracy;
  private final double floor;

  private Evaluation(
      ForecastEngine.Point now,
      double[] remainingNow,
      double priorNow,
      List<ForecastEngine.Inner> inner) {
    this.now = now;
    this.remainingNow = remainingNow;
    this.priorNow = priorNow;
    this.inner = inner;
    double mean = 0;
    for (ForecastEngine.Inner in : inner) {
      mean += in.actual();
    }
    // why: proportional to the amounts, so that scaling every amount leaves the residuals alone
    double meanActual = inner.isEmpty() ? 0 : mean / inner.size();
    this.floor = meanActual > 0 ? 0.01 * meanActual : 1;
    int methods = ForecastEngine.METHODS.size();
    accuracy = new BookingsAccuracy[methods];
    for (int m = 0; m < methods; m++) {
      accuracy[m] = score(m);
    }
    chosen = choose();
  }

  static Evaluation of(
      ForecastEngine.Point now,
      double[] remainingNow,
      double priorNow,
      List<ForecastEngine.Inner> inner) {
    return new Evaluation(now, remainingNow, priorNow, List.copyOf(inner));
  }

  ForecastEngine.Point now() {
    return now;
  }

  int chosen() {
    return chosen;
  }

  /** The method's expected total at the origin, or NaN when it has no value. */
  double expected(int m) {
    return Double.isNaN(remainingNow[m]) ? Double.NaN : now.won() + remainingNow[m];
  }

  /** {P10, P50, P90} of the method at the origin. */
  double[] band(int m) {
    double r = remainingNow[m];
    double[] f =
        Band.factors(residuals(m, Integer.MAX_VALUE), count(m, Integer.MAX_VALUE), priorNow);
    double w = now.won();
    return new double[] {w + r * Math.exp(f[1]), w + r * Math.exp(f[0]), w + r * Math.exp(f[2])};
  }

  /** Diagnostics for tests: the band's inputs. */
  String describe(int m) {
    return String.format(
        java.util.Locale.ROOT,
        "n=%d prior=%.3f factors=%s residuals=%s",
        count(m, Integer.MAX_VALUE),
        priorNow,
        java.util.Arrays.toString(
            Band.factors(residuals(m, Integer.MAX_VALUE), count(m, Integer.MAX_VALUE), priorNow)),
        java.util.Arrays.toString(residuals(m, Integer.MAX_VALUE)));
  }

  BookingsAccuracy accuracy(int m) {
    return accuracy[m];
  }

  List<BookingsAccuracy> accuracies() {
    return List.of(accuracy);
  }

  private double[] residuals(int m, int knownAt) {
    double[] out = new double[inner.size()];
    int n = 0;
    for (ForecastEngine.Inner in : inner) {
      double r = in.remaining()[m];
      if (!Double.isNaN(r) && in.period().endDay() <= knownAt) {
        out[n++] = Band.residual(in.actual() - in.won(), r, floor);
      }
    }
    return out;
  }

  private int count(int m, int knownAt) {
    int n = 0;
    for (ForecastEngine.Inner in : inner) {
      if (!Double.isNaN(in.remaining()[m]) && in.period().endDay() <= knownAt) {
        n++;
      }
    }
    return n;
  }

  private BookingsAccuracy score(int m) {
    String name = ForecastEngine.METHODS.get(m);
    int n = 0;
    double err = 0;
    double signed = 0;
    double act = 0;
    int covered = 0;
    double width = 0;
    int widthN = 0;
    for (ForecastEngine.Inner in : inner) {
      double r = in.remaining()[m];
      if (Double.isNaN(r)) {
        continue;
      }
      n++;
      double f = in.won() + r;
      err += Math.abs(in.actual() - f);
      signed += f - in.actual();
      act += in.actual();
      double[] fac = Band.factors(residuals(m, in.origin()), count(m, in.origin()), in.prior());
      double still = in.actual() - in.won();
      if (r * Math.exp(fac[1]) <= still && still <= r * Math.exp(fac[2])) {
        covered++;
      }
      if (in.actual() > 0) {
        width += r * (Math.exp(fac[2]) - Math.exp(fac[1])) / in.actual();
        widthN++;
      }
    }
    if (n == 0) {
      return BookingsAccuracy.none(name);
    }
    return BookingsAccuracy.of(
        name,
        n,
        act > 0 ? err / act : Double.NaN,
        act > 0 ? signed / act : Double.NaN,
        (double) covered / n,
        widthN > 0 ? width / widthN : Double.NaN);
  }

  private int choose() {
    if (accuracy[0].periods() < ForecastEngine.MIN_CHOICE) {
      return 0;
    }
    int best = 0;
    double bestWape = Double.POSITIVE_INFINITY;
    for (int m = 1; m < accuracy.length; m++) {
      if (accuracy[m].periods() < ForecastEngine.MIN_CHOICE || Double.isNaN(remainingNow[m])) {
        continue;
      }
      double naiveWape = accuracy[m].wape();
      double modelWape = pipelineWapeWhere(m);
      if (naiveWape < modelWape && naiveWape < bestWape) {
        best = m;
        bestWape = naiveWape;
      }
    }
    return best;
  }

  /** The pipeline model's WAPE on the periods where method {@code m} has a value. */
  private double pipelineWapeWhere(int m) {
    double err = 0;
    double act = 0;
    for (ForecastEngine.Inner in : inner) {
      if (Double.isNaN(in.remaining()[m])) {
        continue;
      }
      err += Math.abs(in.actual() - (in.won() + in.remaining()[0]));
      act += in.actual();
    }
    return act > 0 ? err / act : Double.NaN;
  }
}
