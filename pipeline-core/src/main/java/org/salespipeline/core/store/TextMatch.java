package org.salespipeline.core.store;

import java.util.Locale;
import java.util.Objects;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.ValidationException;

/**
 * A case-insensitive text filter on a name: {@link #prefix starts with} or {@link #contains
 * contains} the given text.
 *
 * <p>Case-insensitive means: both sides are {@link #fold folded} with {@link
 * String#toLowerCase(Locale) toLowerCase(Locale.ROOT)} and then compared exactly, character by
 * character. Every store answers the same way (the JDBC store keeps the folded name in a column of
 * its own, with a binary collation, so no database locale takes part). Accents are kept: {@code
 * "cafe"} does not match {@code "Café"}.
 *
 * @param text the text to look for, 1 to 200 characters, never blank, without control characters or
 *     lone UTF-16 surrogates
 * @param mode prefix or contains
 */
public record TextMatch(String text, Mode mode) {
  /** The longest text a filter may hold. */
  public static final int MAX_LENGTH = 200;

  /** How the text must occur in the name. */
  public enum Mode {
    /** The name starts with the text; served by an index in the JDBC store. */
    PREFIX,
    /** The text occurs anywhere in the name; reads every row of the workspace's table. */
    CONTAINS
  }

  /**
   * @throws ValidationException naming {@code name} if the text is null, blank, longer than {@value
   *     #MAX_LENGTH} characters or holds a control character or a lone surrogate
   */
  public TextMatch {
    Objects.requireNonNull(mode, "mode");
    if (text == null || text.isBlank() || text.length() > MAX_LENGTH || hasLoneSurrogate(text)) {
      throw new ValidationException(
          FieldProblem.of(
              "name",
              text,
              "must be 1 to "
                  + MAX_LENGTH
                  + " characters, not blank, without control characters or lone surrogates"));
    }
  }

  /** Names starting with {@code text}, ignoring case. */
  public static TextMatch prefix(String text) {
    return new TextMatch(text, Mode.PREFIX);
  }

  /** Names containing {@code text}, ignoring case. */
  public static TextMatch contains(String text) {
    return new TextMatch(text, Mode.CONTAINS);
  }

  /** The folded form both sides are compared in: {@code toLowerCase(Locale.ROOT)}. */
  public static String fold(String text) {
    return text.toLowerCase(Locale.ROOT);
  }

  /** The folded text to look for. */
  public String folded() {
    return fold(text);
  }

  /** Whether the name matches this filter. */
  public boolean matches(String name) {
    String folded = fold(name);
    return mode == Mode.PREFIX ? folded.startsWith(folded()) : folded.contains(folded());
  }

  private static boolean hasLoneSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return true;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return true;
      }
    }
    return false;
  }
}
