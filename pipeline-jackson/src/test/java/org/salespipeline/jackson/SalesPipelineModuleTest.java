package org.salespipeline.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Money;

class SalesPipelineModuleTest {

  @Test
  void theMapperFindsTheModuleThroughServiceLoader() {
    assertThat(ObjectMapper.findModules())
        .extracting(Module::getModuleName)
        .contains("SalesPipelineModule");
  }

  @Test
  void registeringChangesNoSettingOfTheHostsMapper() {
    ObjectMapper plain = new ObjectMapper();
    ObjectMapper withModule = new ObjectMapper().registerModule(new SalesPipelineModule());
    assertThat(withModule.getSerializationConfig().getSerializationFeatures())
        .isEqualTo(plain.getSerializationConfig().getSerializationFeatures());
    assertThat(withModule.getDeserializationConfig().getDeserializationFeatures())
        .isEqualTo(plain.getDeserializationConfig().getDeserializationFeatures());
    assertThat(withModule.getPropertyNamingStrategy()).isEqualTo(plain.getPropertyNamingStrategy());
  }

  @Test
  void registeringTwiceIsHarmless() throws Exception {
    ObjectMapper mapper =
        new ObjectMapper()
            .registerModule(new SalesPipelineModule())
            .registerModule(new SalesPipelineModule())
            .findAndRegisterModules();
    assertThat(mapper.getRegisteredModuleIds()).hasSize(1);
    assertThat(mapper.writeValueAsString(Money.of("1.5", "EUR")))
        .isEqualTo("{\"amount\":\"1.50\",\"currency\":\"EUR\"}");
  }

  @Test
  void treesAndConversionsGoThroughTheSameRules() {
    ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
    Money money = Money.of("12.30", "USD");
    assertThat(mapper.valueToTree(money).get("amount").asText()).isEqualTo("12.30");
    assertThat(mapper.convertValue(mapper.valueToTree(money), Money.class)).isEqualTo(money);
  }
}
