package org.salespipeline.json;

import java.io.IOException;
import java.util.function.Function;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.ValidationException;

/**
 * A value written as one JSON string: ids, dates, instants, currencies, enums. Also the codec of
 * map keys.
 */
final class TextCodec implements Codec {
  private final Function<Object, String> format;
  private final Function<String, Object> parse;
  private final String rule;

  private TextCodec(Function<Object, String> format, Function<String, Object> parse, String rule) {
    this.format = format;
    this.parse = parse;
    this.rule = rule;
  }

  @SuppressWarnings("unchecked")
  static <T> TextCodec of(
      Function<? super T, String> format, Function<String, ? extends T> parse, String rule) {
    return new TextCodec(
        value -> format.apply((T) value), text -> (Object) parse.apply(text), rule);
  }

  String text(Object value) {
    return format.apply(value);
  }

  @Override
  public void write(Object value, JsonWriter out) throws IOException {
    out.string(format.apply(value));
  }

  @Override
  public Object read(Object json, Path path, Reading reading) {
    if (!(json instanceof String text)) {
      throw path.problem(rule);
    }
    return fromText(text, path);
  }

  Object fromText(String text, Path path) {
    try {
      return parse.apply(text);
    } catch (ValidationException e) {
      // why: ids report their own rule ("is not a UUID"); the field name inside is the id's own
      FieldProblem first = e.problems().get(0);
      throw path.problem(first.message());
    } catch (RuntimeException e) {
      throw path.problem(rule);
    }
  }
}
