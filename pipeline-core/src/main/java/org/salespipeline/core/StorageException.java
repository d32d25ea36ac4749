package org.salespipeline.core;

/**
 * The storage failed (connection lost, constraint, driver error). The command was not applied; when
 * that cannot be known, the subclass {@link
 * org.salespipeline.core.store.CommitOutcomeUnknownException} says so instead.
 */
public class StorageException extends PipelineException {
  private static final long serialVersionUID = 1L;

  public StorageException(String message, Throwable cause) {
    super(ErrorCode.STORAGE, message, cause);
  }

  public StorageException(String message) {
    super(ErrorCode.STORAGE, message);
  }

  /** For the kinds of storage failure that carry a code of their own. */
  protected StorageException(ErrorCode code, String message, Throwable cause) {
    super(code, message, cause);
  }
}
