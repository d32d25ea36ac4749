package org.salespipeline.core.store;

import org.salespipeline.core.ErrorCode;
import org.salespipeline.core.StorageException;

/**
 * The connection was lost while the store committed, so the command may or may not have been
 * written (issue 14, item 5): the database may have committed it just before the connection broke.
 * Unlike its parent {@link StorageException}, this does not promise that nothing was written.
 *
 * <p>Stores throw it from {@link WorkspaceStore#commit} and {@link WorkspaceStore#commitAll}. The
 * engine ({@link org.salespipeline.core.SalesPipeline}) resolves it before answering where it can,
 * by reading back the idempotency key or the deal's history: success if the command is there, a
 * plain {@link StorageException} if it surely is not; it passes this exception on only when it
 * cannot tell (the read-back failed too). A caller that gets it should retry the command with the
 * same idempotency key, which replays the first result if the command was written.
 */
public class CommitOutcomeUnknownException extends StorageException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what was being committed
   * @param cause the driver's failure
   */
  public CommitOutcomeUnknownException(String message, Throwable cause) {
    super(ErrorCode.COMMIT_OUTCOME_UNKNOWN, message, cause);
  }
}
