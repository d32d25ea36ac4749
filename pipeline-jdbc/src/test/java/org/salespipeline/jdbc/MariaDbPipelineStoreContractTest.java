package org.salespipeline.jdbc;

import org.salespipeline.core.store.PipelineStore;
import org.salespipeline.testkit.PipelineStoreContract;

/**
 * The storage contract (T1, T2, T3, T10, T17 and more) on MariaDb; one store shared by all tests.
 */
class MariaDbPipelineStoreContractTest extends PipelineStoreContract {
  private static PipelineStore store;

  @Override
  protected PipelineStore store() {
    synchronized (MariaDbPipelineStoreContractTest.class) {
      if (store == null) {
        store = JdbcPipelineStore.builder(Databases.MARIADB.dataSource()).build();
      }
      return store;
    }
  }
}
