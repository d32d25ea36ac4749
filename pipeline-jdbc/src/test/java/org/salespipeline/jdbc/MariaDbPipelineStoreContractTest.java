package org.salespipeline.jdbc;

import net.jqwik.api.lifecycle.AddLifecycleHook;
import org.salespipeline.core.store.PipelineStore;
import org.salespipeline.testkit.PipelineStoreContract;

/**
 * The storage contract on MariaDB: every theme of {@link PipelineStoreContract} (commits, versions
 * and gap-free histories, all-or-nothing batches, idempotent replays, workspace isolation, queries,
 * reference data, retention, activities, concurrency and random command chains); one store shared
 * by all tests.
 */
@AddLifecycleHook(SkipWithoutDatabase.MariaDb.class)
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
