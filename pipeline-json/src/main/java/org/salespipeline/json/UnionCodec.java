package org.salespipeline.json;

import java.io.IOException;
import java.util.Map;

/**
 * A sealed interface such as {@code Change}: each member is written as an object whose {@value
 * ObjectCodec#TYPE_FIELD} field holds its stable type name ({@code Change.Created.TYPE}), and read
 * back by that name.
 */
final class UnionCodec implements Codec {
  private final Class<?> type;
  private final Map<String, ObjectCodec> byName;

  UnionCodec(Class<?> type, Map<String, ObjectCodec> byName) {
    this.type = type;
    this.byName = Map.copyOf(byName);
  }

  Map<String, ObjectCodec> members() {
    return byName;
  }

  @Override
  public void write(Object value, JsonWriter out) throws IOException {
    Codecs.forType(value.getClass()).write(value, out);
  }

  @Override
  public Object read(Object json, Path path, Reading reading) {
    if (!(json instanceof Map<?, ?> fields)) {
      throw path.problem("must be an object");
    }
    Object name = fields.get(ObjectCodec.TYPE_FIELD);
    ObjectCodec member = name instanceof String s ? byName.get(s) : null;
    if (member == null) {
      throw path.field(ObjectCodec.TYPE_FIELD)
          .problem(
              "must name the kind of "
                  + type.getSimpleName()
                  + ", one of "
                  + new java.util.TreeSet<>(byName.keySet()));
    }
    return member.read(json, path, reading);
  }

  @Override
  public boolean readable() {
    return byName.values().stream().allMatch(ObjectCodec::readable);
  }
}
