package org.salespipeline.jdbc.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A statement written with {@code :name} placeholders, turned once into the JDBC text with {@code
 * ?} and the positions each name binds. A name may appear more than once. Text inside single quotes
 * is left alone (the shipped statements have none; the lint test keeps it so).
 */
final class NamedSql {
  private final String jdbc;
  private final Map<String, int[]> positions;
  private final int count;

  private NamedSql(String jdbc, Map<String, int[]> positions, int count) {
    this.jdbc = jdbc;
    this.positions = positions;
    this.count = count;
  }

  static NamedSql parse(String text) {
    StringBuilder out = new StringBuilder(text.length());
    Map<String, List<Integer>> found = new HashMap<>();
    int position = 0;
    boolean quoted = false;
    int i = 0;
    while (i < text.length()) {
      char ch = text.charAt(i);
      if (ch == '\'') {
        quoted = !quoted;
      } else if (!quoted
          && ch == ':'
          && i + 1 < text.length()
          && Character.isJavaIdentifierStart(text.charAt(i + 1))
          && (i == 0 || text.charAt(i - 1) != ':')) {
        int end = i + 1;
        while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) {
          end++;
        }
        found.computeIfAbsent(text.substring(i + 1, end), n -> new ArrayList<>()).add(++position);
        out.append('?');
        i = end;
        continue;
      }
      out.append(ch);
      i++;
    }
    Map<String, int[]> positions = new HashMap<>();
    found.forEach(
        (name, at) -> positions.put(name, at.stream().mapToInt(Integer::intValue).toArray()));
    return new NamedSql(out.toString(), Map.copyOf(positions), position);
  }

  /** The text with {@code ?} in place of every name, for {@code prepareStatement}. */
  String jdbc() {
    return jdbc;
  }

  /** How many {@code ?} the JDBC text has. */
  int parameterCount() {
    return count;
  }

  /** The 1-based positions a name binds; fails naming the name when the statement lacks it. */
  int[] positions(String name) {
    int[] at = positions.get(name);
    if (at == null) {
      throw new IllegalArgumentException(
          "statement has no parameter :" + name + " (has " + positions.keySet() + "): " + jdbc);
    }
    return at;
  }
}
