package org.salespipeline.jackson3;

import org.salespipeline.json.InvalidJsonException;
import org.salespipeline.json.PipelineJson;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

/** Ids as keys of a host's maps ({@code Map<DealId, Deal>}): the same string as their value. */
final class IdKeys {
  private IdKeys() {}

  static final class Writer extends StdSerializer<Object> {
    static final Writer INSTANCE = new Writer();

    private Writer() {
      super(Object.class);
    }

    @Override
    public void serialize(Object value, JsonGenerator gen, SerializationContext provider) {
      gen.writeName(PipelineJson.toText(value));
    }
  }

  static final class Reader extends KeyDeserializer {
    private final Class<?> type;

    Reader(Class<?> type) {
      this.type = type;
    }

    @Override
    public Object deserializeKey(String key, DeserializationContext ctxt) {
      try {
        return PipelineJson.fromText(type, key);
      } catch (InvalidJsonException e) {
        throw ctxt.weirdKeyException(type, key, e.problems().get(0).rule());
      }
    }
  }
}
