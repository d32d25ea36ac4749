package org.salespipeline.jackson3;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.salespipeline.json.PipelineJson;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

/** Writes any mapped pipeline value by the shared rules. */
final class PipelineSerializer extends StdSerializer<Object> {
  static final PipelineSerializer INSTANCE = new PipelineSerializer();

  private PipelineSerializer() {
    super(Object.class);
  }

  @Override
  public void serialize(Object value, JsonGenerator gen, SerializationContext provider) {
    try {
      PipelineJson.write(value, new GeneratorWriter(gen));
    } catch (IOException e) {
      // why: the Jackson 3 writer throws unchecked exceptions only; this is never reached
      throw new UncheckedIOException(e);
    }
  }
}
