package org.salespipeline.jackson3;

import org.salespipeline.json.JsonWriter;
import tools.jackson.core.JsonGenerator;

/** The shared rules' writer over a Jackson 3 generator. */
final class GeneratorWriter implements JsonWriter {
  private final JsonGenerator gen;

  GeneratorWriter(JsonGenerator gen) {
    this.gen = gen;
  }

  @Override
  public void startObject() {
    gen.writeStartObject();
  }

  @Override
  public void endObject() {
    gen.writeEndObject();
  }

  @Override
  public void startArray() {
    gen.writeStartArray();
  }

  @Override
  public void endArray() {
    gen.writeEndArray();
  }

  @Override
  public void name(String name) {
    gen.writeName(name);
  }

  @Override
  public void string(String value) {
    gen.writeString(value);
  }

  @Override
  public void number(long value) {
    gen.writeNumber(value);
  }

  @Override
  public void number(double value) {
    gen.writeNumber(value);
  }

  @Override
  public void bool(boolean value) {
    gen.writeBoolean(value);
  }

  @Override
  public void nullValue() {
    gen.writeNull();
  }
}
