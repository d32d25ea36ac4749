package org.salespipeline.core;

/** The storage failed (connection lost, constraint, driver error). The command was not applied. */
public class StorageException extends PipelineException {
  private static final long serialVersionUID = 1L;

  public StorageException(String message, Throwable cause) {
    super(ErrorCode.STORAGE, message, cause);
  }

  public StorageException(String message) {
    super(ErrorCode.STORAGE, message);
  }
}
