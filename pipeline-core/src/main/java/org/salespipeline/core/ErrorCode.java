package org.salespipeline.core;

import java.util.Optional;

/**
 * The stable code of each kind of {@link PipelineException}, for hosts to switch on, map to their
 * own messages and translate, instead of parsing the English message.
 *
 * <p>A code's {@link #code() text} never changes once released (hosts store and map it); a new kind
 * of error adds a constant. The constant names may be renamed, the texts may not.
 */
public enum ErrorCode {
  /** Bad input: {@link ValidationException}, with every field problem. */
  VALIDATION("validation"),
  /** The stage rules refused a stage change: {@link IllegalTransitionException}. */
  ILLEGAL_TRANSITION("illegal_transition"),
  /** No such deal in the workspace: {@link DealNotFoundException}. */
  DEAL_NOT_FOUND("deal_not_found"),
  /** The command needs an open deal: {@link ClosedDealException}. */
  CLOSED_DEAL("closed_deal"),
  /** The deal changed since the version given: {@link ConcurrentDealModificationException}. */
  CONCURRENT_DEAL_MODIFICATION("concurrent_deal_modification"),
  /** A retention record changed meanwhile: {@link ConcurrentRetentionModificationException}. */
  CONCURRENT_RETENTION_MODIFICATION("concurrent_retention_modification"),
  /**
   * The retention rules refused a retention command (issue 17): {@link
   * IllegalRetentionMoveException}.
   */
  ILLEGAL_RETENTION_MOVE("illegal_retention_move"),
  /**
   * A store found the idempotency key taken: {@link
   * org.salespipeline.core.store.DuplicateIdempotencyKeyException}.
   */
  DUPLICATE_IDEMPOTENCY_KEY("duplicate_idempotency_key"),
  /**
   * An idempotency key was used before by a different command: {@link
   * org.salespipeline.core.store.IdempotencyKeyReusedException}.
   */
  IDEMPOTENCY_KEY_REUSED("idempotency_key_reused"),
  /** No rate to convert an amount: {@link CurrencyConversionException}. */
  CURRENCY_CONVERSION("currency_conversion"),
  /** A builder or setting is wrong: {@link ConfigurationException}. */
  CONFIGURATION("configuration"),
  /** The store failed: {@link StorageException}. */
  STORAGE("storage"),
  /** A database schema is missing, newer or different from what the migrations create. */
  SCHEMA("schema"),
  /**
   * The store lost the connection while committing and nobody can tell whether the command was
   * written: {@link org.salespipeline.core.store.CommitOutcomeUnknownException}.
   */
  COMMIT_OUTCOME_UNKNOWN("commit_outcome_unknown"),
  /**
   * A stored record cannot be read back (written by hand or damaged): {@link
   * org.salespipeline.core.store.CorruptRecordException}.
   */
  CORRUPT_RECORD("corrupt_record"),
  /**
   * The access policy refused an action (issue 16): {@link
   * org.salespipeline.core.access.AccessDeniedException}.
   */
  ACCESS_DENIED("access_denied"),
  /**
   * A forecast call fell outside its submission window (issue 18): {@link
   * org.salespipeline.core.call.CallRefusedException}.
   */
  CALL_REFUSED("call_refused"),
  /**
   * An adjustment was based on a stale version of its cell (issue 18): {@link
   * org.salespipeline.core.call.ConcurrentAdjustmentModificationException}.
   */
  CONCURRENT_ADJUSTMENT_MODIFICATION("concurrent_adjustment_modification"),
  /**
   * A user tried to adjust a node at or above their own (issue 18): {@link
   * org.salespipeline.core.call.AdjustmentNotAllowedException}.
   */
  ADJUSTMENT_NOT_ALLOWED("adjustment_not_allowed"),
  /**
   * A subclass that names no code of its own (written before codes existed, for example a host's
   * own exception).
   */
  UNCLASSIFIED("unclassified");

  private final String code;

  ErrorCode(String code) {
    this.code = code;
  }

  /** The stable text of the code, lower case with underscores, for example {@code closed_deal}. */
  public String code() {
    return code;
  }

  /** The code with the text, if there is one. */
  public static Optional<ErrorCode> ofCode(String code) {
    for (ErrorCode candidate : values()) {
      if (candidate.code.equals(code)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return code;
  }
}
