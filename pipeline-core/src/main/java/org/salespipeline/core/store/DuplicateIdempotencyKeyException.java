package org.salespipeline.core.store;

import org.salespipeline.core.ErrorCode;
import org.salespipeline.core.PipelineException;

/**
 * A store refused a commit because its idempotency key was used before; the engine answers such a
 * command with the first command's result. Nothing was written.
 */
public class DuplicateIdempotencyKeyException extends PipelineException {
  private static final long serialVersionUID = 1L;

  private final String key;

  public DuplicateIdempotencyKeyException(String key) {
    super(ErrorCode.DUPLICATE_IDEMPOTENCY_KEY, "idempotency key '" + key + "' was already used");
    this.key = key;
  }

  public String key() {
    return key;
  }
}
