package org.salespipeline.forecast.insight;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** The ratios and number texts several sections of the report share. */
final class Figures {
  private Figures() {}

  /** {@code part / whole}, or 0 when {@code whole} is 0. */
  static double rate(long part, long whole) {
    return whole == 0 ? 0 : (double) part / whole;
  }

  /** Seconds as days with one decimal, for example {@code "3.5 days"}. */
  static String days(long seconds) {
    return fixed(seconds / 86_400.0, 1) + " days";
  }

  /**
   * {@code v} with {@code decimals} digits after the point, exactly as {@code String.format(
   * Locale.ROOT, "%.<decimals>f", v)} writes it (the shortest decimal that round-trips, rounded
   * half up), but several times faster: work lists format a few numbers per item.
   */
  static String fixed(double v, int decimals) {
    if (!(v > 0)) {
      // zero's sign, negatives rounding to "-0" and NaN: the formatter's own rules
      return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
    if (Double.isInfinite(v)) {
      return "Infinity";
    }
    return new BigDecimal(Double.toString(v))
        .setScale(decimals, RoundingMode.HALF_UP)
        .toPlainString();
  }
}
