package org.salespipeline.jackson;

import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.ser.Serializers;
import org.salespipeline.json.PipelineJson;

/**
 * The Jackson 2 module for the sales pipeline: every public value type, command, result, event,
 * board, forecast and insight result of {@code pipeline-core} and {@code pipeline-forecast}, in the
 * JSON described in {@link PipelineJson} (the same bytes as the Jackson 3 module writes).
 *
 * <p>Register it on the host's mapper, or let the mapper find it: {@code
 * ObjectMapper.findAndRegisterModules()} and Spring Boot's auto-configuration discover it through
 * {@code META-INF/services}. It never builds a mapper and changes no setting of the host's; it
 * honours {@code FAIL_ON_UNKNOWN_PROPERTIES}. Invalid input fails with {@link
 * InvalidPipelineJsonException}, naming the JSON path and the rule.
 *
 * <p>Immutable and thread-safe; one instance may be registered on any number of mappers.
 */
public final class SalesPipelineModule extends Module {
  /** A module; stateless. */
  public SalesPipelineModule() {}

  @Override
  public String getModuleName() {
    return "SalesPipelineModule";
  }

  @Override
  public Version version() {
    return Version.unknownVersion();
  }

  @Override
  public void setupModule(SetupContext context) {
    context.addSerializers(
        new Serializers.Base() {
          @Override
          public JsonSerializer<?> findSerializer(
              SerializationConfig config, JavaType type, BeanDescription beanDesc) {
            return PipelineJson.isMapped(type.getRawClass()) ? PipelineSerializer.INSTANCE : null;
          }
        });
    context.addDeserializers(
        new Deserializers.Base() {
          @Override
          public JsonDeserializer<?> findBeanDeserializer(
              JavaType type, DeserializationConfig config, BeanDescription beanDesc) {
            return PipelineJson.isMapped(type.getRawClass())
                ? new PipelineDeserializer(type)
                : null;
          }

          @Override
          public boolean hasDeserializerFor(DeserializationConfig config, Class<?> valueType) {
            return PipelineJson.isMapped(valueType);
          }
        });
    context.addKeySerializers(
        new Serializers.Base() {
          @Override
          public JsonSerializer<?> findSerializer(
              SerializationConfig config, JavaType type, BeanDescription beanDesc) {
            return PipelineJson.isText(type.getRawClass()) ? IdKeys.Writer.INSTANCE : null;
          }
        });
    context.addKeyDeserializers(
        (type, config, beanDesc) ->
            PipelineJson.isText(type.getRawClass()) ? new IdKeys.Reader(type.getRawClass()) : null);
  }
}
