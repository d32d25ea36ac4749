package org.salespipeline.core.command;

import java.util.Objects;
import java.util.Optional;
import org.salespipeline.core.AccountId;
import org.salespipeline.core.UserId;

/** Null checks every {@link RetentionCommand} shares; the engine checks the values. */
final class RetentionChecks {
  private RetentionChecks() {}

  static void common(AccountId account, UserId actor, Optional<String> idempotencyKey) {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
  }
}
