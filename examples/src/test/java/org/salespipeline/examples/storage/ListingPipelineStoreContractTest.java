package org.salespipeline.examples.storage;

import org.salespipeline.core.store.PipelineStore;
import org.salespipeline.testkit.PipelineStoreContract;

/** The custom store passes the contract every store passes. */
class ListingPipelineStoreContractTest extends PipelineStoreContract {
  private final ListingPipelineStore store = new ListingPipelineStore();

  @Override
  protected PipelineStore store() {
    return store;
  }
}
