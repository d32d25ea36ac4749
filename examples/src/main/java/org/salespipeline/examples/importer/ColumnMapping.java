package org.salespipeline.examples.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which CSV column holds which deal field. Fields: {@code name}, {@code owner}, {@code amount},
 * {@code close_date} (required), and {@code currency}, {@code stage}, {@code account}, {@code
 * source}, {@code opened_at} (optional). A field not mapped is read from the column of its own
 * name, if the file has one. Immutable.
 *
 * <pre>{@code
 * ColumnMapping mapping = ColumnMapping.parse(List.of("name=Opportunity", "owner=Rep", "amount=Value"));
 * }</pre>
 */
public final class ColumnMapping {
  /** Fields every row must give. */
  public static final List<String> REQUIRED = List.of("name", "owner", "amount", "close_date");

  /** Fields a row may give. */
  public static final List<String> OPTIONAL =
      List.of("currency", "stage", "account", "source", "opened_at");

  private final Map<String, String> columns;

  private ColumnMapping(Map<String, String> columns) {
    this.columns = Map.copyOf(columns);
  }

  /** Every field read from the column of its own name. */
  public static ColumnMapping byFieldName() {
    return new ColumnMapping(Map.of());
  }

  /**
   * A mapping from {@code field=column} pairs.
   *
   * @throws IllegalArgumentException naming every bad pair: no '=', an unknown field, a field given
   *     twice
   */
  public static ColumnMapping parse(List<String> pairs) {
    Map<String, String> columns = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (String pair : pairs) {
      int eq = pair.indexOf('=');
      if (eq <= 0 || eq == pair.length() - 1) {
        problems.add("'" + pair + "' is not field=column");
        continue;
      }
      String field = pair.substring(0, eq).trim().toLowerCase(java.util.Locale.ROOT);
      if (!REQUIRED.contains(field) && !OPTIONAL.contains(field)) {
        problems.add("'" + field + "' is not a field; fields are " + REQUIRED + " and " + OPTIONAL);
      } else if (columns.put(field, pair.substring(eq + 1).trim()) != null) {
        problems.add("field '" + field + "' is mapped twice");
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    return new ColumnMapping(columns);
  }

  /** The column name of a field. */
  public String column(String field) {
    return columns.getOrDefault(field, field);
  }

  /** The 0-based index of the field's column in the table, if present. */
  Optional<Integer> index(CsvTable table, String field) {
    return table.column(column(field));
  }
}
