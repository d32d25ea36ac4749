package org.salespipeline.jdbc.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.salespipeline.core.WorkspaceId;
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

  /** Every body the statement selects, decoded, after {@code binding} set the parameters. */
  <T> List<T> readBodies(
      String statement, String what, Binding binding, Function<String, T> decode) {
    return tx.read(
        "reading " + what,
        c -> {
          List<T> out = new ArrayList<>();
          try (NamedStatement s = prepare(c, statement)) {
            s.text("workspace", ws());
            binding.bind(s);
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                out.add(decode.apply(rs.getString(1)));
              }
            }
          }
          return out;
        });
  }
}
