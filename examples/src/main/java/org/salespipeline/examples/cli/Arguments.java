package org.salespipeline.examples.cli;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Locale;
import org.salespipeline.core.calendar.FiscalCalendar;
import org.salespipeline.core.calendar.RetailPattern;
import org.salespipeline.core.calendar.YearEndRule;
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

  /** The accepted forms of {@code --fiscal-calendar}, for help and errors. */
  static final String CALENDAR_FORMS =
      "gregorian[:MONTH] or retail:445|454|544:WEEKDAY:END-MONTH:last|nearest,"
          + " e.g. gregorian:feb or retail:454:sun:jan:nearest";

  /**
   * A fiscal calendar: {@code gregorian} or {@code gregorian:feb} (the first month), or {@code
   * retail:454:sun:jan:nearest} (pattern, week start, end month, year-end rule).
   */
  static FiscalCalendar calendar(String text) {
    String[] p = text.toLowerCase(Locale.ROOT).split(":");
    try {
      if (p[0].equals("gregorian") && p.length <= 2) {
        return p.length == 1 ? FiscalCalendar.gregorian() : FiscalCalendar.gregorian(month(p[1]));
      }
      if (p[0].equals("retail") && p.length == 5) {
        RetailPattern pattern =
            switch (p[1]) {
              case "445" -> RetailPattern.FOUR_FOUR_FIVE;
              case "454" -> RetailPattern.FOUR_FIVE_FOUR;
              case "544" -> RetailPattern.FIVE_FOUR_FOUR;
              default -> throw new IllegalArgumentException(p[1]);
            };
        YearEndRule rule =
            switch (p[4]) {
              case "last" -> YearEndRule.LAST_IN_MONTH;
              case "nearest" -> YearEndRule.NEAREST_MONTH_END;
              default -> throw new IllegalArgumentException(p[4]);
            };
        return FiscalCalendar.retail(pattern, weekday(p[2]), month(p[3]), rule);
      }
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--fiscal-calendar: '" + text + "' is not " + CALENDAR_FORMS, e);
    }
    throw new UserInputException(
        "--fiscal-calendar: '" + text + "' is not " + CALENDAR_FORMS, null);
  }

  private static Month month(String text) {
    for (Month m : Month.values()) {
      if (m.name().toLowerCase(Locale.ROOT).startsWith(text) && text.length() >= 3) {
        return m;
      }
    }
    throw new IllegalArgumentException(text);
  }

  private static DayOfWeek weekday(String text) {
    for (DayOfWeek d : DayOfWeek.values()) {
      if (d.name().toLowerCase(Locale.ROOT).startsWith(text) && text.length() >= 3) {
        return d;
      }
    }
    throw new IllegalArgumentException(text);
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
