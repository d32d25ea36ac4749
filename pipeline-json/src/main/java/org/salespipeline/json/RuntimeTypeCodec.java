package org.salespipeline.json;

import java.io.IOException;

/** A value declared by a type variable ({@code Page<T>}): written by its runtime class. */
enum RuntimeTypeCodec implements Codec {
  INSTANCE;

  @Override
  public void write(Object value, JsonWriter out) throws IOException {
    Codecs.forType(value.getClass()).write(value, out);
  }

  @Override
  public Object read(Object json, Path path, Reading reading) {
    throw path.problem("cannot be read: its Java type is a type variable");
  }

  @Override
  public boolean readable() {
    return false;
  }
}
