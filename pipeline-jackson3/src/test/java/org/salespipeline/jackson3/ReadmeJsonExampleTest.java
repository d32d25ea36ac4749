package org.salespipeline.jackson3;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Deal;
import org.salespipeline.core.command.DealCommand;
import org.salespipeline.core.command.MoveDeal;
import org.salespipeline.core.command.OpenDeal;
import org.salespipeline.json.JsonContract;
import org.salespipeline.json.JsonProblem;
import tools.jackson.databind.json.JsonMapper;

/** The code of the README's "JSON (Jackson)" section, Jackson 3 flavour, compiled and checked. */
class ReadmeJsonExampleTest {

  @Test
  void theReadmeExample() throws Exception {
    Deal deal = JsonContract.exampleDeal();
    String body =
        "{\"@type\":\"MoveDeal\",\"deal\":\"019cadc6-9a80-7000-8e29-3adefb838f2e\","
            + "\"actor\":\"alice\",\"toStage\":\"proposal\"}";

    // README: begin
    JsonMapper mapper =
        JsonMapper.builder()
            .findAndAddModules()
            .build(); // or .addModule(new SalesPipelineJackson3Module())

    String json = mapper.writeValueAsString(deal); // {"id":"019cadc6-...","workspace":"acme",...}
    Deal same = mapper.readValue(json, Deal.class);

    MoveDeal move =
        mapper.readValue(
            "{\"deal\":\"019cadc6-9a80-7000-8e29-3adefb838f2e\",\"actor\":\"alice\",\"toStage\":\"proposal\"}",
            MoveDeal.class);
    DealCommand any = mapper.readValue(body, DealCommand.class); // "@type" names the command

    List<JsonProblem> problems = List.of();
    try {
      mapper.readValue(
          "{\"name\":\"Acme\",\"amount\":{\"amount\":\"10\",\"currency\":\"EUX\"}}",
          OpenDeal.class);
    } catch (
        InvalidPipelineJsonException e) { // a MismatchedInputException: your 400 handler sees it
      problems = e.problems(); // [$.amount.currency: is not an ISO 4217 currency code, $.actor: is
      // required, ...]
    }
    // README: end

    assertThat(json).isEqualTo(JsonContract.EXAMPLE_DEAL_JSON);
    assertThat(same).isEqualTo(deal);
    assertThat(move.toStage()).isEqualTo("proposal");
    assertThat(any).isEqualTo(move);
    assertThat(problems)
        .containsExactlyInAnyOrder(
            new JsonProblem("$.amount.currency", "is not an ISO 4217 currency code"),
            new JsonProblem("$.owner", "is required"),
            new JsonProblem("$.expectedCloseDate", "is required"),
            new JsonProblem("$.actor", "is required"));
  }
}
