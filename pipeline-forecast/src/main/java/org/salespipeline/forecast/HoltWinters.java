package org.salespipeline.forecast;

import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.ValidationException;

/**
 * Additive Holt-Winters exponential smoothing (Holt 1957, Winters 1960; Hyndman and Athanasopoulos,
 * Forecasting: Principles and Practice, 8.3) of bookings per period, for the run-rate revenue not
 * yet in the pipeline. Level {@code l}, trend {@code b}, season {@code s} of length m:
 *
 * <pre>
 * l_t = alpha (y_t - s_{t-m}) + (1 - alpha)(l_{t-1} + b_{t-1})
 * b_t = beta (l_t - l_{t-1}) + (1 - beta) b_{t-1}
 * s_t = gamma (y_t - l_t) + (1 - gamma) s_{t-m}
 * y_{t+h} = l_t + h b_t + s_{t+h-m(k+1)}
 * </pre>
 *
 * Initialised from the first season (level = its mean, seasonals = deviations from it) and, with
 * two seasons, the trend from the difference of their means. A constant series is forecast as that
 * constant. Immutable and thread-safe.
 */
public final class HoltWinters {
  private final double alpha;
  private final double beta;
  private final double gamma;
  private final int season;
  private final double level;
  private final double trend;
  private final double[] seasonal;
  private final double sse;
  private final int observations;

  private HoltWinters(double alpha, double beta, double gamma, int m, double[] y) {
    this.alpha = alpha;
    this.beta = beta;
    this.gamma = gamma;
    this.season = m;
    double mean1 = 0;
    for (int i = 0; i < m; i++) {
      mean1 += y[i];
    }
    mean1 /= m;
    double b = 0;
    if (y.length >= 2 * m) {
      double mean2 = 0;
      for (int i = m; i < 2 * m; i++) {
        mean2 += y[i];
      }
      mean2 /= m;
      b = (mean2 - mean1) / m;
    }
    double[] s = new double[m];
    for (int i = 0; i < m; i++) {
      s[i] = y[i] - mean1;
    }
    double l = mean1;
    double err = 0;
    for (int t = m; t < y.length; t++) {
      int k = t % m;
      double predicted = l + b + s[k];
      err += (y[t] - predicted) * (y[t] - predicted);
      double lNew = alpha * (y[t] - s[k]) + (1 - alpha) * (l + b);
      b = beta * (lNew - l) + (1 - beta) * b;
      s[k] = gamma * (y[t] - lNew) + (1 - gamma) * s[k];
      l = lNew;
    }
    this.level = l;
    this.trend = b;
    // rotate so that seasonal[0] belongs to the first period after the data
    this.seasonal = new double[m];
    for (int h = 0; h < m; h++) {
      seasonal[h] = s[(y.length + h) % m];
    }
    this.sse = err;
    this.observations = y.length;
  }

  /**
   * Smooths a series with given parameters.
   *
   * @param series bookings per period, oldest first, at least {@code season + 1} finite values
   * @param season the season length m (12 for months in a year; 1 for none)
   * @param alpha level smoothing in [0, 1]
   * @param beta trend smoothing in [0, 1]
   * @param gamma seasonal smoothing in [0, 1]
   * @throws ValidationException on a short series, NaN, or parameters outside their ranges
   */
  public static HoltWinters of(
      double[] series, int season, double alpha, double beta, double gamma) {
    check(series, season);
    for (double x : new double[] {alpha, beta, gamma}) {
      if (!(x >= 0 && x <= 1)) {
        throw new ValidationException(FieldProblem.of("smoothing", x, "must be in [0, 1]"));
      }
    }
    return new HoltWinters(alpha, beta, gamma, season, series.clone());
  }

  /**
   * Smooths a series with the parameters (on a 0.1 grid from 0.1 to 0.9) that minimise the squared
   * one-step-ahead error.
   *
   * @see #of(double[], int, double, double, double)
   */
  public static HoltWinters fit(double[] series, int season) {
    check(series, season);
    double[] y = series.clone();
    HoltWinters best = null;
    for (int a = 1; a <= 9; a++) {
      for (int b = 1; b <= 9; b++) {
        for (int g = 1; g <= 9; g++) {
          HoltWinters hw = new HoltWinters(a / 10.0, b / 10.0, g / 10.0, season, y);
          if (best == null || hw.sse < best.sse) {
            best = hw;
          }
        }
      }
    }
    return best;
  }

  private static void check(double[] y, int m) {
    if (m < 1) {
      throw new ValidationException(FieldProblem.of("season", m, "must be at least 1"));
    }
    if (y.length < m + 1) {
      throw new ValidationException(
          FieldProblem.of(
              "series", y.length + " values", "needs at least season + 1 = " + (m + 1)));
    }
    for (int i = 0; i < y.length; i++) {
      if (!Double.isFinite(y[i])) {
        throw new ValidationException(FieldProblem.of("series[" + i + "]", y[i], "must be finite"));
      }
    }
  }

  /**
   * The forecast h periods after the last value.
   *
   * @param h at least 1
   */
  public double forecast(int h) {
    if (h < 1) {
      throw new ValidationException(FieldProblem.of("h", h, "must be at least 1"));
    }
    return level + h * trend + seasonal[(h - 1) % season];
  }

  /**
   * The forecast h periods after the last value, at least 0: bookings are not negative, but an
   * additive trend can extrapolate below 0 (Hyndman and Athanasopoulos, FPP 3rd ed., 13.3, on
   * positive forecasts), so negative values are clamped to 0. Used for the run-rate of {@link
   * Forecaster#runRate(ForecastPeriod)}.
   *
   * @param h at least 1
   */
  public double forecastNonNegative(int h) {
    return Math.max(0, forecast(h));
  }

  /** The season length m. */
  public int season() {
    return season;
  }

  /** The number of values of the smoothed series. */
  public int observations() {
    return observations;
  }

  /** The level smoothing used. */
  public double alpha() {
    return alpha;
  }

  /** The trend smoothing used. */
  public double beta() {
    return beta;
  }

  /** The seasonal smoothing used. */
  public double gamma() {
    return gamma;
  }

  /** The sum of squared one-step-ahead errors over the series after its first season. */
  public double sse() {
    return sse;
  }
}
