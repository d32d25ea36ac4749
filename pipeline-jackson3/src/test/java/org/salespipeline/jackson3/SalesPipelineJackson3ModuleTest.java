package org.salespipeline.jackson3;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.salespipeline.core.Money;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

class SalesPipelineJackson3ModuleTest {

  @Test
  void theMapperFindsTheModuleThroughServiceLoader() {
    assertThat(JsonMapper.builder().findAndAddModules().build().registeredModules())
        .extracting(JacksonModule::getModuleName)
        .contains("SalesPipelineJackson3Module");
  }

  @Test
  void registeringChangesNoSettingOfTheHostsMapper() {
    JsonMapper plain = JsonMapper.builder().build();
    JsonMapper withModule =
        JsonMapper.builder().addModule(new SalesPipelineJackson3Module()).build();
    for (SerializationFeature f : SerializationFeature.values()) {
      assertThat(withModule.isEnabled(f)).as(f.name()).isEqualTo(plain.isEnabled(f));
    }
    for (DeserializationFeature f : DeserializationFeature.values()) {
      assertThat(withModule.isEnabled(f)).as(f.name()).isEqualTo(plain.isEnabled(f));
    }
  }

  @Test
  void treesAndConversionsGoThroughTheSameRules() {
    JsonMapper mapper = JsonMapper.builder().findAndAddModules().build();
    Money money = Money.of("12.30", "USD");
    assertThat(mapper.valueToTree(money).get("amount").asString()).isEqualTo("12.30");
    assertThat(mapper.convertValue(mapper.valueToTree(money), Money.class)).isEqualTo(money);
  }
}
