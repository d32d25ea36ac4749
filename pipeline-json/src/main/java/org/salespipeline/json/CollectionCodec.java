package org.salespipeline.json;

import java.io.IOException;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** Lists, sets, streams, arrays, maps and optionals around an element codec. */
final class CollectionCodec {
  private CollectionCodec() {}

  /** The kind of Java collection a JSON array is read into. */
  enum Kind {
    LIST,
    SET,
    SORTED_SET
  }

  /** A JSON array. */
  static Codec array(Codec element, Kind kind) {
    return new Codec() {
      @Override
      public void write(Object value, JsonWriter out) throws IOException {
        out.startArray();
        for (Object item : inStableOrder((Collection<?>) value)) {
          element.write(item, out);
        }
        out.endArray();
      }

      /**
       * Why: {@code Set.copyOf} iterates in an order that changes from one JVM to the next, so the
       * elements of an unordered set are written sorted, and the same set is always the same JSON.
       */
      private Collection<?> inStableOrder(Collection<?> items) {
        if (kind != Kind.SET
            || items.size() < 2
            || items instanceof java.util.SortedSet
            || items instanceof java.util.LinkedHashSet) {
          return items;
        }
        List<Object> sorted = new ArrayList<>(items);
        if (sorted.stream().allMatch(Comparable.class::isInstance)) {
          sorted.sort(null);
        }
        return sorted;
      }

      @Override
      public Object read(Object json, Path path, Reading reading) {
        if (!(json instanceof List<?> items)) {
          throw path.problem("must be an array");
        }
        Collection<Object> out =
            switch (kind) {
              case LIST -> new ArrayList<>(items.size());
              case SET -> new LinkedHashSet<>();
              case SORTED_SET -> new TreeSet<>();
            };
        for (int i = 0; i < items.size(); i++) {
          Object item = items.get(i);
          if (item == null) {
            throw path.index(i).problem("must not be null");
          }
          out.add(element.read(item, path.index(i), reading));
        }
        return switch (kind) {
          case LIST -> Collections.unmodifiableList((List<Object>) out);
          case SET -> Collections.unmodifiableSet((LinkedHashSet<Object>) out);
          case SORTED_SET -> Collections.unmodifiableSortedSet((TreeSet<Object>) out);
        };
      }

      @Override
      public boolean readable() {
        return element.readable();
      }
    };
  }

  /** A stream, written as an array; results only. */
  static Codec stream(Codec element) {
    return new Codec() {
      @Override
      public void write(Object value, JsonWriter out) throws IOException {
        out.startArray();
        java.util.Iterator<?> items = ((Stream<?>) value).iterator();
        while (items.hasNext()) {
          element.write(items.next(), out);
        }
        out.endArray();
      }

      @Override
      public Object read(Object json, Path path, Reading reading) {
        throw path.problem("is written only");
      }

      @Override
      public boolean readable() {
        return false;
      }
    };
  }

  /** A Java array of primitives or objects, written as a JSON array. */
  static Codec javaArray(Class<?> componentType, Codec element) {
    return new Codec() {
      @Override
      public void write(Object value, JsonWriter out) throws IOException {
        out.startArray();
        for (int i = 0, n = Array.getLength(value); i < n; i++) {
          element.write(Array.get(value, i), out);
        }
        out.endArray();
      }

      @Override
      public Object read(Object json, Path path, Reading reading) {
        if (!(json instanceof List<?> items)) {
          throw path.problem("must be an array");
        }
        Object out = Array.newInstance(componentType, items.size());
        for (int i = 0; i < items.size(); i++) {
          if (items.get(i) == null) {
            throw path.index(i).problem("must not be null");
          }
          Array.set(out, i, element.read(items.get(i), path.index(i), reading));
        }
        return out;
      }

      @Override
      public boolean readable() {
        return element.readable();
      }
    };
  }

  /** A JSON object whose names are the map's keys. */
  static Codec map(TextCodec key, Codec value, boolean sorted) {
    return new Codec() {
      @Override
      public void write(Object map, JsonWriter out) throws IOException {
        out.startObject();
        for (Map.Entry<?, ?> e : inStableOrder((Map<?, ?>) map)) {
          out.name(key.text(e.getKey()));
          value.write(e.getValue(), out);
        }
        out.endObject();
      }

      @Override
      public Object read(Object json, Path path, Reading reading) {
        if (!(json instanceof Map<?, ?> fields)) {
          throw path.problem("must be an object");
        }
        Map<Object, Object> out = sorted ? new TreeMap<>() : new java.util.LinkedHashMap<>();
        for (Map.Entry<?, ?> e : fields.entrySet()) {
          Path at = path.field((String) e.getKey());
          if (e.getValue() == null) {
            throw at.problem("must not be null");
          }
          out.put(key.fromText((String) e.getKey(), at), value.read(e.getValue(), at, reading));
        }
        return sorted
            ? Collections.unmodifiableSortedMap((TreeMap<Object, Object>) out)
            : Collections.unmodifiableMap(out);
      }

      @Override
      public boolean readable() {
        return value.readable();
      }
    };
  }

