package org.salespipeline.testkit;

import org.salespipeline.core.store.PipelineStore;
import org.salespipeline.core.store.memory.InMemoryPipelineStore;

/** The store contract run against the in-memory store. */
class InMemoryPipelineStoreContractTest extends PipelineStoreContract {
  private static final PipelineStore STORE = new InMemoryPipelineStore();

  @Override
  protected PipelineStore store() {
    return STORE;
  }
}
