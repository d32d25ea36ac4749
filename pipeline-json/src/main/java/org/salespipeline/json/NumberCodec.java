package org.salespipeline.json;

import java.io.IOException;
import java.math.BigDecimal;

/** Numbers: whole numbers must fit their Java type; doubles may be NaN or infinite (as strings). */
enum NumberCodec implements Codec {
  INT(Integer.MIN_VALUE, Integer.MAX_VALUE),
  LONG(Long.MIN_VALUE, Long.MAX_VALUE),
  DOUBLE(0, 0),
  DECIMAL(0, 0);

  /** Most digits a decimal may have on either side of its point, and its longest text. */
  static final int MAX_DECIMAL_DIGITS = 100;

  private final long min;
  private final long max;

  NumberCodec(long min, long max) {
    this.min = min;
    this.max = max;
  }

  @Override
  public void write(Object value, JsonWriter out) throws IOException {
    switch (this) {
      case INT, LONG -> out.number(((Number) value).longValue());
      case DOUBLE -> {
        double d = ((Number) value).doubleValue();
        if (Double.isFinite(d)) {
          out.number(d);
        } else {
          out.string(Double.toString(d));
        }
      }
      case DECIMAL -> out.string(((BigDecimal) value).toPlainString());
    }
  }

  @Override
  public Object read(Object json, Path path, Reading reading) {
    return switch (this) {
      case INT, LONG -> {
        if (!(json instanceof BigDecimal number)) {
          throw path.problem("must be a whole number");
        }
        // why: precision and scale bound the magnitude without expanding 1e999999999
        if (number.signum() != 0
            && (number.precision() - number.scale() > 19
                || number.stripTrailingZeros().scale() > 0)) {
          throw path.problem(
              number.stripTrailingZeros().scale() > 0
                  ? "must be a whole number"
                  : "must be between " + min + " and " + max);
        }
        long value = number.longValue();
        if (number.compareTo(BigDecimal.valueOf(value)) != 0 || value < min || value > max) {
          throw path.problem("must be between " + min + " and " + max);
        }
        yield this == INT ? (Object) (int) value : (Object) value;
      }
      case DOUBLE -> {
        if (json instanceof BigDecimal number) {
          yield number.doubleValue();
        }
        if (json instanceof String text
            && (text.equals("NaN") || text.equals("Infinity") || text.equals("-Infinity"))) {
          yield Double.parseDouble(text);
        }
        throw path.problem("must be a number");
      }
      case DECIMAL -> {
        BigDecimal number = null;
        if (json instanceof BigDecimal d) {
          number = d;
        } else if (json instanceof String text && text.length() <= MAX_DECIMAL_DIGITS) {
          try {
            number = new BigDecimal(text.trim());
          } catch (NumberFormatException e) {
            // reported below
          }
        }
        if (number == null) {
          throw path.problem("must be a decimal number, written as a string such as \"123.45\"");
        }
        // why: 1e999999999 is short to send but a billion digits to write back out
        if (Math.abs((long) number.precision() - number.scale()) > MAX_DECIMAL_DIGITS
            || Math.abs((long) number.scale()) > MAX_DECIMAL_DIGITS) {
          throw path.problem(
              "must have at most " + MAX_DECIMAL_DIGITS + " digits before and after the point");
        }
        yield number;
      }
    };
  }
}
