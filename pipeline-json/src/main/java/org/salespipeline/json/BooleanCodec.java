package org.salespipeline.json;

import java.io.IOException;

/** JSON {@code true} and {@code false}. */
enum BooleanCodec implements Codec {
  INSTANCE;

  @Override
  public void write(Object value, JsonWriter out) throws IOException {
    out.bool((Boolean) value);
  }

  @Override
  public Object read(Object json, Path path, Reading reading) {
    if (json instanceof Boolean b) {
      return b;
    }
    throw path.problem("must be true or false");
  }
}
