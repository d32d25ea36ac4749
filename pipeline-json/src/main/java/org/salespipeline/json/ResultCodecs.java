package org.salespipeline.json;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computed results ({@code InsightReport}, {@code BookingsForecast}): one field per public no-arg
 * method, in the order of the class's fields where one matches, then alphabetically. Written only.
 */
final class ResultCodecs {
  private ResultCodecs() {}

  private static final Set<String> NOT_PROPERTIES = Set.of("toString", "hashCode", "getClass");

  static ObjectCodec codec(Class<?> type, String typeName) {
    Map<String, Integer> order = new HashMap<>();
    Field[] fields = type.getDeclaredFields();
    for (int i = 0; i < fields.length; i++) {
      order.putIfAbsent(fields[i].getName(), i);
    }
    List<Property> properties = new ArrayList<>();
    for (Method m : type.getMethods()) {
      if (Modifier.isStatic(m.getModifiers())
          || m.getParameterCount() != 0
          || m.getReturnType() == void.class
          || m.getDeclaringClass() == Object.class
          || NOT_PROPERTIES.contains(m.getName())
          || m.isBridge()) {
        continue;
      }
      properties.add(
          new Property(
              m.getName(), Reflection.accessible(m), m.getGenericReturnType(), Property.REQUIRED));
    }
    properties.sort(
        Comparator.<Property>comparingInt(p -> order.getOrDefault(p.name, Integer.MAX_VALUE))
            .thenComparing(p -> p.name));
    return new ObjectCodec(type, typeName, properties, null);
  }
}
