package org.salespipeline.jdbc.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.salespipeline.jdbc.SchemaException;

/**
 * The tables, columns, primary keys and indexes the migrations create, read from the scripts
 * themselves, and the check of a live schema against them through {@link DatabaseMetaData} (issue
 * 14: VALIDATE accepted dropped columns, keys, tables and indexes and shrunk columns).
 *
 * <p>Reads only the shapes our scripts use: {@code CREATE TABLE}, {@code CREATE [UNIQUE] INDEX} and
 * {@code ALTER TABLE ... ADD COLUMN / MODIFY / ALTER COLUMN ... TYPE}. A live column may be wider
 * than expected (harmless), never narrower; extra tables, columns and indexes are allowed.
 */
final class ExpectedSchema {
  private static final Pattern CREATE_TABLE =
      Pattern.compile("(?s)CREATE TABLE (\\w+) \\((.*)\\)[^)]*");
  private static final Pattern CREATE_INDEX =
      Pattern.compile("(?s)CREATE (UNIQUE )?INDEX (\\w+) ON (\\w+) \\(([^)]*)\\)");
  private static final Pattern ALTER_TABLE = Pattern.compile("(?s)ALTER TABLE (\\w+)\\s+(.*)");
  private static final Pattern ADD_OR_MODIFY =
      Pattern.compile("(?s)\\s*(?:ADD COLUMN|MODIFY|ALTER COLUMN) (\\w+) (?:TYPE )?(.*)");
  private static final Pattern SIZE = Pattern.compile("^(\\w+)(?:\\((\\d+)(?:,\\s*(\\d+))?\\))?");

  /** A column: its type family and, for text and decimals, its declared size. */
  private record Column(String family, int size, int scale) {}

  private static final class Table {
    final Map<String, Column> columns = new LinkedHashMap<>();
    List<String> primaryKey = List.of();
  }

  private final Map<String, Table> tables = new LinkedHashMap<>();
  private final Map<String, List<String>> indexes = new LinkedHashMap<>();
  private final Map<String, String> indexTables = new LinkedHashMap<>();
  private final Set<String> uniqueIndexes = new HashSet<>();

  /**
   * The schema the statements create.
   *
   * @param statements the statements of every migration in order, prefix applied
   */
  ExpectedSchema(List<String> statements) {
    for (String statement : statements) {
      read(statement.strip());
    }
  }

  private void read(String statement) {
    Matcher m = CREATE_TABLE.matcher(statement);
    if (m.matches()) {
      Table table = new Table();
      tables.put(lower(m.group(1)), table);
      for (String item : splitTopLevel(m.group(2))) {
        String trimmed = item.strip();
        if (trimmed.toUpperCase(Locale.ROOT).startsWith("PRIMARY KEY")) {
          table.primaryKey = columnList(trimmed.substring(trimmed.indexOf('(') + 1));
        } else {
          String name = lower(trimmed.split("\\s+", 2)[0]);
          table.columns.put(name, column(trimmed.split("\\s+", 2)[1]));
          if (trimmed.toUpperCase(Locale.ROOT).contains("PRIMARY KEY")) {
            table.primaryKey = List.of(name);
          }
        }
      }
      return;
    }
    m = CREATE_INDEX.matcher(statement);
    if (m.matches()) {
      indexes.put(lower(m.group(2)), columnList(m.group(4)));
      indexTables.put(lower(m.group(2)), lower(m.group(3)));
      if (m.group(1) != null) {
        uniqueIndexes.add(lower(m.group(2)));
      }
      return;
    }
    m = ALTER_TABLE.matcher(statement);
    if (m.matches() && tables.containsKey(lower(m.group(1)))) {
      Table table = tables.get(lower(m.group(1)));
      for (String clause : splitTopLevel(m.group(2))) {
        Matcher c = ADD_OR_MODIFY.matcher(clause);
        if (c.matches()) {
          table.columns.put(lower(c.group(1)), column(c.group(2)));
        }
      }
    }
  }

