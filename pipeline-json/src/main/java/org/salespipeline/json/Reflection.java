package org.salespipeline.json;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/** Reflection chores shared by the codecs. */
final class Reflection {
  private Reflection() {}

  static RuntimeException unchecked(InvocationTargetException e) {
    Throwable cause = e.getCause();
    if (cause instanceof RuntimeException r) {
      return r;
    }
    if (cause instanceof Error err) {
      throw err;
    }
    return new IllegalStateException(cause);
  }

  static Method accessible(Method method) {
    // why: Immutables declares builder methods in a package-private generated class
    method.setAccessible(true);
    return method;
  }

  static Class<?> boxed(Class<?> type) {
    if (!type.isPrimitive()) {
      return type;
    }
    if (type == int.class) {
      return Integer.class;
    }
    if (type == long.class) {
      return Long.class;
    }
    if (type == double.class) {
      return Double.class;
    }
    if (type == boolean.class) {
      return Boolean.class;
    }
    if (type == float.class) {
      return Float.class;
    }
    if (type == short.class) {
      return Short.class;
    }
    if (type == byte.class) {
      return Byte.class;
    }
    return Character.class;
  }
}
