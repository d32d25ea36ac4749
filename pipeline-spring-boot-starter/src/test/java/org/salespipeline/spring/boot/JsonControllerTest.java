package org.salespipeline.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.salespipeline.core.Deal;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.store.DealQuery;
import org.salespipeline.jackson3.SalesPipelineJackson3Module;
import org.salespipeline.spring.boot.example.DealController;
import org.salespipeline.spring.boot.example.OrderApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The README's JSON controller in the example application, on Boot 4's own {@code JsonMapper} (the
 * one Spring MVC would use): an OpenDeal in as JSON, the Deal out as JSON, and a bad body a 400
 * naming every problem's path, with nothing saved. Boot 4 only (excluded by {@code -Pboot3}, whose
 * mapper is Jackson 2's; see {@code SalesPipelineAutoConfigurationTest} for that line).
 */
class JsonControllerTest {

  private static ConfigurableApplicationContext start(TestDatabases db) {
    return new SpringApplicationBuilder(OrderApplication.class)
        .web(WebApplicationType.NONE)
        .properties(
            "spring.datasource.url=" + db.url(),
            "spring.sql.init.mode=always",
            "spring.sql.init.schema-locations=classpath:example/schema.sql",
            "pipeline.workspace=" + TestDatabases.freshWorkspace())
        .build()
        .run();
  }

  private static MockMvc http(ConfigurableApplicationContext context) {
    JsonMapper mapper = context.getBean(JsonMapper.class);
    return MockMvcBuilders.standaloneSetup(context.getBean(DealController.class))
        .setMessageConverters(new JacksonJsonHttpMessageConverter(mapper))
        .build();
  }

  private static final String OPEN =
      "{\"name\":\"Acme platform\",\"owner\":\"alice\",\"actor\":\"alice\","
          + "\"amount\":{\"amount\":\"48000.50\",\"currency\":\"EUR\"},"
          + "\"expectedCloseDate\":\"2026-06-30\"}";

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void aCommandInAsJsonTheDealOutAsJson(TestDatabases db) throws Exception {
    try (ConfigurableApplicationContext context = start(db)) {
      MockMvc http = http(context);
      JsonMapper mapper = context.getBean(JsonMapper.class);
      SalesPipeline pipeline = context.getBean(SalesPipeline.class);

      String created =
          http.perform(post("/deals").contentType(MediaType.APPLICATION_JSON).content(OPEN))
              .andExpect(status().isCreated())
              .andReturn()
              .getResponse()
              .getContentAsString();

      assertThat(created)
          .contains("\"amount\":{\"amount\":\"48000.50\",\"currency\":\"EUR\"}")
          .contains("\"expectedCloseDate\":\"2026-06-30\"");
      Deal deal = mapper.readValue(created, Deal.class);
      assertThat(pipeline.deal(deal.id())).contains(deal);
      String read =
          http.perform(get("/deals/{id}", deal.id().toString()))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsString();
      assertThat(read).isEqualTo(created);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void aBadBodyIsA400NamingEveryPathAndSavesNothing(TestDatabases db) throws Exception {
    try (ConfigurableApplicationContext context = start(db)) {
      MockMvc http = http(context);
      JsonMapper mapper = context.getBean(JsonMapper.class);
      SalesPipeline pipeline = context.getBean(SalesPipeline.class);
      String bad =
          "{\"name\":\"Acme\",\"owner\":\"alice\","
              + "\"amount\":{\"amount\":\"10\",\"currency\":\"EUX\"},"
              + "\"expectedCloseDate\":\"soon\"}";

      String answer =
          http.perform(post("/deals").contentType(MediaType.APPLICATION_JSON).content(bad))
              .andExpect(status().isBadRequest())
              .andReturn()
              .getResponse()
              .getContentAsString();

      JsonNode problems = mapper.readTree(answer).get("problems");
      List<String> paths = new ArrayList<>();
      problems.forEach(p -> paths.add(p.get("path").asString() + ": " + p.get("rule").asString()));
      assertThat(paths)
          .contains("$.amount.currency: is not an ISO 4217 currency code", "$.actor: is required")
          .anyMatch(p -> p.startsWith("$.expectedCloseDate: "));
      assertThat(pipeline.findDeals(DealQuery.builder().build()).items()).isEmpty();
    }
  }

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  DataSourceAutoConfiguration.class,
                  JacksonAutoConfiguration.class,
                  SalesPipelineAutoConfiguration.class))
          .withPropertyValues("spring.datasource.url=" + TestDatabases.H2.url());

  private static long pipelineModules(JsonMapper mapper) {
    return mapper.registeredModules().stream()
        .filter(m -> m instanceof SalesPipelineJackson3Module)
        .count();
  }

  @Test
  void bootsJsonMapperHasTheModuleOnceThoughDiscoveryFindsItToo() {
    assertThat(pipelineModules(JsonMapper.builder().findAndAddModules().build()))
        .as("module discovery finds it on its own")
        .isEqualTo(1);
    runner.run(
        context -> {
          assertThat(context).hasSingleBean(SalesPipelineJackson3Module.class);
          assertThat(pipelineModules(context.getBean(JsonMapper.class))).isEqualTo(1);
        });
    runner
        .withPropertyValues("spring.jackson.find-and-add-modules=false")
        .run(
            context ->
                assertThat(pipelineModules(context.getBean(JsonMapper.class)))
                    .as("the starter's bean alone")
                    .isEqualTo(1));
  }
}
