package org.salespipeline.examples.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Locale;
import org.salespipeline.forecast.bookings.PeriodLength;

/** Parses option values into clear one-line errors naming the option. Stateless. */
final class Arguments {
  private Arguments() {}

  /** A date yyyy-mm-dd. */
  static LocalDate date(String option, String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new UserInputException(option + ": '" + text + "' is not a date yyyy-mm-dd", e);
    }
  }

  /** {@code month} or {@code quarter}. */
  static PeriodLength period(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "month" -> PeriodLength.MONTH;
      case "quarter" -> PeriodLength.QUARTER;
      default ->
          throw new UserInputException("--period: '" + text + "' is not month or quarter", null);
    };
  }

  /** An ISO 4217 currency code. */
  static Currency currency(String text) {
    try {
      return Currency.getInstance(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UserInputException(
          "--currency: '" + text + "' is not an ISO 4217 currency code such as USD", e);
    }
  }
}
