package org.salespipeline.jdbc;

import org.salespipeline.core.store.PipelineStore;
import org.salespipeline.testkit.PipelineStoreContract;

/** The storage contract (T1, T2, T3, T10, T17 and more) on H2; one store shared by all tests. */
class H2PipelineStoreContractTest extends PipelineStoreContract {
  private static PipelineStore store;

  @Override
  protected PipelineStore store() {
    synchronized (H2PipelineStoreContractTest.class) {
      if (store == null) {
        store = JdbcPipelineStore.builder(Databases.H2.dataSource()).build();
      }
      return store;
    }
  }
}
