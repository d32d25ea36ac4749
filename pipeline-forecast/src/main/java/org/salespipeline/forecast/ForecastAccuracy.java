package org.salespipeline.forecast;

import java.util.OptionalDouble;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.ValidationException;

/**
 * Accuracy of period forecasts F against actuals A: {@code WAPE = sum |A - F| / sum |A|}, {@code
 * bias = sum (F - A) / sum A}, {@code MAPE = mean |A - F| / |A|} over periods with {@code A != 0}.
 * A measure whose denominator is zero is empty rather than NaN. Immutable.
 *
 * @param periods the number of periods compared
 * @param wape weighted absolute percentage error, as a fraction
 * @param bias signed bias as a fraction: positive means over-forecast
 * @param mape mean absolute percentage error, as a fraction, over periods with non-zero actuals
 */
public record ForecastAccuracy(
    int periods, OptionalDouble wape, OptionalDouble bias, OptionalDouble mape) {

  /**
   * Compares forecasts with actuals.
   *
   * @throws ValidationException if lengths differ or a value is NaN or infinite
   */
  public static ForecastAccuracy of(double[] forecast, double[] actual) {
    if (forecast.length != actual.length) {
      throw new ValidationException(
          FieldProblem.of("actual", actual.length, "must match " + forecast.length));
    }
    double absErr = 0;
    double absA = 0;
    double err = 0;
    double sumA = 0;
    double ape = 0;
    int apeN = 0;
    for (int i = 0; i < forecast.length; i++) {
      double f = forecast[i];
      double a = actual[i];
      if (!Double.isFinite(f) || !Double.isFinite(a)) {
        throw new ValidationException(
            FieldProblem.of("forecast[" + i + "]", f + "/" + a, "must be finite"));
      }
      absErr += Math.abs(a - f);
      absA += Math.abs(a);
      err += f - a;
      sumA += a;
      if (a != 0) {
        ape += Math.abs(a - f) / Math.abs(a);
        apeN++;
      }
    }
    return new ForecastAccuracy(
        forecast.length,
        absA > 0 ? OptionalDouble.of(absErr / absA) : OptionalDouble.empty(),
        sumA != 0 ? OptionalDouble.of(err / sumA) : OptionalDouble.empty(),
        apeN > 0 ? OptionalDouble.of(ape / apeN) : OptionalDouble.empty());
  }
}
