package org.salespipeline.spring.boot;

import org.salespipeline.core.SalesPipelineBuilder;

/**
 * Adjusts the builder of the starter's {@link org.salespipeline.core.SalesPipeline} beans before
 * they are built: pipelines, stage rules, qualification frameworks, currency conversion. Every
 * customizer bean is applied, in {@code @Order}; the starter has already set the store, workspace,
 * clock, id generator, reporting currency and listeners, and a setting may be set only once.
 */
@FunctionalInterface
public interface SalesPipelineCustomizer {

  /** Adjusts the builder. */
  void customize(SalesPipelineBuilder builder);
}
