package org.salespipeline.json;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a value into the plain tree {@link PipelineJson#read} takes, for tests without Jackson.
 */
final class TreeWriter implements JsonWriter {
  private final Deque<Object> open = new ArrayDeque<>();
  private final Deque<String> names = new ArrayDeque<>();
  private Object root;

  static Object treeOf(Object value) {
    TreeWriter out = new TreeWriter();
    try {
      PipelineJson.write(value, out);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.root;
  }

  @SuppressWarnings("unchecked")
  private void add(Object value) {
    if (open.isEmpty()) {
      root = value;
    } else if (open.peek() instanceof Map<?, ?> map) {
      ((Map<String, Object>) map).put(names.pop(), value);
    } else {
      ((List<Object>) open.peek()).add(value);
    }
  }

  @Override
  public void startObject() {
    Map<String, Object> map = new LinkedHashMap<>();
    add(map);
    open.push(map);
  }

  @Override
  public void endObject() {
    open.pop();
  }

  @Override
  public void startArray() {
    List<Object> list = new ArrayList<>();
    add(list);
    open.push(list);
  }

  @Override
  public void endArray() {
    open.pop();
  }

  @Override
  public void name(String name) {
    names.push(name);
  }

  @Override
  public void string(String value) {
    add(value);
  }

  @Override
  public void number(long value) {
    add(BigDecimal.valueOf(value));
  }

  @Override
  public void number(double value) {
    add(new BigDecimal(Double.toString(value)));
  }

  @Override
  public void bool(boolean value) {
    add(value);
  }

  @Override
  public void nullValue() {
    add(null);
  }
}
