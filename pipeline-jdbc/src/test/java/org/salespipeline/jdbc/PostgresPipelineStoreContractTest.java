package org.salespipeline.jdbc;

import net.jqwik.api.lifecycle.AddLifecycleHook;
import org.salespipeline.core.store.PipelineStore;
import org.salespipeline.testkit.PipelineStoreContract;

/**
 * The storage contract on PostgreSQL: every theme of {@link PipelineStoreContract} (commits,
 * versions and gap-free histories, all-or-nothing batches, idempotent replays, workspace isolation,
 * queries, reference data, retention, activities, concurrency and random command chains); one store
 * shared by all tests.
 */
@AddLifecycleHook(SkipWithoutDatabase.Postgres.class)
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
