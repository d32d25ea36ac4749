package org.salespipeline.core.command;

import java.util.List;
import org.salespipeline.core.DealId;

/**
 * What a bulk import wrote.
 *
 * <p>An import is resumable: a row whose deal id (or, for a row without an id, whose idempotency
 * key) is already in the workspace, for example because an earlier run of the same import was
 * interrupted after some batches, is not written again but listed in {@link #alreadyPresent()}.
 *
 * @param imported the ids of the deals written by this call, in input order
 * @param overridden how many of the rows needed the rules overridden (recorded in their history)
 * @param alreadyPresent the ids of the rows found already in the workspace and left as they are, in
 *     input order (for a row recognised by its idempotency key, the id of the deal that key
 *     created)
 */
public record ImportResult(List<DealId> imported, int overridden, List<DealId> alreadyPresent) {
  public ImportResult {
    imported = List.copyOf(imported);
    alreadyPresent = List.copyOf(alreadyPresent);
  }

  /** A result with no row already present. */
  public ImportResult(List<DealId> imported, int overridden) {
    this(imported, overridden, List.of());
  }
}
