package org.salespipeline.examples.cli;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * A tiny streaming JSON writer for the command line's {@code --json} output: objects, arrays,
 * strings, finite numbers (NaN and infinities become {@code null}), booleans. Keys and nesting are
 * checked as they are written, so a finished document is well formed. Not thread-safe.
 */
final class Json {
  private final StringBuilder text = new StringBuilder();
  // per open container: true while it is still empty
  private final Deque<Boolean> empty = new ArrayDeque<>();
  private final Deque<Character> closers = new ArrayDeque<>();
  private boolean afterKey;

  /** Opens an object (at the top, as an array element or after a key). */
  Json object() {
    return open('{', '}');
  }

  /** Opens an array. */
  Json array() {
    return open('[', ']');
  }

  /** Closes the innermost object or array. */
  Json end() {
    if (closers.isEmpty() || afterKey) {
      throw new IllegalStateException("nothing to close here: " + text);
    }
    text.append(closers.pop());
    empty.pop();
    return this;
  }

  /** Writes a key of the current object; a value must follow. */
  Json key(String name) {
    if (closers.isEmpty() || closers.peek() != '}' || afterKey) {
      throw new IllegalStateException("a key belongs inside an object: " + name);
    }
    separate();
    string(name);
    text.append(':');
    afterKey = true;
    return this;
  }

  /** Writes a string value, or null. */
  Json value(String value) {
    beforeValue();
    if (value == null) {
      text.append("null");
    } else {
      string(value);
    }
    return this;
  }

  /** Writes a number; NaN and infinities as null. */
  Json value(double value) {
    beforeValue();
    text.append(
        Double.isFinite(value)
            ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()
            : "null");
    return this;
  }

  /** Writes an exact decimal as a number. */
  Json value(BigDecimal value) {
    beforeValue();
    text.append(value == null ? "null" : value.toPlainString());
    return this;
  }

  /** Writes an integer. */
  Json value(long value) {
    beforeValue();
    text.append(value);
    return this;
  }

  /** Writes a boolean. */
  Json value(boolean value) {
    beforeValue();
    text.append(value);
    return this;
  }

  /** The document; every container must be closed. */
  @Override
  public String toString() {
    if (!closers.isEmpty()) {
      throw new IllegalStateException("unclosed containers: " + closers);
    }
    return text.toString();
  }

  private Json open(char opener, char closer) {
    beforeValue();
    text.append(opener);
    closers.push(closer);
    empty.push(true);
    return this;
  }

  private void beforeValue() {
    if (afterKey) {
      afterKey = false;
      return;
    }
    if (!closers.isEmpty() && closers.peek() == '}') {
      throw new IllegalStateException("a value inside an object needs a key first");
    }
    if (closers.isEmpty() && text.length() > 0) {
      throw new IllegalStateException("one document has one top-level value");
    }
    separate();
  }

  private void separate() {
    if (!empty.isEmpty()) {
      if (!empty.peek()) {
        text.append(',');
      }
      empty.pop();
      empty.push(false);
    }
  }

  private void string(String s) {
    text.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> text.append("\\\"");
        case '\\' -> text.append("\\\\");
        case '\n' -> text.append("\\n");
        case '\r' -> text.append("\\r");
        case '\t' -> text.append("\\t");
        default -> {
          if (c < 0x20) {
            text.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            text.append(c);
          }
        }
      }
    }
    text.append('"');
  }
}
