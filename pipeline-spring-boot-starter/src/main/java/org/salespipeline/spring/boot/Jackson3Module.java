package org.salespipeline.spring.boot;

/**
 * Registers {@code SalesPipelineJackson3Module} of {@code pipeline-jackson3}; Boot 4's {@code
 * JsonMapper} adds every {@code JacksonModule} bean. Boot's module discovery may find the same
 * module; Jackson keeps one module per registration id, so it is registered once.
 */
final class Jackson3Module extends JacksonModuleRegistrar {
  static final String CLASS_NAME = "org.salespipeline.jackson3.SalesPipelineJackson3Module";
  static final String BEAN_NAME = "salesPipelineJackson3Module";

  Jackson3Module() {
    super(BEAN_NAME, CLASS_NAME);
  }
}
