package org.salespipeline.jdbc.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.salespipeline.core.Money;

/**
 * A prepared statement bound by parameter name ({@code :name} in the statement text), so that no
 * helper has to know at which position another left off. Closing it closes the statement.
 */
final class NamedStatement implements AutoCloseable {
  private final NamedSql sql;
  private final PreparedStatement statement;

  NamedStatement(NamedSql sql, PreparedStatement statement) {
    this.sql = sql;
    this.statement = statement;
  }

  static NamedStatement prepare(Connection c, NamedSql sql) throws SQLException {
    return new NamedStatement(sql, c.prepareStatement(sql.jdbc()));
  }

  PreparedStatement jdbc() {
    return statement;
  }

  NamedStatement text(String name, String value) throws SQLException {
    for (int i : sql.positions(name)) {
      statement.setString(i, value);
    }
    return this;
  }

  /** The value's {@code toString}, or SQL NULL when absent. */
  NamedStatement text(String name, Optional<?> value) throws SQLException {
    if (value.isPresent()) {
      return text(name, value.get().toString());
    }
    for (int i : sql.positions(name)) {
      statement.setNull(i, Types.VARCHAR);
    }
    return this;
  }

  NamedStatement number(String name, long value) throws SQLException {
    for (int i : sql.positions(name)) {
      statement.setLong(i, value);
    }
    return this;
  }

  NamedStatement integer(String name, int value) throws SQLException {
    for (int i : sql.positions(name)) {
      statement.setInt(i, value);
    }
    return this;
  }

  NamedStatement real(String name, double value) throws SQLException {
    for (int i : sql.positions(name)) {
      statement.setDouble(i, value);
    }
    return this;
  }

  /** The amount of money as DECIMAL(20,4); the currency is a column of its own. */
  NamedStatement amount(String name, Money money) throws SQLException {
    BigDecimal amount = money.amount();
    for (int i : sql.positions(name)) {
      statement.setBigDecimal(i, amount);
    }
    return this;
  }

  /** A SQL NULL for a DECIMAL parameter. */
  NamedStatement nullDecimal(String name) throws SQLException {
    for (int i : sql.positions(name)) {
      statement.setNull(i, Types.DECIMAL);
    }
    return this;
  }

  /** A UTC timestamp at microseconds (see {@link Binds#utc}). */
  NamedStatement instant(String name, Instant value) throws SQLException {
    for (int i : sql.positions(name)) {
      Binds.instant(statement, i, value);
    }
    return this;
  }

  NamedStatement instant(String name, Optional<Instant> value) throws SQLException {
    for (int i : sql.positions(name)) {
      Binds.instant(statement, i, value);
    }
    return this;
  }

  NamedStatement date(String name, LocalDate value) throws SQLException {
    for (int i : sql.positions(name)) {
      Binds.date(statement, i, value);
    }
    return this;
  }

  NamedStatement date(String name, Optional<LocalDate> value) throws SQLException {
    if (value.isPresent()) {
      return date(name, value.get());
    }
    for (int i : sql.positions(name)) {
      statement.setNull(i, Types.DATE);
    }
    return this;
  }

  /** Binds a value of a dynamic query: a String, an Integer, an Instant, a LocalDate or Money. */
  NamedStatement value(String name, Object value) throws SQLException {
    if (value instanceof Integer n) {
      return integer(name, n);
    } else if (value instanceof Instant instant) {
      return instant(name, instant);
    } else if (value instanceof LocalDate date) {
      return date(name, date);
    } else if (value instanceof Money money) {
      return amount(name, money);
    }
    return text(name, (String) value);
  }

  int executeUpdate() throws SQLException {
    return statement.executeUpdate();
  }

  ResultSet executeQuery() throws SQLException {
    return statement.executeQuery();
  }

  void addBatch() throws SQLException {
    statement.addBatch();
  }

  int[] executeBatch() throws SQLException {
    return statement.executeBatch();
  }

  @Override
  public void close() throws SQLException {
    statement.close();
  }
}
