package org.salespipeline.core.event;

import org.salespipeline.core.ConcurrentDealModificationException;
import org.salespipeline.core.ConcurrentRetentionModificationException;
import org.salespipeline.core.PipelineException;
import org.salespipeline.core.StorageException;
import org.salespipeline.core.command.CommandResult;

/**
 * How a command ended, in the few values metrics tag commands with (see {@link PipelineObserver}).
 */
public enum CommandOutcome {
  /** Committed (or changed nothing). */
  OK,
  /** Its idempotency key was used before: the first result was returned, nothing written. */
  REPLAYED,
  /** Refused for its input or the deal's state: validation, rules, closed or unknown deal. */
  REJECTED,
  /** Lost a race with another writer of the same deal (after any retries). */
  CONFLICT,
  /** The storage failed, or anything else unexpected was thrown. */
  ERROR;

  /** The outcome of a command that returned this result. */
  public static CommandOutcome of(CommandResult result) {
    return result.replayed() ? REPLAYED : OK;
  }

  /** The outcome of a command that threw this. */
  public static CommandOutcome of(Throwable failure) {
    if (failure instanceof ConcurrentDealModificationException
        || failure instanceof ConcurrentRetentionModificationException) {
      return CONFLICT;
    }
    if (failure instanceof StorageException || !(failure instanceof PipelineException)) {
      return ERROR;
    }
    return REJECTED;
  }

  /** The lower-case tag value, for example {@code ok} or {@code conflict}. */
  public String tag() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
