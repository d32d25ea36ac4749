package org.salespipeline.json;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;

/**
 * One field of a JSON object: its name, how it is read from the Java value, its codec and what an
 * absent field means.
 */
final class Property {
  final String name;
  private final Method getter;
  final Type type;

  /** The value of an absent field, or {@link #REQUIRED}, or {@link #BUILDER_DEFAULT}. */
  final Object absent;

  private volatile Codec codec;

  static final Object REQUIRED = new Object();
  static final Object BUILDER_DEFAULT = new Object();

  Property(String name, Method getter, Type type, Object absent) {
    this.name = name;
    this.getter = getter;
    this.type = type;
    this.absent = absent;
  }

  Object get(Object bean) {
    try {
      return getter.invoke(bean);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read " + name + " of " + bean.getClass(), e);
    } catch (InvocationTargetException e) {
      throw Reflection.unchecked(e);
    }
  }

  Codec codec() {
    Codec c = codec;
    if (c == null) {
      // why: resolved on first use, so types that contain themselves resolve too
      c = Codecs.forType(type);
      codec = c;
    }
    return c;
  }
}
