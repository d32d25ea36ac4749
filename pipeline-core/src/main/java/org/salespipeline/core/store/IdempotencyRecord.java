package org.salespipeline.core.store;

import java.util.Objects;
import org.salespipeline.core.DealId;

/**
 * What a command with an idempotency key did: which deal it changed and the version it produced.
 *
 * @param key the idempotency key
 * @param dealId the deal
 * @param dealVersion the deal's version after the command
 */
public record IdempotencyRecord(String key, DealId dealId, long dealVersion) {
  public IdempotencyRecord {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(dealId, "dealId");
  }
}
