package org.salespipeline.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.rule.RuleViolation;
import org.salespipeline.core.store.DuplicateIdempotencyKeyException;
import org.salespipeline.core.store.IdempotencyKeyReusedException;

/**
 * Issue 14, item 15: every {@link PipelineException} carries a stable error code a host can switch
 * on and translate. The codes are part of the API: this list pins them, so a rename of a constant
 * never changes what hosts have stored or mapped.
 */
class ErrorCodeTest {
  static final DealId DEAL = new DealId(UUID.fromString("00000000-0000-7000-8000-000000000001"));
  static final WorkspaceId WORKSPACE = WorkspaceId.of("acme");

  @Test
  void everyCodeIsListedWithItsStableText() {
    assertThat(ErrorCode.values())
        .extracting(ErrorCode::name, ErrorCode::code)
        .containsExactly(
            tuple("VALIDATION", "validation"),
            tuple("ILLEGAL_TRANSITION", "illegal_transition"),
            tuple("DEAL_NOT_FOUND", "deal_not_found"),
            tuple("CLOSED_DEAL", "closed_deal"),
            tuple("CONCURRENT_DEAL_MODIFICATION", "concurrent_deal_modification"),
            tuple("CONCURRENT_RETENTION_MODIFICATION", "concurrent_retention_modification"),
            tuple("ILLEGAL_RETENTION_MOVE", "illegal_retention_move"),
            tuple("DUPLICATE_IDEMPOTENCY_KEY", "duplicate_idempotency_key"),
            tuple("IDEMPOTENCY_KEY_REUSED", "idempotency_key_reused"),
            tuple("CURRENCY_CONVERSION", "currency_conversion"),
            tuple("CONFIGURATION", "configuration"),
            tuple("STORAGE", "storage"),
            tuple("SCHEMA", "schema"),
            tuple("COMMIT_OUTCOME_UNKNOWN", "commit_outcome_unknown"),
            tuple("CORRUPT_RECORD", "corrupt_record"),
            tuple("ACCESS_DENIED", "access_denied"),
            tuple("CALL_REFUSED", "call_refused"),
            tuple("CONCURRENT_ADJUSTMENT_MODIFICATION", "concurrent_adjustment_modification"),
            tuple("ADJUSTMENT_NOT_ALLOWED", "adjustment_not_allowed"),
            tuple("UNCLASSIFIED", "unclassified"));
  }

  @Test
  void codesAreUniqueAndFoundByTheirText() {
    for (ErrorCode code : ErrorCode.values()) {
      assertThat(ErrorCode.ofCode(code.code())).contains(code);
    }
    assertThat(ErrorCode.ofCode("no_such_code")).isEmpty();
  }

  @Test
  void everyKindOfTheCoreCarriesItsOwnCode() {
    List<PipelineException> kinds =
        List.of(
            new ValidationException(FieldProblem.of("amount", "-1", "must not be negative")),
            new IllegalTransitionException(
                DEAL, "prospecting", "closing", List.of(RuleViolation.of("no_skipping", "skips"))),
            new DealNotFoundException(WORKSPACE, DEAL),
            new ClosedDealException(DEAL, DealStatus.WON, "move"),
            new ConcurrentDealModificationException(DEAL, 1, 2),
            new ConcurrentRetentionModificationException(new AccountId(DEAL.value()), 1, 2),
            new IllegalRetentionMoveException(
                new AccountId(DEAL.value()),
                RetentionStatus.CHURNED,
                "mark at risk",
                List.of(RuleViolation.of("retention-transition", "churned"))),
            new DuplicateIdempotencyKeyException("order-17"),
            new IdempotencyKeyReusedException("order-17", "a1", "b2"),
            new CurrencyConversionException(
                Currency.getInstance("USD"), Currency.getInstance("EUR"), LocalDate.of(2026, 1, 1)),
            new ConfigurationException("store was already set"),
            new StorageException("disk full"),
            new org.salespipeline.core.store.CommitOutcomeUnknownException("commit", null),
            new org.salespipeline.core.store.CorruptRecordException("deals", "d-1", null),
            new org.salespipeline.core.access.AccessDeniedException(
                UserId.of("alice"),
                org.salespipeline.core.access.Action.MOVE,
                java.util.Optional.of(DEAL),
                "no grant gives MOVE"));

    assertThat(kinds)
        .extracting(PipelineException::errorCode)
        .containsExactly(
            ErrorCode.VALIDATION,
            ErrorCode.ILLEGAL_TRANSITION,
            ErrorCode.DEAL_NOT_FOUND,
            ErrorCode.CLOSED_DEAL,
            ErrorCode.CONCURRENT_DEAL_MODIFICATION,
            ErrorCode.CONCURRENT_RETENTION_MODIFICATION,
            ErrorCode.ILLEGAL_RETENTION_MOVE,
            ErrorCode.DUPLICATE_IDEMPOTENCY_KEY,
            ErrorCode.IDEMPOTENCY_KEY_REUSED,
            ErrorCode.CURRENCY_CONVERSION,
            ErrorCode.CONFIGURATION,
            ErrorCode.STORAGE,
            ErrorCode.COMMIT_OUTCOME_UNKNOWN,
            ErrorCode.CORRUPT_RECORD,
            ErrorCode.ACCESS_DENIED);
  }

  @Test
  void anErrorFromTheEngineCarriesItsCode() {
    SalesPipeline pipeline = Fixtures.engine(Fixtures.clock());
    try {
      pipeline.requireDeal(DEAL);
    } catch (PipelineException e) {
      assertThat(e.errorCode()).isEqualTo(ErrorCode.DEAL_NOT_FOUND);
      assertThat(e.errorCode().code()).isEqualTo("deal_not_found");
      return;
    }
    throw new AssertionError("requireDeal of a missing deal must throw");
  }
}
