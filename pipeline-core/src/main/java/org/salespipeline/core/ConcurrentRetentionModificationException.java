package org.salespipeline.core;

/** A retention change was based on a stale version of the account's retention record. */
public class ConcurrentRetentionModificationException extends PipelineException {
  private static final long serialVersionUID = 1L;

  private final AccountId account;
  private final long expectedVersion;
  private final long actualVersion;

  public ConcurrentRetentionModificationException(
      AccountId account, long expectedVersion, long actualVersion) {
    super(
        ErrorCode.CONCURRENT_RETENTION_MODIFICATION,
        "retention of account "
            + account
            + " was modified concurrently: expected version "
            + expectedVersion
            + " but found "
            + actualVersion);
    this.account = account;
    this.expectedVersion = expectedVersion;
    this.actualVersion = actualVersion;
  }

  public AccountId account() {
    return account;
  }

  public long expectedVersion() {
    return expectedVersion;
  }

  public long actualVersion() {
    return actualVersion;
  }
}
