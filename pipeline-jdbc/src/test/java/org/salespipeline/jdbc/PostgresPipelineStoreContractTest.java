package org.salespipeline.jdbc;

import org.salespipeline.core.store.PipelineStore;
import org.salespipeline.testkit.PipelineStoreContract;

/**
 * The storage contract (T1, T2, T3, T10, T17 and more) on Postgres; one store shared by all tests.
 */
class PostgresPipelineStoreContractTest extends PipelineStoreContract {
  private static PipelineStore store;

  @Override
  protected PipelineStore store() {
    synchronized (PostgresPipelineStoreContractTest.class) {
      if (store == null) {
        store = JdbcPipelineStore.builder(Databases.POSTGRES.dataSource()).build();
      }
      return store;
    }
  }
}
