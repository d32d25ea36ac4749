package org.salespipeline.json;

/** Where a value sits in the document being read; rendered only when a problem is reported. */
final class Path {
  static final Path ROOT = new Path(null, null, -1);

  private final Path parent;
  private final String field;
  private final int index;

  private Path(Path parent, String field, int index) {
    this.parent = parent;
    this.field = field;
    this.index = index;
  }

  Path field(String name) {
    return new Path(this, name, -1);
  }

  Path index(int i) {
    return new Path(this, null, i);
  }

  InvalidJsonException problem(String rule) {
    return new InvalidJsonException(java.util.List.of(new JsonProblem(toString(), rule)));
  }

  @Override
  public String toString() {
    if (parent == null) {
      return "$";
    }
    StringBuilder out = new StringBuilder(parent.toString());
    if (field == null) {
      return out.append('[').append(index).append(']').toString();
    }
    boolean plain = !field.isEmpty();
    for (int i = 0; i < field.length() && plain; i++) {
      char c = field.charAt(i);
      plain = Character.isLetterOrDigit(c) || c == '_' || c == '@';
    }
    if (plain) {
      return out.append('.').append(field).toString();
    }
    return out.append("['")
        .append(field.replace("\\", "\\\\").replace("'", "\\'"))
        .append("']")
        .toString();
  }
}
