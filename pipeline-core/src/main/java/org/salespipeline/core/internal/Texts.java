package org.salespipeline.core.internal;

import java.util.regex.Pattern;

/** Checks on text input shared by value types and commands. */
public final class Texts {
  /** Keys of stages, pipelines, workspaces, attributes: letters, digits, '_', '-', '.'. */
  public static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,63}");

  private Texts() {}

  /** Whether the text holds a control character other than tab, line feed and carriage return. */
  public static boolean hasControlCharacter(String text, boolean multiLine) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) && !(multiLine && (c == '\n' || c == '\r' || c == '\t'))) {
        return true;
      }
    }
    return false;
  }

  /** Whether the text is a valid key. */
  public static boolean isKey(String text) {
    return text != null && KEY.matcher(text).matches();
  }
}
