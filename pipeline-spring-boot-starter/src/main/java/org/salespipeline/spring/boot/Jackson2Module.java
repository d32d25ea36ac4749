package org.salespipeline.spring.boot;

/**
 * Registers {@code SalesPipelineModule} of {@code pipeline-jackson}: Boot 3's {@code ObjectMapper}
 * adds every Jackson 2 {@code Module} bean (it does not use module discovery).
 */
final class Jackson2Module extends JacksonModuleRegistrar {
  static final String CLASS_NAME = "org.salespipeline.jackson.SalesPipelineModule";
  static final String BEAN_NAME = "salesPipelineJacksonModule";

  Jackson2Module() {
    super(BEAN_NAME, CLASS_NAME);
  }
}
