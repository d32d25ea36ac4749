package org.salespipeline.jdbc.internal;

import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.ValidationException;
import org.salespipeline.core.store.TextMatch;

/** The folded name columns and the LIKE patterns that search them. */
final class SearchText {
  /** The width of the {@code name_folded} and {@code industry_folded} columns. */
  static final int MAX_FOLDED = 600;

  private SearchText() {}

  /**
   * The folded form of a stored name, as {@link TextMatch#fold}.
   *
   * @throws ValidationException naming {@code field} if it does not fit the column
   */
  static String folded(String field, String text) {
    String folded = column(text);
    if (folded.length() > MAX_FOLDED) {
      throw new ValidationException(
          FieldProblem.of(field, text, "is too long to be stored (at most 200 characters)"));
    }
    return folded;
  }

  /** The folded form for rows written before the column existed: cut to the column's width. */
  static String foldedCut(String text) {
    String folded = column(text);
    return folded.length() <= MAX_FOLDED ? folded : folded.substring(0, MAX_FOLDED);
  }

  /**
   * The folded text as the column holds it. PostgreSQL text cannot hold U+0000, which the engine
   * never accepts in a name but a host writing through the SPI may; it is stored as U+FFFD, and a
   * name filter cannot hold control characters, so no search can tell.
   */
  private static String column(String text) {
    return TextMatch.fold(text).replace('\u0000', '\uFFFD');
  }

  /** The LIKE pattern of a filter, escaped with the default escape character (backslash). */
  static String likePattern(TextMatch match) {
    String folded = match.folded();
    StringBuilder escaped = new StringBuilder(folded.length() + 4);
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (c == '\\' || c == '%' || c == '_') {
        escaped.append('\\');
      }
      escaped.append(c);
    }
    return match.mode() == TextMatch.Mode.PREFIX ? escaped + "%" : "%" + escaped + "%";
  }
}
