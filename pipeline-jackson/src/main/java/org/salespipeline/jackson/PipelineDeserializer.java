package org.salespipeline.jackson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import org.salespipeline.json.InvalidJsonException;
import org.salespipeline.json.PipelineJson;

/** Reads one mapped pipeline type by the shared rules. */
final class PipelineDeserializer extends StdDeserializer<Object> {
  private static final long serialVersionUID = 1L;

  private final JavaType type;

  PipelineDeserializer(JavaType type) {
    super(type);
    this.type = type;
  }

  @Override
  public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    Object tree = TreeReader.read(p);
    try {
      return PipelineJson.read(
          type.getRawClass(),
          tree,
          ctxt.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
    } catch (InvalidJsonException e) {
      String at = TreeReader.pathOfValueJustRead(p);
      throw new InvalidPipelineJsonException(p, type, e.under(at).problems());
    }
  }
}
