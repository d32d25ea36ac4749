package org.salespipeline.jackson3;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;

/** Reads the value under a Jackson 3 parser into the plain tree the shared rules read. */
final class TreeReader {
  private TreeReader() {}

  static Object read(JsonParser p) {
    JsonToken token = p.currentToken();
    switch (token) {
      case START_OBJECT:
        p.nextToken();
        return readFields(p);
      case PROPERTY_NAME:
        // why: a caller that buffered the start of the object hands it over at its first name
        return readFields(p);
      case START_ARRAY:
        List<Object> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          items.add(read(p));
        }
        return items;
      case VALUE_STRING:
        return p.getString();
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return p.getDecimalValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw new IllegalStateException("unexpected token " + token);
    }
  }

  private static Map<String, Object> readFields(JsonParser p) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (; p.currentToken() == JsonToken.PROPERTY_NAME; p.nextToken()) {
      String name = p.currentName();
      p.nextToken();
      fields.put(name, read(p));
    }
    return fields;
  }

  /** The JSON path of the value just read, for example {@code $.order.deal}. */
  static String pathOfValueJustRead(JsonParser p) {
    Deque<String> parts = new ArrayDeque<>();
    for (TokenStreamContext c = p.streamReadContext();
        c != null && !c.inRoot();
        c = c.getParent()) {
      if (c.inObject() && c.currentName() != null) {
        parts.push("." + c.currentName());
      } else if (c.inArray()) {
        parts.push("[" + Math.max(c.getCurrentIndex(), 0) + "]");
      }
    }
    return "$" + String.join("", parts);
  }
}
