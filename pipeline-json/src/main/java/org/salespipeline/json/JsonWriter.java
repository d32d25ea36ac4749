package org.salespipeline.json;

import java.io.IOException;

/**
 * Where {@link PipelineJson} writes a value: a thin view of a JSON library's streaming generator.
 *
 * <p>Each Jackson module implements it over its own {@code JsonGenerator}, so the shape of the JSON
 * is decided once, in {@link PipelineJson}, and never by the host mapper's settings. Calls follow
 * JSON's grammar: inside an object every value is preceded by {@link #name}.
 */
public interface JsonWriter {
  /** Starts an object. */
  void startObject() throws IOException;

  /** Ends the innermost object. */
  void endObject() throws IOException;

  /** Starts an array. */
  void startArray() throws IOException;

  /** Ends the innermost array. */
  void endArray() throws IOException;

  /** The name of the next field of the innermost object. */
  void name(String name) throws IOException;

  /** A string value. */
  void string(String value) throws IOException;

  /** A whole number. */
  void number(long value) throws IOException;

  /** A finite floating-point number; {@link PipelineJson} writes NaN and infinities as strings. */
  void number(double value) throws IOException;

  /** {@code true} or {@code false}. */
  void bool(boolean value) throws IOException;

  /** {@code null}. */
  void nullValue() throws IOException;
}
