package org.salespipeline.jdbc.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.store.CorruptRecordException;
import org.salespipeline.jdbc.dialect.SqlDialect;

/**
 * What every table class of one workspace view shares: the workspace, the transactions (connection
 * source and dialect), the statements with the table prefix applied, and streaming reads. The table
 * classes depend on this value and never on {@link JdbcWorkspaceStore}. Immutable.
 */
record TableContext(WorkspaceId workspace, Transactor tx, Sql sql, Streams streams) {
  /** Binds the parameters of one statement by name. */
  @FunctionalInterface
  interface Binding {
    void bind(NamedStatement s) throws SQLException;
  }

  /** The workspace id as bound to the {@code workspace} column. */
  String ws() {
    return workspace.value();
  }

  SqlDialect dialect() {
    return tx.dialect();
  }

  /** Prepares a shipped statement (prefix applied, names parsed once). */
  NamedStatement prepare(Connection c, String statement) throws SQLException {
    return NamedStatement.prepare(c, sql.of(statement));
  }

  /** The {@code body} of the row {@code statement} selects by workspace and {@code :key}. */
  Optional<String> readBody(String statement, String name, String key, String what) {
    return tx.read(
        "reading " + what + " " + key,
        c -> {
          try (NamedStatement s = prepare(c, statement)) {
            s.text("workspace", ws()).text(name, key);
            try (ResultSet rs = s.executeQuery()) {
              return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
          }
        });
  }

  /** Reads the key that names a row in a {@link CorruptRecordException}. */
  @FunctionalInterface
  interface RowKey {
    String of(ResultSet rs) throws SQLException;
  }

  /** The key of a row whose statement selects it second, after the body. */
  static final RowKey SECOND_COLUMN = rs -> rs.getString(2);

  /**
   * The body of the row {@code statement} selects by workspace and {@code :key}, decoded; a body
   * that cannot be decoded gives a {@link CorruptRecordException} naming {@code table} and {@code
   * key} (issue 14, item 8).
   */
  <T> Optional<T> readDecoded(
      String statement, String table, String name, String key, Function<String, T> decode) {
    return readBody(statement, name, key, table)
        .map(body -> Corrupt.decode(table, key, () -> decode.apply(body)));
  }

  /**
   * Every body the statement selects (first column), decoded, after {@code binding} set the
   * parameters; a body that cannot be decoded gives a {@link CorruptRecordException} naming {@code
   * table} and the row's key (the second column) (issue 14, item 8).
   */
  <T> List<T> readBodies(
      String statement, String table, Binding binding, Function<String, T> decode) {
    return readBodies(statement, table, binding, SECOND_COLUMN, decode);
  }

  /**
   * {@link #readBodies(String, String, Binding, Function)} with the row's key read by {@code key}.
   */
  <T> List<T> readBodies(
      String statement, String table, Binding binding, RowKey key, Function<String, T> decode) {
    return tx.read(
        "reading " + table,
        c -> {
          List<T> out = new ArrayList<>();
          try (NamedStatement s = prepare(c, statement)) {
            s.text("workspace", ws());
            binding.bind(s);
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                String body = rs.getString(1);
                out.add(Corrupt.decode(table, key.of(rs), () -> decode.apply(body)));
              }
            }
          }
          return out;
        });
  }
}
