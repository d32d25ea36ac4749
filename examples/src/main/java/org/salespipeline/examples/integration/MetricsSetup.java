package org.salespipeline.examples.integration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.store.PipelineStore;
import org.salespipeline.micrometer.PipelineGauges;
import org.salespipeline.micrometer.PipelineMetrics;

/** The engine with Micrometer metrics and observations (the README's "Metrics" example). */
public final class MetricsSetup {
  private MetricsSetup() {}

  /** An engine over the store whose commands, retries, violations and open pipeline are metered. */
  public static SalesPipeline engine(
      PipelineStore store, MeterRegistry registry, ObservationRegistry observations) {
    // --- README metrics begins
    PipelineMetrics metrics = PipelineMetrics.of(registry, observations);
    SalesPipeline pipeline = SalesPipeline.builder().store(store).observer(metrics).build();
    // open deals and amount per stage, read from the board at most once a minute
    PipelineGauges.register(pipeline, registry, Duration.ofMinutes(1));
    // --- README metrics ends
    return pipeline;
  }
}