  /**
   * A map whose keys are objects, written as an array of {@code {"key":...,"value":...}} entries in
   * the map's order.
   */
  static Codec entries(Codec key, Codec value, boolean sorted) {
    return new Codec() {
      @Override
      public void write(Object map, JsonWriter out) throws IOException {
        out.startArray();
        for (Map.Entry<?, ?> e : inStableOrder((Map<?, ?>) map)) {
          out.startObject();
          out.name("key");
          key.write(e.getKey(), out);
          out.name("value");
          value.write(e.getValue(), out);
          out.endObject();
        }
        out.endArray();
      }

      @Override
      public Object read(Object json, Path path, Reading reading) {
        if (!(json instanceof List<?> items)) {
          throw path.problem("must be an array of {\"key\":...,\"value\":...} entries");
        }
        Map<Object, Object> out = sorted ? new TreeMap<>() : new java.util.LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
          Path at = path.index(i);
          if (!(items.get(i) instanceof Map<?, ?> entry)) {
            throw at.problem("must be an object with \"key\" and \"value\"");
          }
          if (entry.get("key") == null || entry.get("value") == null) {
            throw at.field(entry.get("key") == null ? "key" : "value").problem("is required");
          }
          out.put(
              key.read(entry.get("key"), at.field("key"), reading),
              value.read(entry.get("value"), at.field("value"), reading));
        }
        return sorted
            ? Collections.unmodifiableSortedMap((TreeMap<Object, Object>) out)
            : Collections.unmodifiableMap(out);
      }

      @Override
      public boolean readable() {
        return key.readable() && value.readable();
      }
    };
  }

  /**
   * The entries of a map in an order that is the same in every JVM: {@code Map.of} and {@code
   * Map.copyOf} iterate in an order that changes from one JVM to the next, so their entries are
   * sorted by key; every other map keeps its own order.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Collection<? extends Map.Entry<?, ?>> inStableOrder(Map<?, ?> map) {
    if (map.size() < 2 || !map.getClass().getName().startsWith("java.util.ImmutableCollections")) {
      return map.entrySet();
    }
    List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
    if (entries.stream().allMatch(e -> e.getKey() instanceof Comparable)) {
      entries.sort((a, b) -> ((Comparable) a.getKey()).compareTo(b.getKey()));
    }
    return entries;
  }

  /** The kind of Java optional a value is read into. */
  enum OptionalKind {
    OBJECT(Optional::empty),
    DOUBLE(OptionalDouble::empty),
    INT(OptionalInt::empty),
    LONG(OptionalLong::empty);

    final Supplier<Object> empty;

    OptionalKind(Supplier<Object> empty) {
      this.empty = empty;
    }
  }

  /** An optional: its value, or {@code null} (fields of objects leave empty optionals out). */
  static Codec optional(Codec inner, OptionalKind kind) {
    return new Codec() {
      @Override
      public void write(Object value, JsonWriter out) throws IOException {
        Object present = present(value);
        if (present == null) {
          out.nullValue();
        } else {
          inner.write(present, out);
        }
      }

      @Override
      public Object read(Object json, Path path, Reading reading) {
        Object value = inner.read(json, path, reading);
        return switch (kind) {
          case OBJECT -> Optional.of(value);
          case DOUBLE -> OptionalDouble.of((Double) value);
          case INT -> OptionalInt.of((Integer) value);
          case LONG -> OptionalLong.of((Long) value);
        };
      }

      @Override
      public boolean readable() {
        return inner.readable();
      }
    };
  }

  /** The value inside an optional, or null when it is empty or the value is no optional. */
  static Object present(Object value) {
    if (value instanceof Optional<?> o) {
      return o.orElse(null);
    }
    if (value instanceof OptionalDouble o) {
      return o.isPresent() ? o.getAsDouble() : null;
    }
    if (value instanceof OptionalInt o) {
      return o.isPresent() ? o.getAsInt() : null;
    }
    if (value instanceof OptionalLong o) {
      return o.isPresent() ? o.getAsLong() : null;
    }
    return value;
  }
}
