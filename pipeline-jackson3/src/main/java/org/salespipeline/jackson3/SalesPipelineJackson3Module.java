package org.salespipeline.jackson3;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.salespipeline.json.PipelineJson;
import tools.jackson.core.Version;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.deser.Deserializers;
import tools.jackson.databind.ser.Serializers;

/**
 * The Jackson 3 module for the sales pipeline (the Jackson line Spring Boot 4 uses): every public
 * value type, command, result, event, board, forecast and insight result of {@code pipeline-core}
 * and {@code pipeline-forecast}, in the JSON described in {@link PipelineJson}, byte for byte what
 * the Jackson 2 module writes.
 *
 * <p>Register it on the host's mapper builder, or let the mapper find it: {@code
 * JsonMapper.builder().findAndAddModules()} and Spring Boot discover it through {@code
 * META-INF/services}. It never builds a mapper and changes no setting of the host's; it honours
 * {@code FAIL_ON_UNKNOWN_PROPERTIES}. Invalid input fails with {@link
 * InvalidPipelineJsonException}, naming the JSON path and the rule.
 *
 * <p>Immutable and thread-safe; one instance may be registered on any number of mappers.
 */
public final class SalesPipelineJackson3Module extends JacksonModule {
  /** A module; stateless. */
  public SalesPipelineJackson3Module() {}

  @Override
  public String getModuleName() {
    return "SalesPipelineJackson3Module";
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
          public ValueSerializer<?> findSerializer(
              SerializationConfig config,
              JavaType type,
              BeanDescription.Supplier beanDesc,
              JsonFormat.Value formatOverrides) {
            return PipelineJson.isMapped(type.getRawClass()) ? PipelineSerializer.INSTANCE : null;
          }
        });
    context.addDeserializers(
        new Deserializers.Base() {
          @Override
          public ValueDeserializer<?> findBeanDeserializer(
              JavaType type, DeserializationConfig config, BeanDescription.Supplier beanDesc) {
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
          public ValueSerializer<?> findSerializer(
              SerializationConfig config,
              JavaType type,
              BeanDescription.Supplier beanDesc,
              JsonFormat.Value formatOverrides) {
            return PipelineJson.isText(type.getRawClass()) ? IdKeys.Writer.INSTANCE : null;
          }
        });
    context.addKeyDeserializers(
        (type, config, beanDesc) ->
            PipelineJson.isText(type.getRawClass()) ? new IdKeys.Reader(type.getRawClass()) : null);
  }
}
