package org.salespipeline.jdbc.internal;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.Money;
import org.salespipeline.core.ValidationException;

/**
 * Binding of domain scalars: instants as UTC timestamps at microseconds, money as DECIMAL(20,4).
 */
final class Binds {
  /** Integer digits DECIMAL(20,4) holds. */
  static final int MAX_INTEGER_DIGITS = 16;

  private Binds() {}

  static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
  }

  static void instant(PreparedStatement s, int i, Instant instant) throws SQLException {
    s.setObject(i, utc(instant));
  }

  static void instant(PreparedStatement s, int i, Optional<Instant> instant) throws SQLException {
    if (instant.isPresent()) {
      instant(s, i, instant.get());
    } else {
      s.setNull(i, Types.TIMESTAMP);
    }
  }

  static void date(PreparedStatement s, int i, LocalDate date) throws SQLException {
    s.setObject(i, date);
  }

  /** Refuses amounts the DECIMAL(20,4) columns cannot hold. */
  static void checkAmount(String field, Money money) {
    BigDecimal amount = money.amount();
    if (amount.precision() - amount.scale() > MAX_INTEGER_DIGITS || amount.scale() > 4) {
      throw new ValidationException(
          FieldProblem.of(
              field,
              money,
              "is outside the storable range (at most "
                  + MAX_INTEGER_DIGITS
                  + " integer and 4 fraction digits)"));
    }
  }
}
