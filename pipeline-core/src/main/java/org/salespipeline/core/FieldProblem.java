package org.salespipeline.core;

/**
 * One problem with one input field: which field, the offending value (shortened for display), and
 * what is wrong with it.
 *
 * @param field the field's name, for example {@code amount} or {@code stages[2].key}
 * @param value the offending value as text, at most 80 characters, or null when it was null
 * @param message what is wrong, for example {@code must not be blank}
 */
public record FieldProblem(String field, String value, String message) {

  private static final int MAX_VALUE_LENGTH = 80;

  /** A problem with a field; the value is shortened and its control characters made visible. */
  public static FieldProblem of(String field, Object value, String message) {
    return new FieldProblem(field, display(value), message);
  }

  private static String display(Object value) {
    if (value == null) {
      return null;
    }
    String text = String.valueOf(value);
    StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_VALUE_LENGTH + 3));
    for (int i = 0; i < text.length() && out.length() < MAX_VALUE_LENGTH; i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    if (out.length() >= MAX_VALUE_LENGTH && text.length() > MAX_VALUE_LENGTH) {
      out.append("...");
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return field + (value == null ? " (null)" : " '" + value + "'") + " " + message;
  }
}
