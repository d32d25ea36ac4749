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
 * Initialised from the first season (level = its mean, seasonals = deviations from it) and the
 * trend from the difference of the means of the first two seasons.
 *
 * <p><b>Enough data for each component.</b> A trend estimated from fewer than two full seasons is
 * an extrapolation of noise (two points always make a line), so the series length picks the method
 * ({@link #method()}):
 *
 * <ul>
 *   <li>{@link Method#ADDITIVE} (level, trend and season) with at least two full seasons and at
 *       least 4 values ({@code n >= max(2m, 4)});
 *   <li>else {@link Method#SEASONAL_NAIVE} when the season is at least 2 and the series holds one
 *       full season: {@code y_{n+h} = y_{n+h-m(k+1)}}, the same period of the last season;
 *   <li>else {@link Method#LEVEL}: simple exponential smoothing, {@code l_t = alpha y_t + (1 -
 *       alpha) l_{t-1}} from {@code l_0 = y_0}, forecast flat at the last level (FPP 8.1).
 * </ul>
 *
 * A constant series is forecast as that constant by every method. Immutable and thread-safe.
 */
public final class HoltWinters {
  /** What a series was long enough for. */
  public enum Method {
    /** Level, trend and season: at least two full seasons and at least 4 values. */
    ADDITIVE,
    /** The same period of the last season: season at least 2, at least one full season. */
    SEASONAL_NAIVE,
    /** Simple exponential smoothing, a flat forecast: shorter series. */
    LEVEL
  }

  /** The least number of values for a trend, whatever the season. */
  static final int MIN_TREND_VALUES = 4;

  private final Method method;
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
    this.method = methodFor(y.length, m);
    this.season = m;
    this.observations = y.length;
    this.seasonal = new double[m];
    switch (method) {
      case LEVEL -> {
        this.alpha = alpha;
        this.beta = 0;
        this.gamma = 0;
        double l = y[0];
        double err = 0;
        for (int t = 1; t < y.length; t++) {
          err += (y[t] - l) * (y[t] - l);
          l = alpha * y[t] + (1 - alpha) * l;
        }
        this.level = l;
        this.trend = 0;
        this.sse = err;
      }
      case SEASONAL_NAIVE -> {
        this.alpha = 0;
        this.beta = 0;
        this.gamma = 0;
        double err = 0;
        for (int t = m; t < y.length; t++) {
          err += (y[t] - y[t - m]) * (y[t] - y[t - m]);
        }
        for (int h = 0; h < m; h++) {
          seasonal[h] = y[y.length - m + h];
        }
        this.level = 0;
        this.trend = 0;
        this.sse = err;
      }
      default -> {
        this.alpha = alpha;
        this.beta = beta;
        this.gamma = gamma;
        double[] fitted = smooth(alpha, beta, gamma, m, y, seasonal);
        this.level = fitted[0];
        this.trend = fitted[1];
        this.sse = fitted[2];
      }
    }
  }

  static Method methodFor(int n, int m) {
    if (n >= 2 * m && n >= MIN_TREND_VALUES) {
      return Method.ADDITIVE;
    }
    return m >= 2 && n >= m ? Method.SEASONAL_NAIVE : Method.LEVEL;
  }

  /**
   * Additive smoothing; fills {@code out} with the seasonals after the data; {level, trend, sse}.
   */
  private static double[] smooth(
      double alpha, double beta, double gamma, int m, double[] y, double[] out) {
    double mean1 = 0;
    for (int i = 0; i < m; i++) {
      mean1 += y[i];
    }
    mean1 /= m;
    double mean2 = 0;
    for (int i = m; i < 2 * m; i++) {
      mean2 += y[i];
    }
    mean2 /= m;
    double b = (mean2 - mean1) / m;
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
    // rotate so that out[0] belongs to the first period after the data
    for (int h = 0; h < m; h++) {
      out[h] = s[(y.length + h) % m];
    }
    return new double[] {l, b, err};
  }

  /**
   * Smooths a series with given parameters.
   *
   * @param series bookings per period, oldest first, at least one value, all finite; its length
   *     picks the {@link Method} (see the class comment)
   * @param season the season length m (12 for months in a year; 1 for none)
   * @param alpha level smoothing in [0, 1] (not used by {@link Method#SEASONAL_NAIVE})
   * @param beta trend smoothing in [0, 1] (used by {@link Method#ADDITIVE} only)
   * @param gamma seasonal smoothing in [0, 1] (used by {@link Method#ADDITIVE} only)
   * @throws ValidationException on an empty series, NaN, or parameters outside their ranges
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
   * one-step-ahead error, by the {@link Method} the series is long enough for.
   *
   * @see #of(double[], int, double, double, double)
   */
  public static HoltWinters fit(double[] series, int season) {
    check(series, season);
    double[] y = series.clone();
    HoltWinters best = null;
    // why: only the additive method reads beta and gamma, only it and the level read alpha
    Method method = methodFor(y.length, season);
    int grid = method == Method.ADDITIVE ? 9 : 1;
    for (int a = 1; a <= (method == Method.SEASONAL_NAIVE ? 1 : 9); a++) {
      for (int b = 1; b <= grid; b++) {
        for (int g = 1; g <= grid; g++) {
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
    if (y.length == 0) {
      throw new ValidationException(FieldProblem.of("series", "0 values", "needs at least one"));
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
    if (method == Method.SEASONAL_NAIVE) {
      return seasonal[(h - 1) % season];
    }
    return level + h * trend + seasonal[(h - 1) % season];
  }

  /** The method the series was long enough for (see the class comment). */
  public Method method() {
    return method;
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

  /** The level smoothing used; 0 for {@link Method#SEASONAL_NAIVE}. */
  public double alpha() {
    return alpha;
  }

  /** The trend smoothing used; 0 unless the method is {@link Method#ADDITIVE}. */
  public double beta() {
    return beta;
  }

  /** The seasonal smoothing used; 0 unless the method is {@link Method#ADDITIVE}. */
  public double gamma() {
    return gamma;
  }

  /**
   * The sum of squared one-step-ahead errors: after the first season ({@link Method#ADDITIVE},
   * {@link Method#SEASONAL_NAIVE}), after the first value ({@link Method#LEVEL}).
   */
  public double sse() {
    return sse;
  }
}
