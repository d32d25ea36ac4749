package org.salespipeline.json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.ValidationException;

/**
 * A value written as a JSON object of its properties: records (their components), Immutables values
 * (the attributes their builder sets) and computed results (written only). Members of a sealed
 * union carry their stable type name in {@value #TYPE_FIELD}.
 */
final class ObjectCodec implements Codec {
  /** The discriminator of sealed unions such as {@code Change}. */
  static final String TYPE_FIELD = "@type";

  /** Builds the value from the properties read; null for results, which are written only. */
  interface Creator {
    /**
     * @param values the value of every property, by index; absent ones hold {@link
     *     Property#BUILDER_DEFAULT} or the property's empty value
     */
    Object create(Object[] values) throws Exception;
  }

  private final Class<?> type;
  private final String typeName;
  private final List<Property> properties;
  private final Map<String, Integer> index = new LinkedHashMap<>();
  private final Creator creator;

  ObjectCodec(Class<?> type, String typeName, List<Property> properties, Creator creator) {
    this.type = type;
    this.typeName = typeName;
    this.properties = List.copyOf(properties);
    this.creator = creator;
    for (int i = 0; i < properties.size(); i++) {
      index.put(properties.get(i).name, i);
    }
  }

  Class<?> type() {
    return type;
  }

  String typeName() {
    return typeName;
  }

  List<Property> properties() {
    return properties;
  }

  private volatile Boolean readable;

  @Override
  public boolean readable() {
    Boolean known = readable;
    if (known == null) {
      readable = Boolean.TRUE; // why: a type that contains itself does not recurse forever
      known = creator != null && properties.stream().allMatch(p -> p.codec().readable());
      readable = known;
    }
    return known;
  }

  /** Builds a value from property values, as reading does; for tests that generate values. */
  Object create(Object[] values) throws Exception {
    return creator.create(values);
  }

  @Override
  public void write(Object value, JsonWriter out) throws IOException {
    out.startObject();
    if (typeName != null) {
      out.name(TYPE_FIELD);
      out.string(typeName);
    }
    for (Property p : properties) {
      Object v = CollectionCodec.present(p.get(value));
      if (v != null) {
        out.name(p.name);
        p.codec().write(v, out);
      }
    }
    out.endObject();
  }

  @Override
  public Object read(Object json, Path path, Reading reading) {
    if (creator == null) {
      throw path.problem(
          "is written only: " + type.getSimpleName() + " is a computed result, never read back");
    }
    if (!(json instanceof Map<?, ?> fields)) {
      throw path.problem("must be an object");
    }
    Object[] values = new Object[properties.size()];
    boolean[] seen = new boolean[properties.size()];
    List<JsonProblem> problems = new ArrayList<>();
    for (Map.Entry<?, ?> e : fields.entrySet()) {
      String name = (String) e.getKey();
      Integer i = index.get(name);
      if (i == null) {
        if (name.equals(TYPE_FIELD) && typeName != null) {
          if (!typeName.equals(e.getValue())) {
            problems.add(problem(path.field(name), "must be \"" + typeName + "\""));
          }
        } else if (reading.failOnUnknownFields()) {
          problems.add(problem(path.field(name), "is not a field of " + type.getSimpleName()));
        }
        continue;
      }
      if (e.getValue() == null) {
        continue; // why: null means absent, like a field left out
      }
      Property p = properties.get(i);
      seen[i] = true;
      try {
        values[i] = p.codec().read(e.getValue(), path.field(name), reading);
      } catch (InvalidJsonException problem) {
        problems.addAll(problem.problems());
      }
    }
    for (int i = 0; i < values.length; i++) {
      if (!seen[i]) {
        Object absent = properties.get(i).absent;
        if (absent == Property.REQUIRED) {
          problems.add(problem(path.field(properties.get(i).name), "is required"));
        }
        values[i] = absent;
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidJsonException(problems);
    }
    try {
      return creator.create(values);
    } catch (ValidationException e) {
      List<JsonProblem> found = new ArrayList<>();
      for (FieldProblem fp : e.problems()) {
        Path at = index.containsKey(fp.field()) ? path.field(fp.field()) : path;
        found.add(problem(at, fp.message()));
      }
      throw new InvalidJsonException(found);
    } catch (InvalidJsonException e) {
      throw e;
    } catch (Exception e) {
      // why: @Value.Check and record constructors state structural rules in their message
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw path.problem("is not a valid " + type.getSimpleName() + ": " + message);
    }
  }

  private static JsonProblem problem(Path at, String rule) {
    return new JsonProblem(at.toString(), rule);
  }
}
