package org.salespipeline.jackson3;

import org.salespipeline.json.InvalidJsonException;
import org.salespipeline.json.PipelineJson;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.deser.std.StdDeserializer;

/** Reads one mapped pipeline type by the shared rules. */
final class PipelineDeserializer extends StdDeserializer<Object> {
  private final JavaType type;

  PipelineDeserializer(JavaType type) {
    super(type);
    this.type = type;
  }

  @Override
  public Object deserialize(JsonParser p, DeserializationContext ctxt) {
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
