package org.salespipeline.core.store;

import org.salespipeline.core.ErrorCode;
import org.salespipeline.core.PipelineException;

/**
 * A command was refused because its idempotency key was used before by a different command (another
 * deal, another payload): the fingerprint stored with the key is not the new command's. Unlike
 * {@link DuplicateIdempotencyKeyException} this is not a replay; the first result is not returned,
 * and nothing was written. Give each intended change its own key.
 */
public class IdempotencyKeyReusedException extends PipelineException {
  private static final long serialVersionUID = 1L;

  private final String key;
  private final String storedFingerprint;
  private final String fingerprint;

  /**
   * @param key the idempotency key
   * @param storedFingerprint the fingerprint of the command that used the key first
   * @param fingerprint the fingerprint of the refused command
   */
  public IdempotencyKeyReusedException(String key, String storedFingerprint, String fingerprint) {
    super(
        ErrorCode.IDEMPOTENCY_KEY_REUSED,
        "idempotency key '"
            + key
            + "' was already used by a different command (fingerprint "
            + storedFingerprint
            + ", this command "
            + fingerprint
            + "); nothing was written");
    this.key = key;
    this.storedFingerprint = storedFingerprint;
    this.fingerprint = fingerprint;
  }

  /** The idempotency key. */
  public String key() {
    return key;
  }

  /** The fingerprint of the command that used the key first. */
  public String storedFingerprint() {
    return storedFingerprint;
  }

  /** The fingerprint of the refused command. */
  public String fingerprint() {
    return fingerprint;
  }
}
