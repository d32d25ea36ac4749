package org.salespipeline.core.store;

import java.util.Objects;
import java.util.Optional;
import org.salespipeline.core.DealId;

/**
 * What a command with an idempotency key did: which deal it changed and the version it produced.
 *
 * @param key the idempotency key
 * @param dealId the deal
 * @param dealVersion the deal's version after the command
 * @param commandFingerprint the fingerprint of the command ({@link CommandFingerprint}); empty when
 *     the command carried none or was stored before fingerprints were recorded
 */
public record IdempotencyRecord(
    String key, DealId dealId, long dealVersion, Optional<String> commandFingerprint) {
  public IdempotencyRecord {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(dealId, "dealId");
    Objects.requireNonNull(commandFingerprint, "commandFingerprint");
  }

  /**
   * A record without a command fingerprint.
   *
   * @param key the idempotency key
   * @param dealId the deal
   * @param dealVersion the deal's version after the command
   */
  public IdempotencyRecord(String key, DealId dealId, long dealVersion) {
    this(key, dealId, dealVersion, Optional.empty());
  }
}
