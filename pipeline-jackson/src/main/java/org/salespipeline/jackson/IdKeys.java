package org.salespipeline.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import org.salespipeline.json.InvalidJsonException;
import org.salespipeline.json.PipelineJson;

/** Ids as keys of a host's maps ({@code Map<DealId, Deal>}): the same string as their value. */
final class IdKeys {
  private IdKeys() {}

  static final class Writer extends StdSerializer<Object> {
    private static final long serialVersionUID = 1L;

    static final Writer INSTANCE = new Writer();

    private Writer() {
      super(Object.class);
    }

    @Override
    public void serialize(Object value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeFieldName(PipelineJson.toText(value));
    }
  }

  static final class Reader extends KeyDeserializer {
    private final Class<?> type;

    Reader(Class<?> type) {
      this.type = type;
    }

    @Override
    public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
      try {
        return PipelineJson.fromText(type, key);
      } catch (InvalidJsonException e) {
        throw ctxt.weirdKeyException(type, key, e.problems().get(0).rule());
      }
    }
  }
}
