package org.salespipeline.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.salespipeline.json.JsonWriter;

/** The shared rules' writer over a Jackson 2 generator. */
final class GeneratorWriter implements JsonWriter {
  private final JsonGenerator gen;

  GeneratorWriter(JsonGenerator gen) {
    this.gen = gen;
  }

  @Override
  public void startObject() throws IOException {
    gen.writeStartObject();
  }

  @Override
  public void endObject() throws IOException {
    gen.writeEndObject();
  }

  @Override
  public void startArray() throws IOException {
    gen.writeStartArray();
  }

  @Override
  public void endArray() throws IOException {
    gen.writeEndArray();
  }

  @Override
  public void name(String name) throws IOException {
    gen.writeFieldName(name);
  }

  @Override
  public void string(String value) throws IOException {
    gen.writeString(value);
  }

  @Override
  public void number(long value) throws IOException {
    gen.writeNumber(value);
  }

  @Override
  public void number(double value) throws IOException {
    gen.writeNumber(value);
  }

  @Override
  public void bool(boolean value) throws IOException {
    gen.writeBoolean(value);
  }

  @Override
  public void nullValue() throws IOException {
    gen.writeNull();
  }
}
