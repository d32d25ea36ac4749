package org.salespipeline.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import org.salespipeline.json.PipelineJson;

/** Writes any mapped pipeline value by the shared rules. */
final class PipelineSerializer extends StdSerializer<Object> {
  private static final long serialVersionUID = 1L;

  static final PipelineSerializer INSTANCE = new PipelineSerializer();

  private PipelineSerializer() {
    super(Object.class);
  }

  @Override
  public void serialize(Object value, JsonGenerator gen, SerializerProvider provider)
      throws IOException {
    PipelineJson.write(value, new GeneratorWriter(gen));
  }
}
