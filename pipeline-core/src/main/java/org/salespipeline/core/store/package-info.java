/**
 * The storage SPI: what the engine needs from a store. The in-memory store lives in {@code memory};
 * the JDBC store in the {@code pipeline-jdbc} artifact; hosts may write their own and prove it with
 * the {@code pipeline-testkit} contract.
 */
@PipelineStyle
package org.salespipeline.core.store;

import org.salespipeline.core.PipelineStyle;
