package org.salespipeline.jdbc.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.salespipeline.core.ConcurrentDealModificationException;
import org.salespipeline.core.StorageException;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.store.DealCommit;
import org.salespipeline.core.store.DuplicateIdempotencyKeyException;

/** One all-or-nothing batch of an import. */
public final class ImportSupport {
  private ImportSupport() {}

  public static void importBatch(
      StoreContext context, JdbcWorkspaceStore store, WorkspaceId ws, List<DealCommit> batch) {
    List<JdbcWorkspaceStore.Encoded> encoded = new ArrayList<>(batch.size());
    for (DealCommit commit : batch) {
      encoded.add(JdbcWorkspaceStore.encode(commit));
    }
    context.tx.inTransaction(
        "importing " + batch.size() + " deals into " + ws,
        c -> {
          try {
            store.insertDeals(c, batch, encoded);
          } catch (SQLException e) {
            if (context.tx.dialect().isUniqueViolation(e)) {
              throw new Transactor.Refusal(() -> conflict(store, batch, e));
            }
            throw e;
          }
          return null;
        });
  }

  private static RuntimeException conflict(
      JdbcWorkspaceStore store, List<DealCommit> batch, SQLException cause) {
    for (DealCommit commit : batch) {
      long actual = store.currentVersion(commit.deal().id());
      if (actual != 0) {
        return new ConcurrentDealModificationException(commit.deal().id(), 0, actual);
      }
    }
    for (DealCommit commit : batch) {
      if (commit.idempotencyKey().isPresent()
          && store.idempotencyRecord(commit.idempotencyKey().get()).isPresent()) {
        return new DuplicateIdempotencyKeyException(commit.idempotencyKey().get());
      }
    }
    return new StorageException(
        "import batch refused by a unique constraint (a deal id or idempotency key occurs twice"
            + " within the batch?): "
            + Transactor.describe(cause),
        cause);
  }
}
