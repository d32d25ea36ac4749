package org.salespipeline.testkit;

import org.salespipeline.core.store.PipelineStore;

/**
 * The one thing every contract theme needs from its host: the store to test. Every theme interface
 * of this package extends it, so a test class that implements one or several themes answers this
 * single method.
 *
 * <p>Most hosts never implement it directly: they extend {@link PipelineStoreContract}, which runs
 * every theme and answers it from {@link PipelineStoreContract#store()}.
 */
public interface StoreUnderTest {

  /**
   * A store to test; may be shared between tests, but each test uses fresh workspaces it makes
   * itself (random {@code WorkspaceId}), so stores need not be emptied. Called at least once per
   * test, possibly from several threads of one test.
   *
   * @return the store under test, never null
   */
  PipelineStore storeUnderTest();
}
