/**
 * The storage contract as tests: {@link org.salespipeline.testkit.PipelineStoreContract} runs every
 * theme against a host's {@link org.salespipeline.core.store.PipelineStore} through a one-method
 * leaf class; each theme ({@link org.salespipeline.testkit.DealCommitContract}, {@link
 * org.salespipeline.testkit.IdempotencyContract}, ...) is also a JUnit 5 test interface of its own
 * over {@link org.salespipeline.testkit.StoreUnderTest}.
 */
package org.salespipeline.testkit;