  /**
   * Checks a live schema.
   *
   * @param c a connection to the database
   * @throws SchemaException naming the first table, column, key or index that differs
   * @throws SQLException if the metadata cannot be read
   */
  void check(Connection c) throws SQLException {
    DatabaseMetaData meta = c.getMetaData();
    String catalog = c.getCatalog();
    String schema = c.getSchema();
    Map<String, String> liveTables = liveTables(meta, catalog, schema);
    for (Map.Entry<String, Table> e : tables.entrySet()) {
      String name = e.getKey();
      String live = liveTables.get(name);
      if (live == null) {
        throw tampered("table " + name + " is missing");
      }
      checkColumns(meta, catalog, schema, live, name, e.getValue());
      List<String> pk = primaryKey(meta, catalog, schema, live);
      if (!pk.equals(e.getValue().primaryKey)) {
        throw tampered(
            "the primary key of "
                + name
                + " is "
                + (pk.isEmpty() ? "missing" : pk)
                + ", expected "
                + e.getValue().primaryKey);
      }
    }
    Map<String, Map<String, List<String>>> liveIndexes = new LinkedHashMap<>();
    Map<String, Set<String>> liveUnique = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : indexes.entrySet()) {
      String table = indexTables.get(e.getKey());
      String live = liveTables.get(table);
      Map<String, List<String>> onTable =
          liveIndexes.computeIfAbsent(
              table,
              t -> {
                Set<String> unique = new HashSet<>();
                Map<String, List<String>> found = indexes(meta, catalog, schema, live, unique);
                liveUnique.put(t, unique);
                return found;
              });
      List<String> columns = onTable.get(e.getKey());
      if (!e.getValue().equals(columns)) {
        throw tampered(
            "index "
                + e.getKey()
                + " on "
                + table
                + (columns == null ? " is missing" : " has columns " + columns)
                + ", expected "
                + e.getValue());
      }
      if (uniqueIndexes.contains(e.getKey()) && !liveUnique.get(table).contains(e.getKey())) {
        throw tampered("index " + e.getKey() + " on " + table + " is not unique, expected unique");
      }
    }
  }

  private void checkColumns(
      DatabaseMetaData meta, String catalog, String schema, String live, String name, Table table)
      throws SQLException {
    Map<String, Column> found = new LinkedHashMap<>();
    try (ResultSet rs = meta.getColumns(catalog, schema, live, null)) {
      while (rs.next()) {
        found.put(
            lower(rs.getString("COLUMN_NAME")),
            new Column(
                family(rs.getInt("DATA_TYPE")),
                rs.getInt("COLUMN_SIZE"),
                rs.getInt("DECIMAL_DIGITS")));
      }
    }
    for (Map.Entry<String, Column> e : table.columns.entrySet()) {
      Column expected = e.getValue();
      Column actual = found.get(e.getKey());
      String column = name + "." + e.getKey();
      if (actual == null) {
        throw tampered("column " + column + " is missing");
      }
      if (!expected.family().equals("other")
          && !actual.family().equals("other")
          && !expected.family().equals(actual.family())) {
        throw tampered(
            "column " + column + " holds " + actual.family() + ", expected " + expected.family());
      }
      if (actual.size() < expected.size() || actual.scale() < expected.scale()) {
        throw tampered(
            "column "
                + column
                + " was shrunk to size "
                + actual.size()
                + (expected.scale() > 0 ? "," + actual.scale() : "")
                + ", expected "
                + expected.size()
                + (expected.scale() > 0 ? "," + expected.scale() : ""));
      }
    }
  }

  private static Map<String, String> liveTables(
      DatabaseMetaData meta, String catalog, String schema) throws SQLException {
    Map<String, String> out = new TreeMap<>();
    try (ResultSet rs = meta.getTables(catalog, schema, null, new String[] {"TABLE"})) {
      while (rs.next()) {
        String name = rs.getString("TABLE_NAME");
        out.putIfAbsent(lower(name), name);
      }
    }
    return out;
  }

  private static List<String> primaryKey(
      DatabaseMetaData meta, String catalog, String schema, String table) throws SQLException {
    TreeMap<Integer, String> columns = new TreeMap<>();
    try (ResultSet rs = meta.getPrimaryKeys(catalog, schema, table)) {
      while (rs.next()) {
        columns.put(rs.getInt("KEY_SEQ"), lower(rs.getString("COLUMN_NAME")));
      }
    }
    return new ArrayList<>(columns.values());
  }

  private static Map<String, List<String>> indexes(
      DatabaseMetaData meta, String catalog, String schema, String table, Set<String> unique) {
    Map<String, TreeMap<Integer, String>> byName = new LinkedHashMap<>();
    try (ResultSet rs = meta.getIndexInfo(catalog, schema, table, false, true)) {
      while (rs.next()) {
        String index = rs.getString("INDEX_NAME");
        String column = rs.getString("COLUMN_NAME");
        if (index != null && column != null) {
          if (!rs.getBoolean("NON_UNIQUE")) {
            unique.add(lower(index));
          }
          byName
              .computeIfAbsent(lower(index), k -> new TreeMap<>())
              .put((int) rs.getShort("ORDINAL_POSITION"), lower(column));
        }
      }
    } catch (SQLException e) {
      throw new SchemaException("cannot read the indexes of table " + table, e);
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    byName.forEach((name, columns) -> out.put(name, new ArrayList<>(columns.values())));
    return out;
  }

  private static Column column(String definition) {
    Matcher m = SIZE.matcher(definition.strip());
    if (!m.find()) {
      return new Column("other", 0, 0);
    }
    String type = m.group(1).toUpperCase(Locale.ROOT);
    String family =
        switch (type) {
          case "CHAR", "VARCHAR", "TEXT", "CLOB", "MEDIUMTEXT", "LONGTEXT" -> "text";
          case "INT", "INTEGER", "BIGINT", "SMALLINT", "DECIMAL", "NUMERIC", "DOUBLE" -> "number";
          case "TIMESTAMP", "DATETIME", "DATE" -> "time";
          default -> "other";
        };
    boolean sized = type.equals("CHAR") || type.equals("VARCHAR") || type.equals("DECIMAL");
    int size = sized && m.group(2) != null ? Integer.parseInt(m.group(2)) : 0;
    int scale = type.equals("DECIMAL") && m.group(3) != null ? Integer.parseInt(m.group(3)) : 0;
    return new Column(family, size, scale);
  }

  private static String family(int jdbcType) {
    return switch (jdbcType) {
      case Types.CHAR,
          Types.VARCHAR,
          Types.LONGVARCHAR,
          Types.CLOB,
          Types.NCHAR,
          Types.NVARCHAR,
          Types.LONGNVARCHAR,
          Types.NCLOB ->
          "text";
      case Types.INTEGER,
          Types.BIGINT,
          Types.SMALLINT,
          Types.DECIMAL,
          Types.NUMERIC,
          Types.DOUBLE,
          Types.FLOAT,
          Types.REAL ->
          "number";
      case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE, Types.DATE -> "time";
      default -> "other";
    };
  }

  /** Splits on commas outside parentheses. */
  private static List<String> splitTopLevel(String body) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < body.length(); i++) {
      char ch = body.charAt(i);
      if (ch == '(') {
        depth++;
      } else if (ch == ')') {
        depth--;
      } else if (ch == ',' && depth == 0) {
        out.add(body.substring(start, i));
        start = i + 1;
      }
    }
    out.add(body.substring(start));
    return out;
  }

  private static List<String> columnList(String text) {
    String inside = text.contains(")") ? text.substring(0, text.indexOf(')')) : text;
    List<String> out = new ArrayList<>();
    for (String column : inside.split(",")) {
      out.add(lower(column.strip()));
    }
    return List.copyOf(out);
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  private static SchemaException tampered(String what) {
    return new SchemaException(
        "the database schema differs from what the migrations create: "
            + what
            + ". It was changed by hand (or by a tool); restore the missing parts as the"
            + " published script org/salespipeline/jdbc/schema/<database>.sql creates them, or"
            + " restore a backup");
  }
}
