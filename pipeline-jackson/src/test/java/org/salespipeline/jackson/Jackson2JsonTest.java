package org.salespipeline.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.salespipeline.json.JsonContract;
import org.salespipeline.json.JsonProblem;

/** The shared JSON contract on Jackson 2, with the module found by discovery. */
class Jackson2JsonTest extends JsonContract {
  private static final ObjectMapper STRICT =
      new ObjectMapper()
          .findAndRegisterModules()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final ObjectMapper LENIENT =
      new ObjectMapper()
          .findAndRegisterModules()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  @Override
  protected String write(Object value) throws Exception {
    return STRICT.writeValueAsString(value);
  }

  @Override
  protected <T> T read(String json, Class<T> type, boolean failOnUnknownFields) throws Exception {
    return (failOnUnknownFields ? STRICT : LENIENT).readValue(json, type);
  }

  @Override
  protected List<JsonProblem> problemsOf(Throwable thrown) {
    assertThat(thrown).isInstanceOf(InvalidPipelineJsonException.class);
    InvalidPipelineJsonException e = (InvalidPipelineJsonException) thrown;
    assertThat(e.getOriginalMessage()).startsWith(e.problems().get(0).toString());
    return e.problems();
  }
}
