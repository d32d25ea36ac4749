package org.salespipeline.jackson3;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.salespipeline.json.JsonContract;
import org.salespipeline.json.JsonProblem;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The shared JSON contract on Jackson 3, with the module found by discovery. */
class Jackson3JsonTest extends JsonContract {
  private static final JsonMapper STRICT =
      JsonMapper.builder()
          .findAndAddModules()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();
  private static final JsonMapper LENIENT =
      JsonMapper.builder()
          .findAndAddModules()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

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
